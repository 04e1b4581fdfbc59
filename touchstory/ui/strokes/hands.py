"""The grown-up's hand in each shape a pack names (`hand: fingertips`...), drawn
with QPainterPath seen from above, fingers pointing up, about one unit long.

Each drawing's origin (0, 0) is the point that touches the body: the middle of
the palm for a flat hand, the pads for fingertips and curled fingers, the thumb's
pad, the hollow of a cupped hand, the edge of a hand on its side. So a pack's
motion points are where the touch is, and the hand is drawn around them. `tips`
are the points that meet the body, for the ripples and the raked trail of curled
fingers. Unmirrored it is the left hand (thumb to the right, towards the spine
when it rests left of the middle); mirrored, the right.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath, QTransform

from touchstory.story.packs import HandShape
from touchstory.ui.strokes.body import hand_path
from touchstory.ui.strokes.shapes import capsule, merged

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class HandDrawing:
    fill: QPainterPath  # the hand's silhouette
    lines: QPainterPath  # creases and knuckles that tell the shape (drawn thin, over the fill)
    tips: tuple[Point, ...]  # where it meets the body, relative to the origin
    trail: float  # how wide its contact trail is, in hand lengths (per tip when curled)


def _rounded(x0: float, y0: float, x1: float, y1: float, r: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), r, r)
    return path


def _thumb(x0: float, y0: float, x1: float, y1: float, width: float = 0.15) -> QPainterPath:
    return capsule(x0, y0, x1, y1, width)


def _join(*parts: QPainterPath) -> QPainterPath:
    path = QPainterPath()
    for part in parts:
        path.addPath(part)
    return merged(path)


def _arc(path: QPainterPath, x0: float, y0: float, cx: float, cy: float, x1: float, y1: float) -> None:
    path.moveTo(x0, y0)
    path.quadTo(cx, cy, x1, y1)


def _flat() -> HandDrawing:
    return HandDrawing(hand_path(False), QPainterPath(), ((0.0, 0.0),), 0.5)


def _fingertips() -> HandDrawing:
    """All four finger pads down, fingers softly bent: raindrops, drumming."""
    fingers = ((-0.19, 0.04), (-0.065, -0.02), (0.06, -0.01), (0.18, 0.06))
    parts = [_rounded(-0.25, 0.30, 0.25, 0.82, 0.19)]
    lines = QPainterPath()
    for x, top in fingers:
        parts.append(_rounded(x - 0.056, top - 0.05, x + 0.056, 0.42, 0.056))
        _arc(lines, x - 0.04, top + 0.13, x, top + 0.10, x + 0.04, top + 0.13)  # the bent middle joint
    parts.append(_thumb(0.22, 0.62, 0.29, 0.36))
    return HandDrawing(_join(*parts), lines, tuple((x, top) for x, top in fingers), 0.12)


def _two_fingers() -> HandDrawing:
    """Index and middle fingers walking on their tips, the other two curled in."""
    parts = [_rounded(-0.22, 0.40, 0.22, 0.90, 0.18),
             _rounded(0.04, -0.05, 0.16, 0.52, 0.06),  # index
             _rounded(-0.09, -0.07, 0.03, 0.52, 0.06)]  # middle
    parts.append(_rounded(-0.20, 0.36, -0.09, 0.50, 0.055))  # ring, curled: only the knuckle shows
    parts.append(_rounded(-0.25, 0.42, -0.15, 0.56, 0.05))  # little finger, curled
    parts.append(_thumb(0.21, 0.70, 0.17, 0.45, 0.14))  # tucked along the side
    lines = QPainterPath()
    for x0, x1, y in ((-0.19, -0.10, 0.47), (-0.24, -0.16, 0.53)):
        _arc(lines, x0, y, (x0 + x1) / 2, y - 0.04, x1, y)  # folded fingers
    for x in (0.10, -0.03):
        _arc(lines, x - 0.04, 0.16, x, 0.13, x + 0.04, 0.16)
    return HandDrawing(_join(*parts), lines, ((0.10, 0.0), (-0.03, -0.02)), 0.12)


def _curled() -> HandDrawing:
    """Fingers curved like a cat's paw, spread a little, only the soft pads touching."""
    fingers = (-0.22, -0.08, 0.06, 0.19)
    parts = [_rounded(-0.26, 0.34, 0.25, 0.84, 0.19)]
    lines = QPainterPath()
    for i, x in enumerate(fingers):
        top = 0.03 if i in (1, 2) else 0.07
        parts.append(_join(capsule(x * 0.8, 0.40, x * 0.97, 0.2, 0.115), capsule(x * 0.97, 0.2, x, top + 0.03, 0.105)))
        _arc(lines, x - 0.05, 0.22, x, 0.17, x + 0.05, 0.22)  # the bent knuckle
        _arc(lines, x - 0.04, top + 0.09, x, top + 0.06, x + 0.04, top + 0.09)
    parts.append(_thumb(0.22, 0.66, 0.30, 0.42))
    return HandDrawing(_join(*parts), lines, tuple((x, 0.0 if i in (1, 2) else 0.04)
                                                   for i, x in enumerate(fingers)), 0.05)


def _cupped() -> HandDrawing:
    """A soft dome: fingers together and rounded over, the palm hollow underneath."""
    fingers = _rounded(-0.21, -0.40, 0.21, 0.02, 0.17)
    palm = _rounded(-0.24, -0.08, 0.24, 0.40, 0.2)
    thumb = _thumb(0.24, 0.26, 0.25, -0.08, 0.14)
    lines = QPainterPath()
    for x in (-0.105, 0.0, 0.105):
        lines.moveTo(x, -0.36 + abs(x) * 0.3)
        lines.lineTo(x, -0.12)
    _arc(lines, -0.19, 0.06, 0.0, -0.06, 0.19, 0.06)  # the rim of the dome
    _arc(lines, -0.12, 0.18, 0.0, 0.12, 0.12, 0.18)
    return HandDrawing(_join(fingers, palm, thumb), lines, ((0.0, 0.0),), 0.4)


def _side() -> HandDrawing:
    """The hand on its little-finger edge, seen from above: a slim blade with the thumb on top."""
    blade = _rounded(-0.085, -0.50, 0.085, 0.46, 0.085)
    thumb = _thumb(0.05, 0.18, 0.16, -0.06, 0.12)
    lines = QPainterPath()
    lines.moveTo(-0.01, -0.44)
    lines.lineTo(-0.01, 0.40)  # the fingers stacked on the edge
    return HandDrawing(_join(blade, thumb), lines, ((0.0, 0.0),), 0.14)


def _thumbs() -> HandDrawing:
    """The thumb's pad at the front, the fingers curled round underneath, holding."""
    palm = _rounded(-0.22, 0.22, 0.26, 0.78, 0.2)
    knuckles = [_rounded(x - 0.065, 0.15, x + 0.065, 0.32, 0.06) for x in (-0.16, -0.05, 0.06)]
    thumb = _thumb(0.16, 0.36, 0.01, 0.04, 0.16)
    lines = QPainterPath()
    lines.addRoundedRect(QRectF(-0.035, 0.0, 0.07, 0.07), 0.03, 0.03)  # the thumbnail: this is the thumb
    for x in (-0.16, -0.05, 0.06):
        _arc(lines, x - 0.05, 0.24, x, 0.2, x + 0.05, 0.24)
    return HandDrawing(_join(palm, *knuckles, thumb), lines, ((0.0, -0.02),), 0.15)


def _grasp() -> HandDrawing:
    """Fingers over the top and the thumb behind, holding softly round (a squeeze)."""
    palm = _rounded(-0.24, -0.18, 0.24, 0.26, 0.18)
    fingers = _rounded(-0.24, -0.40, 0.22, -0.05, 0.1)
    thumb = _thumb(0.20, 0.10, 0.06, 0.42, 0.15)
    lines = QPainterPath()
    for x in (-0.125, -0.01, 0.105):
        lines.moveTo(x, -0.38)
        lines.lineTo(x, -0.20)
    _arc(lines, -0.22, -0.16, 0.0, -0.21, 0.2, -0.16)  # the fingers folding over
    return HandDrawing(_join(palm, fingers, thumb), lines, ((0.0, 0.0),), 0.4)


_DRAW = {HandShape.FLAT: _flat, HandShape.FINGERTIPS: _fingertips, HandShape.TWO_FINGERS: _two_fingers,
         HandShape.CURLED: _curled, HandShape.CUPPED: _cupped, HandShape.SIDE: _side,
         HandShape.THUMBS: _thumbs, HandShape.GRASP: _grasp}


@functools.cache
def hand_drawing(shape: HandShape, mirrored: bool = False) -> HandDrawing:
    """The drawing of `shape` (the right hand when mirrored); built once."""
    drawing = _DRAW[shape]()
    if not mirrored:
        return drawing
    flip = QTransform().scale(-1, 1)
    return HandDrawing(flip.map(drawing.fill), flip.map(drawing.lines),
                       tuple((-x, y) for x, y in drawing.tips), drawing.trail)


__all__ = ["HandDrawing", "hand_drawing"]
