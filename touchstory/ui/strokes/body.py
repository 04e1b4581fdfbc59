"""Body outlines and the grown-up's hand, drawn with QPainterPath in 0..1 body
coordinates (the packs' motion points use the same square; see the top of each
.pack file). Simple, soft shapes: a baby lying on its back seen from above, and
the same baby turned over on its tummy (head to one side) for strokes on the back;
the story pack's child (from behind, in front, lying down) is in body_child.py.
The baby's two views share their frame: head at the top, the torso in the same
box, so the infant pack's back strokes land on the drawn back. `outline(view)`
gives any view's drawing."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QTransform

from touchstory.story.packs import Body
from touchstory.ui.strokes.body_child import child_back, child_front, child_lying
from touchstory.ui.strokes.placing import View
from touchstory.ui.strokes.shapes import Outline, merged, stroked


def _baby() -> Outline:
    fill = QPainterPath()
    for side in (-1, 1):
        # arms resting out to the sides, hands open near the hips
        arm = QPainterPath(QPointF(0.5 + side * 0.1, 0.26))
        arm.cubicTo(0.5 + side * 0.17, 0.3, 0.5 + side * 0.25, 0.4, 0.5 + side * 0.275, 0.52)
        fill.addPath(stroked(arm, 0.085))
        fill.addEllipse(QPointF(0.5 + side * 0.29, 0.565), 0.042, 0.042)
        # legs, softly bent, to the feet
        leg = QPainterPath(QPointF(0.5 + side * 0.07, 0.6))
        leg.cubicTo(0.5 + side * 0.12, 0.70, 0.5 + side * 0.10, 0.82, 0.5 + side * 0.08, 0.90)
        fill.addPath(stroked(leg, 0.1))
        fill.addEllipse(QPointF(0.5 + side * 0.08, 0.95), 0.045, 0.035)
    torso = QPainterPath()
    torso.addRoundedRect(QRectF(0.37, 0.19, 0.26, 0.46), 0.12, 0.12)
    fill.addPath(torso)
    fill.addEllipse(QPointF(0.5, 0.1), 0.095, 0.095)
    fill = merged(fill)

    nappy = QPainterPath(QPointF(0.375, 0.54))
    nappy.cubicTo(0.42, 0.56, 0.58, 0.56, 0.625, 0.54)
    nappy.lineTo(0.62, 0.6)
    nappy.cubicTo(0.6, 0.67, 0.55, 0.69, 0.5, 0.69)
    nappy.cubicTo(0.45, 0.69, 0.40, 0.67, 0.38, 0.6)
    nappy.closeSubpath()
    hair = QPainterPath()
    hair.addPath(nappy)
    tuft = QPainterPath(QPointF(0.47, 0.02))
    tuft.cubicTo(0.49, 0.0, 0.53, 0.01, 0.52, 0.035)
    hair.addPath(tuft)

    face = QPainterPath()
    for side in (-1, 1):  # closed, sleepy eyes
        face.moveTo(0.5 + side * 0.045 - 0.02, 0.095)
        face.quadTo(0.5 + side * 0.045, 0.11, 0.5 + side * 0.045 + 0.02, 0.095)
    face.moveTo(0.48, 0.145)
    face.quadTo(0.5, 0.16, 0.52, 0.145)  # a small smile

    guides = QPainterPath()
    guides.addEllipse(QPointF(0.5, 0.47), 0.006, 0.006)  # tummy button
    for side in (-1, 1):
        guides.moveTo(0.5 + side * 0.03, 0.30)
        guides.quadTo(0.5 + side * 0.08, 0.33, 0.5 + side * 0.10, 0.30)
    return Outline(fill, hair, guides, face, hand_size=0.17)


def _baby_back() -> Outline:
    """The baby on its tummy, seen from above: arms bent up beside the head, legs
    softly froggy, the head turned to its left so one cheek and ear show."""
    fill = QPainterPath()
    for side in (-1, 1):
        arm = QPainterPath(QPointF(0.5 + side * 0.1, 0.25))  # shoulder, out to the elbow, up by the head
        arm.cubicTo(0.5 + side * 0.19, 0.26, 0.5 + side * 0.255, 0.30, 0.5 + side * 0.25, 0.24)
        arm.quadTo(0.5 + side * 0.245, 0.21, 0.5 + side * 0.235, 0.19)
        fill.addPath(stroked(arm, 0.085))
        fill.addEllipse(QPointF(0.5 + side * 0.232, 0.17), 0.042, 0.042)
        leg = QPainterPath(QPointF(0.5 + side * 0.07, 0.6))  # hip, knee out, foot back in
        leg.cubicTo(0.5 + side * 0.15, 0.68, 0.5 + side * 0.17, 0.80, 0.5 + side * 0.10, 0.89)
        fill.addPath(stroked(leg, 0.1))
        fill.addEllipse(QPointF(0.5 + side * 0.10, 0.935), 0.034, 0.045)  # the sole, turned up
    torso = QPainterPath()
    torso.addRoundedRect(QRectF(0.37, 0.19, 0.26, 0.46), 0.12, 0.12)
    fill.addPath(torso)
    fill.addEllipse(QPointF(0.5, 0.105), 0.1, 0.09)  # the head in profile: longer front to back
    fill.addEllipse(QPointF(0.597, 0.118), 0.016, 0.014)  # the nose
    fill = merged(fill)

    nappy = QPainterPath(QPointF(0.372, 0.53))
    nappy.cubicTo(0.42, 0.55, 0.58, 0.55, 0.628, 0.53)
    nappy.lineTo(0.625, 0.6)
    nappy.cubicTo(0.61, 0.68, 0.56, 0.70, 0.5, 0.70)
    nappy.cubicTo(0.44, 0.70, 0.39, 0.68, 0.375, 0.6)
    nappy.closeSubpath()
    head = QPainterPath()
    head.addEllipse(QPointF(0.5, 0.105), 0.1, 0.09)
    crown = QPainterPath()
    crown.addEllipse(QPointF(0.445, 0.085), 0.1, 0.1)
    hair = QPainterPath()
    hair.addPath(nappy)
    hair.addPath(merged(head.intersected(crown)))  # soft hair on the back of the head

    face = QPainterPath()
    face.moveTo(0.548, 0.098)  # one closed, sleepy eye
    face.quadTo(0.565, 0.112, 0.582, 0.1)
    face.moveTo(0.572, 0.15)
    face.quadTo(0.582, 0.156, 0.59, 0.148)  # the corner of a small smile
    face.moveTo(0.525, 0.115)  # the ear
    face.cubicTo(0.51, 0.1, 0.49, 0.115, 0.497, 0.135)
    face.quadTo(0.505, 0.15, 0.52, 0.142)

    guides = QPainterPath(QPointF(0.5, 0.25))
    guides.lineTo(0.5, 0.51)  # the spine: the how-to says keep off it
    for side in (-1, 1):
        guides.moveTo(0.5 + side * 0.035, 0.28)  # shoulder blades
        guides.quadTo(0.5 + side * 0.09, 0.28, 0.5 + side * 0.085, 0.35)
    guides.moveTo(0.5, 0.605)  # the nappy over the bottom
    guides.quadTo(0.503, 0.65, 0.5, 0.69)
    return Outline(fill, hair, guides, face, hand_size=0.17)


_BUILD = {View.CHILD_BACK: child_back, View.CHILD_FRONT: child_front, View.CHILD_LYING: child_lying,
          View.BABY_FRONT: _baby, View.BABY_BACK: _baby_back}
_DEFAULT_VIEW = {Body.BACK: View.CHILD_BACK, Body.BABY: View.BABY_FRONT}
_CACHE: dict[View, Outline] = {}


def outline(view: View | Body) -> Outline:
    """The outline for a view (a pack's body gives its usual view); built once,
    paths are immutable values."""
    if isinstance(view, Body):
        view = _DEFAULT_VIEW[view]
    if view not in _CACHE:
        _CACHE[view] = _BUILD[view]()
    return _CACHE[view]


@functools.cache
def hand_path(mirrored: bool) -> QPainterPath:
    """A relaxed open hand, palm down, fingers pointing up, about 1 unit long and
    centred on the palm. Unmirrored it is the grown-up's left hand seen from
    above (thumb to the right, towards the spine when it rests left of centre);
    mirrored, the right hand."""
    path = QPainterPath()
    path.addRoundedRect(QRectF(-0.25, -0.1, 0.5, 0.52), 0.2, 0.2)  # palm
    fingers = ((-0.185, -0.40, 0.40), (-0.062, -0.5, 0.5), (0.062, -0.48, 0.48), (0.183, -0.38, 0.38))
    for x, top, length in fingers:
        path.addRoundedRect(QRectF(x - 0.058, top, 0.116, length), 0.058, 0.058)
    thumb = QPainterPath()
    thumb.addRoundedRect(QRectF(-0.075, -0.3, 0.15, 0.36), 0.075, 0.075)
    path.addPath(QTransform().translate(0.2, 0.22).rotate(42).map(thumb))
    path = merged(path)
    if mirrored:
        path = QTransform().scale(-1, 1).map(path)
    return path
