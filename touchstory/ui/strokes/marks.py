"""What the touch leaves on the body in a stroke's moving picture: the faint guide
of its path, the fading trail of a gliding hand (one thin line per fingertip for
curled fingers, raking), the rings where fingertips land (one small ring under each
pad, like raindrops) and the glow under a pressing or resting hand."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath, QPen, QRadialGradient, QTransform

from touchstory.story.packs import HandShape, Motion, Touch
from touchstory.ui.strokes.hands import hand_drawing
from touchstory.ui.strokes.motion import Frame, MotionPlayer

Point = tuple[float, float]


def with_alpha(color: QColor, alpha: float) -> QColor:
    c = QColor(color)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def paint_guide(painter: QPainter, player: MotionPlayer, to_widget: QTransform, side: float, color: QColor) -> None:
    """The stroke's path, faint, so the shape reads even in a still: a dotted line
    for a glide, a small dot at each place fingertips land (footsteps, raindrops)."""
    points = player.guide()
    if len(points) < 2:
        return
    motion = player.motion
    sides = [points] + ([[(1 - x, y) for x, y in points]] if motion.hands == 2 and not motion.other else [])
    if motion.touch is Touch.TAP or motion.touch is Touch.PRESS:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(with_alpha(color, 0.35))
        r = max(1.5, side * 0.008)
        for pts in sides:
            for x, y in pts:
                painter.drawEllipse(to_widget.map(QPointF(x, y)), r, r)
        return
    painter.setPen(QPen(with_alpha(color, 0.35), max(1.2, side * 0.006), Qt.PenStyle.DotLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for pts in sides:
        path = QPainterPath(to_widget.map(QPointF(*pts[0])))
        for p in pts[1:]:
            path.lineTo(to_widget.map(QPointF(*p)))
        painter.drawPath(path)


def paint_marks(painter: QPainter, frame: Frame, motion: Motion, to_widget: QTransform, side: float,
                hand_size: float, color: QColor) -> None:
    """The glow, trails and ripples of one frame (the hands go on top)."""
    _glow(painter, frame, to_widget, side, color)
    unit = hand_size / side  # a hand length in body units
    for trail, hand in zip(frame.trails, frame.hands):
        drawing = hand_drawing(motion.shape, hand.mirrored)
        tips = drawing.tips if motion.shape is HandShape.CURLED else ((0.0, 0.0),)
        for tx, ty in tips:
            shifted = tuple((x + tx * unit, y + ty * unit) for x, y in trail)
            _trail(painter, shifted, to_widget, hand_size * drawing.trail * 0.5, color)
    several = motion.shape in (HandShape.FINGERTIPS, HandShape.TWO_FINGERS)
    for ripple in frame.ripples:
        # a ring under each fingertip, small; a flat hand's one ring, wider
        radius = side * (0.01 + (0.02 if several else 0.05) * ripple.age)
        painter.setPen(QPen(with_alpha(color, 0.85 * (1 - ripple.age) ** 1.5), max(1.2, side * 0.006)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        right = motion.hands == 2 and not motion.other and ripple.x > 0.5
        tips = hand_drawing(motion.shape, right).tips if several else ((0.0, 0.0),)
        for tx, ty in tips:
            painter.drawEllipse(to_widget.map(QPointF(ripple.x + tx * unit, ripple.y + ty * unit)), radius, radius)


def _trail(painter: QPainter, trail: tuple[Point, ...], to_widget: QTransform, width: float, color: QColor) -> None:
    """One smooth stroke that fades from the hand back along its path."""
    if len(trail) < 2:
        return
    points = [to_widget.map(QPointF(*p)) for p in trail]
    path = QPainterPath(points[0])
    for p in points[1:]:
        path.lineTo(p)
    gradient = QLinearGradient(points[0], points[-1])
    gradient.setColorAt(0.0, with_alpha(color, 0.55))
    gradient.setColorAt(1.0, with_alpha(color, 0.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QBrush(gradient), max(1.5, width), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(path)


def _glow(painter: QPainter, frame: Frame, to_widget: QTransform, side: float, color: QColor) -> None:
    if frame.glow <= 0.01:
        return
    radius = side * (0.11 + 0.03 * frame.glow)
    for hand in frame.hands:
        centre = to_widget.map(QPointF(hand.x, hand.y))
        gradient = QRadialGradient(centre, radius)
        gradient.setColorAt(0.0, with_alpha(color, 0.45 * frame.glow))
        gradient.setColorAt(1.0, with_alpha(color, 0.0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawEllipse(centre, radius, radius)


__all__ = ["paint_guide", "paint_marks", "with_alpha"]
