"""What a body drawing is made of (`Outline`) and the few path tools the drawings
in body.py and body_child.py share: limbs as round-capped strokes, overlapping
parts merged into one outline, all in 0..1 body coordinates."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QTransform


@dataclass(frozen=True, slots=True)
class Outline:
    """The parts of a body drawing, each a path in unit coordinates."""

    fill: QPainterPath  # everything that gets the body colour
    hair: QPainterPath  # darker shapes (hair, the baby's nappy, a child's shorts)
    guides: QPainterPath  # faint inner lines: spine, shoulder blades, arm gaps
    face: QPainterPath  # a calm face, a turned head's eye and ear (empty from behind)
    hand_size: float  # the grown-up's hand length in unit coordinates


_FINE = 1000.0  # curves are flattened at this scale, so they stay round in unit space


def merged(path: QPainterPath) -> QPainterPath:
    """Overlapping parts merged into one outline. QPainterPath.simplified() turns
    curves into lines at a fixed tolerance, so do it on a large copy."""
    big = QTransform.fromScale(_FINE, _FINE).map(path)
    big.setFillRule(Qt.FillRule.WindingFill)  # overlaps join; odd-even would cut holes
    big = big.simplified()
    return QTransform.fromScale(1 / _FINE, 1 / _FINE).map(big)


def intersected(a: QPainterPath, b: QPainterPath) -> QPainterPath:
    """Where `a` and `b` overlap (a cap of hair on a head), kept round as merged() does."""
    up, down = QTransform.fromScale(_FINE, _FINE), QTransform.fromScale(1 / _FINE, 1 / _FINE)
    return down.map(up.map(a).intersected(up.map(b)))


def union(*parts: QPainterPath) -> QPainterPath:
    """The parts as one outline, whichever way round each was drawn: merged() counts
    windings, so a part running the other way (a rectangle, a mirrored leg) would
    cut a hole where it overlaps the rest. Each part is one shape drawn one way."""
    up, down = QTransform.fromScale(_FINE, _FINE), QTransform.fromScale(1 / _FINE, 1 / _FINE)
    out = QPainterPath()
    for part in parts:
        out = out.united(up.map(merged(part)))
    return down.map(out)


def stroked(line: QPainterPath, width: float) -> QPainterPath:
    """A limb: the line drawn with a round-capped pen `width` wide, as a shape."""
    stroker = QPainterPathStroker()
    stroker.setWidth(width * _FINE)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    big = stroker.createStroke(QTransform.fromScale(_FINE, _FINE).map(line))
    return QTransform.fromScale(1 / _FINE, 1 / _FINE).map(big)


def capsule(x0: float, y0: float, x1: float, y1: float, width: float) -> QPainterPath:
    line = QPainterPath(QPointF(x0, y0))
    line.lineTo(x1, y1)
    return stroked(line, width)


def mirrored(path: QPainterPath) -> QPainterPath:
    """`path` flipped about the body's middle (x = 0.5): the other arm, leg or foot.
    The flip turns its outline the other way round: join it on with union()."""
    return QTransform().translate(1, 0).scale(-1, 1).map(path)


__all__ = ["Outline", "capsule", "intersected", "merged", "mirrored", "stroked", "union"]
