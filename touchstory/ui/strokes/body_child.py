"""The story pack's child, drawn three ways in 0..1 body coordinates: from behind
(back and shoulders: the usual view), from the front (sitting facing us, for the
chest, tummy and face) and lying on their tummy seen from above (for the legs and
the soles of the feet). Front and back share one frame, so a stroke looks the
same size on both; the lying child is the whole child, smaller."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from touchstory.ui.strokes.shapes import Outline, capsule, intersected, merged, mirrored, stroked, union


def _upper_body() -> QPainterPath:
    """Neck, shoulders, torso to the waist and arms hanging at the sides, a little
    apart from the body, and the ears: the same from behind and in front."""
    fill = QPainterPath()
    fill.addPath(capsule(0.235, 0.31, 0.205, 0.74, 0.085))
    fill.addPath(capsule(0.765, 0.31, 0.795, 0.74, 0.085))
    torso = QPainterPath(QPointF(0.455, 0.19))
    torso.cubicTo(0.455, 0.215, 0.43, 0.228, 0.38, 0.232)  # neck into the shoulder
    torso.cubicTo(0.30, 0.238, 0.235, 0.245, 0.215, 0.29)  # shoulder line
    torso.cubicTo(0.20, 0.33, 0.265, 0.36, 0.27, 0.42)  # round of the shoulder, armpit
    torso.cubicTo(0.275, 0.6, 0.29, 0.78, 0.295, 0.9)  # side down to the waist
    torso.quadTo(0.30, 0.94, 0.34, 0.94)
    torso.lineTo(0.66, 0.94)
    torso.quadTo(0.70, 0.94, 0.705, 0.9)
    torso.cubicTo(0.71, 0.78, 0.725, 0.6, 0.73, 0.42)
    torso.cubicTo(0.735, 0.36, 0.80, 0.33, 0.785, 0.29)
    torso.cubicTo(0.765, 0.245, 0.70, 0.238, 0.62, 0.232)
    torso.cubicTo(0.57, 0.228, 0.545, 0.215, 0.545, 0.19)
    torso.closeSubpath()
    fill.addPath(torso)
    fill.addEllipse(QPointF(0.415, 0.105), 0.022, 0.032)  # ears
    fill.addEllipse(QPointF(0.585, 0.105), 0.022, 0.032)
    return merged(fill)


_HEAD = (QPointF(0.5, 0.1), 0.082, 0.094)


def child_back() -> Outline:
    """From behind: hair over the whole head, the spine and shoulder blades."""
    hair = QPainterPath()
    hair.addEllipse(*_HEAD)
    guides = QPainterPath(QPointF(0.5, 0.26))
    guides.lineTo(0.5, 0.86)  # the spine: the how-to says keep off it
    for side in (-1, 1):
        guides.moveTo(0.5 + side * 0.05, 0.33)  # shoulder blades
        guides.cubicTo(0.5 + side * 0.16, 0.31, 0.5 + side * 0.19, 0.40, 0.5 + side * 0.12, 0.50)
    return Outline(_upper_body(), hair, guides, QPainterPath(), hand_size=0.17)


def child_front() -> Outline:
    """Sitting facing us: a calm face under a soft fringe, a T-shirt's neckline."""
    head = QPainterPath()
    head.addEllipse(*_HEAD)
    neck = QPainterPath()
    neck.addRect(QRectF(0.455, 0.15, 0.09, 0.05))  # up under the chin, so no flat line shows there
    # the hair: a cap a touch fuller than the head, down to the ears at the sides,
    # its fringe swept a little to one side
    cap = QPainterPath()
    cap.addEllipse(QPointF(0.5, 0.096), 0.089, 0.1)
    fringe = QPainterPath(QPointF(0.38, 0.125))
    fringe.lineTo(0.38, -0.02)
    fringe.lineTo(0.62, -0.02)
    fringe.lineTo(0.62, 0.125)
    fringe.lineTo(0.592, 0.122)
    fringe.quadTo(0.585, 0.085, 0.552, 0.066)  # three soft locks over the forehead
    fringe.quadTo(0.53, 0.088, 0.5, 0.064)
    fringe.quadTo(0.47, 0.09, 0.448, 0.07)
    fringe.quadTo(0.418, 0.09, 0.408, 0.122)
    fringe.closeSubpath()
    hair = intersected(cap, fringe)

    face = QPainterPath()
    for side in (-1, 1):  # closed, contented eyes
        face.moveTo(0.5 + side * 0.034 - 0.016, 0.108)
        face.quadTo(0.5 + side * 0.034, 0.122, 0.5 + side * 0.034 + 0.016, 0.108)
    face.moveTo(0.482, 0.148)
    face.quadTo(0.5, 0.164, 0.518, 0.148)  # a small smile

    guides = QPainterPath(QPointF(0.445, 0.232))  # the neckline of a T-shirt
    guides.quadTo(0.5, 0.285, 0.555, 0.232)
    for side in (-1, 1):  # its sleeves
        guides.moveTo(0.5 + side * 0.31, 0.445)
        guides.quadTo(0.5 + side * 0.27, 0.455, 0.5 + side * 0.23, 0.44)
    return Outline(union(_upper_body(), neck, head), hair, guides, face, hand_size=0.17)


def _left_sole() -> QPainterPath:
    """The child's left foot, sole up, toes at the bottom, the big toe on the inside."""
    foot = QPainterPath()
    foot.addEllipse(QPointF(0.439, 0.889), 0.028, 0.028)  # heel
    foot.addEllipse(QPointF(0.441, 0.928), 0.036, 0.032)  # ball of the foot
    toes = ((0.463, 0.965, 0.014), (0.44, 0.973, 0.011), (0.421, 0.969, 0.0098), (0.4065, 0.96, 0.0088),
            (0.396, 0.948, 0.0078))
    for x, y, r in toes:
        foot.addEllipse(QPointF(x, y), r, r)
    return foot


def child_lying() -> Outline:
    """Lying on their tummy, seen from above: the back of the head, arms bent up to
    make a pillow under it, shorts, legs straight and the soles of the feet up."""
    arm = QPainterPath(QPointF(0.385, 0.222))  # shoulder, out to the elbow, in under the head
    arm.cubicTo(0.335, 0.226, 0.292, 0.222, 0.296, 0.18)
    arm.cubicTo(0.3, 0.14, 0.36, 0.105, 0.41, 0.09)
    hand = QPainterPath()
    hand.addEllipse(QPointF(0.425, 0.085), 0.027, 0.025)
    leg = QPainterPath(QPointF(0.409, 0.55))  # hip to ankle, slimming to the ankle, a little apart
    leg.cubicTo(0.405, 0.68, 0.411, 0.78, 0.416, 0.885)
    leg.lineTo(0.462, 0.885)
    leg.cubicTo(0.47, 0.78, 0.492, 0.68, 0.499, 0.55)
    leg.closeSubpath()
    left = [stroked(arm, 0.05), hand, leg, _left_sole()]
    torso = QPainterPath(QPointF(0.477, 0.16))
    torso.cubicTo(0.477, 0.18, 0.465, 0.188, 0.44, 0.19)  # neck into the shoulder
    torso.cubicTo(0.405, 0.192, 0.372, 0.198, 0.364, 0.222)  # shoulder line
    torso.cubicTo(0.358, 0.24, 0.386, 0.252, 0.389, 0.28)  # round of the shoulder, armpit
    torso.cubicTo(0.392, 0.36, 0.396, 0.44, 0.398, 0.5)  # side down to the hip
    torso.cubicTo(0.4, 0.56, 0.44, 0.585, 0.5, 0.585)  # the bottom
    torso.cubicTo(0.56, 0.585, 0.6, 0.56, 0.602, 0.5)
    torso.cubicTo(0.604, 0.44, 0.608, 0.36, 0.611, 0.28)
    torso.cubicTo(0.614, 0.252, 0.642, 0.24, 0.636, 0.222)
    torso.cubicTo(0.628, 0.198, 0.595, 0.192, 0.56, 0.19)
    torso.cubicTo(0.535, 0.188, 0.523, 0.18, 0.523, 0.16)
    torso.closeSubpath()
    ears = QPainterPath()
    ears.addEllipse(QPointF(0.436, 0.108), 0.013, 0.019)
    ears.addEllipse(QPointF(0.564, 0.108), 0.013, 0.019)
    fill = union(torso, ears, *left, *(mirrored(part) for part in left))

    head = QPainterPath()
    head.addEllipse(QPointF(0.5, 0.096), 0.064, 0.072)
    shorts_band = QPainterPath()
    shorts_band.addRect(QRectF(0.3, 0.47, 0.4, 0.165))
    hair = QPainterPath()
    hair.addPath(head)
    hair.addPath(intersected(fill, shorts_band))

    guides = QPainterPath(QPointF(0.5, 0.215))
    guides.lineTo(0.5, 0.45)  # the spine
    for side in (-1, 1):
        guides.moveTo(0.5 + side * 0.025, 0.25)  # shoulder blades
        guides.quadTo(0.5 + side * 0.085, 0.245, 0.5 + side * 0.07, 0.32)
    guides.moveTo(0.528, 0.1)  # the crown of the head, where the hair turns
    guides.cubicTo(0.53, 0.068, 0.488, 0.06, 0.484, 0.087)
    guides.cubicTo(0.482, 0.102, 0.506, 0.104, 0.507, 0.089)
    return Outline(fill, hair, guides, QPainterPath(), hand_size=0.125)


__all__ = ["child_back", "child_front", "child_lying"]
