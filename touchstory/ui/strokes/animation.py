"""The animated stroke demonstration: a body outline with the grown-up's hand(s)
moving along the stroke's motion path at its tempo (QPainter, drawn by us).

`Ticker` is one shared frame timer (about 30 frames a second) so a page full of
animations costs one timer; an animation only repaints while it is visible.
`StrokeAnimation.set_time(t)` freezes a frame (tests and screenshots). The body
drawn is the pack's, turned to the side the hands are on (placing.py): a baby's
back strokes are shown on the baby lying on its tummy.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QElapsedTimer, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from touchstory.story.model import Area
from touchstory.story.packs import Body, HandShape, Motion, Stroke, Touch
from touchstory.ui.strokes.body import outline
from touchstory.ui.strokes.hands import hand_drawing
from touchstory.ui.strokes.marks import paint_guide, paint_marks, with_alpha
from touchstory.ui.strokes.motion import Frame, MotionPlayer
from touchstory.ui.strokes.placing import View, place, view_for
from touchstory.ui.theme import Theme

FRAME_MS = 33


class Ticker(QObject):
    """One timer for many animations; runs only while someone listens."""

    ticked = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = FRAME_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.ticked)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._users = 0

    def seconds(self) -> float:
        return self._clock.elapsed() / 1000.0

    def acquire(self) -> None:
        self._users += 1
        if not self._timer.isActive():
            self._timer.start()

    def release(self) -> None:
        self._users = max(0, self._users - 1)
        if self._users == 0:
            self._timer.stop()


@functools.lru_cache(maxsize=64)
def _motion_player(motion: Motion, tempo: float) -> MotionPlayer:
    """Players are pure functions of their motion: build each once."""
    return MotionPlayer(motion, tempo)


def _mix(a: QColor, b: QColor, f: float) -> QColor:
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * f, a.greenF() + (b.greenF() - a.greenF()) * f,
                           a.blueF() + (b.blueF() - a.blueF()) * f)


class StrokeAnimation(QWidget):
    """A looping demonstration of one stroke on a body outline."""

    def __init__(self, theme: Theme, stroke: Stroke | None = None, body: Body = Body.BACK, *,
                 ticker: Ticker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._stroke: Stroke | None = None
        self._body = body
        self._area: Area | None = None
        self._view = view_for(body, None)
        self._motion: Motion | None = None  # the stroke's motion, placed on the area shown
        self._player: MotionPlayer | None = None
        self._ticker = ticker or Ticker(self)
        self._listening = False
        self._frozen: float | None = None
        self._quiet_until = 0.0
        self._offset = 0.0  # so every new stroke starts at its beginning
        self._body_layer: tuple[tuple[object, ...], QPixmap] | None = None
        self._guides: dict[tuple[object, ...], QPixmap] = {}
        self._sprites: dict[tuple[object, ...], tuple[QPixmap, QRectF]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_stroke(stroke, body)

    # -- public ----------------------------------------------------------------
    @property
    def stroke(self) -> Stroke | None:
        return self._stroke

    @property
    def area(self) -> Area | None:
        """Where the hands are shown (a line's own area, else the stroke's)."""
        return self._area

    @property
    def view(self) -> View:
        """Which drawing of the body is shown (a baby's back strokes turn it over)."""
        return self._view

    @property
    def motion(self) -> Motion | None:
        """The motion the hands follow, moved onto `area` when it is not the stroke's own."""
        return self._motion

    def set_stroke(self, stroke: Stroke | None, body: Body | None = None, area: Area | None = None) -> None:
        """Show `stroke` on `body`, with the hands on `area` (None: the stroke's own
        area). With no stroke the body stays as it was, so nothing jumps."""
        self._stroke = stroke
        if body is not None:
            self._body = body
        if stroke is not None:
            self._area = area or stroke.area
        elif area is not None:
            self._area = area
        self._view = view_for(self._body, self._area)
        self._motion = place(stroke.motion, stroke.area, self._area, self._view) if stroke else None
        self._player = _motion_player(self._motion, stroke.tempo) if stroke and self._motion else None
        self._offset = self._ticker.seconds()
        name = stroke.name if stroke else "no stroke"
        self.setAccessibleName(f"Moving picture of the {name} stroke" if stroke else "No stroke for this line")
        if not self._listening:
            self.update()
        # while running, the next frame (at most 33 ms away) shows the new stroke, so a
        # key press only repaints the words and labels that changed at once

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_time(self, seconds: float | None) -> None:
        """Freeze the animation at `seconds` into the loop (None: run live again)."""
        self._frozen = seconds
        self._sync_ticker()
        self.update()

    def current_time(self) -> float:
        if self._frozen is not None:
            return self._frozen
        return max(0.0, self._ticker.seconds() - self._offset)

    def frame(self) -> Frame | None:
        return self._player.frame(self.current_time()) if self._player else None

    def is_animating(self) -> bool:
        return self._listening

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return min(width, self.maximumHeight())  # square, unless the card has less room

    # -- running only while seen --------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._sync_ticker()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        if "_listening" in self.__dict__:  # a player torn down by the garbage collector has emptied it
            self._sync_ticker()

    def _sync_ticker(self) -> None:
        want = self.isVisible() and self._frozen is None and self._player is not None
        if want and not self._listening:
            self._ticker.ticked.connect(self._on_ticker_ticked)
            self._ticker.acquire()
            self._listening = True
        elif not want and self._listening:
            self._ticker.ticked.disconnect(self._on_ticker_ticked)
            self._ticker.release()
            self._listening = False

    def _on_ticker_ticked(self) -> None:
        if self._ticker.seconds() < self._quiet_until:
            return
        if not self.visibleRegion().isEmpty():
            self.update()

    def yield_frame(self, seconds: float = 0.04) -> None:
        """Skip the next frame or so: a key press paints the new words first, and
        one frame of a slow hand movement is never missed."""
        self._quiet_until = self._ticker.seconds() + seconds

    # -- painting ------------------------------------------------------------------
    def _square(self) -> QRectF:
        side = min(self.width(), self.height()) - 8
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        square = self._square()
        to_widget = QTransform().translate(square.x(), square.y()).scale(square.width(), square.height())
        pal = self._theme.palette
        for layer in self._static_layers(to_widget, square.width()):
            painter.drawPixmap(0, 0, layer)
        if self._player is None:
            painter.end()
            return
        frame = self._player.frame(self.current_time())
        hand_size = outline(self._view).hand_size * square.width()
        paint_marks(painter, frame, self._player.motion, to_widget, square.width(), hand_size, QColor(pal.trail))
        for hand in frame.hands:
            self._paint_hand(painter, to_widget.map(QPointF(hand.x, hand.y)), hand_size,
                             hand.contact, hand.squeeze, hand.mirrored)
        painter.end()

    def _layer_pixmap(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, int(self.width() * dpr)), max(1, int(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap

    def _static_layers(self, to_widget: QTransform, side: float) -> list[QPixmap]:
        """The body, and the stroke's dotted guide, each drawn once per size and
        theme (and stroke): filling the body outline is the costliest thing here,
        and a new line changes only the guide."""
        size_key = (self.width(), self.height(), self.devicePixelRatioF(), self._theme.palette)
        body_key = (*size_key, self._view)
        if self._body_layer is None or self._body_layer[0] != body_key:
            pixmap = self._layer_pixmap()
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_body(painter, to_widget, side)
            painter.end()
            self._body_layer = (body_key, pixmap)
        layers = [self._body_layer[1]]
        if self._player is None or self._stroke is None:
            return layers
        layers.append(self._guide_for(self._stroke, self._player, to_widget, side))
        return layers

    def _guide_for(self, stroke: Stroke, player: MotionPlayer, to_widget: QTransform, side: float) -> QPixmap:
        key = (self.width(), self.height(), self.devicePixelRatioF(), self._theme.palette, stroke.id,
               player.motion)
        cached = self._guides.get(key)
        if cached is None:
            cached = self._layer_pixmap()
            painter = QPainter(cached)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_guide(painter, player, to_widget, side, QColor(self._theme.palette.trail))
            painter.end()
            if len(self._guides) >= 24:
                self._guides.clear()
            self._guides[key] = cached
        return cached

    def prepare(self, strokes: list[Stroke]) -> None:
        """Draw these strokes' guides ahead (the next lines'), so changing stroke
        on a key press costs no path stroking."""
        square = self._square()
        to_widget = QTransform().translate(square.x(), square.y()).scale(square.width(), square.height())
        for stroke in strokes:
            self._guide_for(stroke, _motion_player(stroke.motion, stroke.tempo), to_widget, square.width())

    def _hand_sprite(self, size: float, mirrored: bool, shadow: bool) -> tuple[QPixmap, QRectF]:
        """A hand (or its shadow) in the stroke's shape, drawn once at this size, and
        where it sits around the touching point; frames only place it."""
        dpr = self.devicePixelRatioF()
        px = max(8, int(round(size)))
        pal = self._theme.palette
        shape = self._motion.shape if self._motion is not None else HandShape.FLAT
        key = (px, shape, mirrored, shadow, pal.accent, pal.window, dpr)
        cached = self._sprites.get(key)
        if cached is not None:
            return cached
        drawing = hand_drawing(shape, mirrored)
        pad = 0.06
        bounds = drawing.fill.boundingRect().adjusted(-pad, -pad, pad, pad)
        pixmap = QPixmap(max(1, int(bounds.width() * px * dpr)), max(1, int(bounds.height() * px * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        place = QTransform().scale(px, px).translate(-bounds.x(), -bounds.y())
        if shadow:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#000000"))
            painter.drawPath(place.map(drawing.fill))
        else:
            painter.setBrush(QColor(pal.accent))
            painter.setPen(QPen(with_alpha(QColor(pal.window), 0.7), max(1.0, px * 0.025)))
            painter.drawPath(place.map(drawing.fill))
            # creases and knuckles: what tells fingertips from a cupped hand at a glance
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(with_alpha(QColor(pal.window), 0.75), max(1.0, px * 0.022),
                                Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(place.map(drawing.lines))
        painter.end()
        if len(self._sprites) > 64:
            self._sprites.clear()
        where = QRectF(bounds.x() * size, bounds.y() * size, bounds.width() * size, bounds.height() * size)
        self._sprites[key] = (pixmap, where)
        return pixmap, where

    def _paint_body(self, painter: QPainter, to_widget: QTransform, side: float) -> None:
        pal = self._theme.palette
        shape = outline(self._view)
        line_width = max(1.5, side * 0.008)
        painter.setPen(QPen(QColor(pal.body_line), line_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(QColor(pal.body))
        painter.drawPath(to_widget.map(shape.fill))
        painter.setBrush(_mix(QColor(pal.body), QColor(pal.body_line), 0.55))  # opaque: hides lines below
        painter.drawPath(to_widget.map(shape.hair))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(with_alpha(QColor(pal.body_line), 0.45), line_width * 0.8, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        painter.drawPath(to_widget.map(shape.guides))
        if not shape.face.isEmpty():
            painter.setPen(QPen(QColor(pal.body_line), line_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(to_widget.map(shape.face))

    def _paint_hand(self, painter: QPainter, centre: QPointF, size: float, contact: float, squeeze: float,
                    mirrored: bool) -> None:
        pal = self._theme.palette
        lift = 1 - contact
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # the shadow stays on the body; a lifted hand rises away from it
        shadow, where = self._hand_sprite(size, mirrored, True)
        painter.setOpacity(0.18 + 0.1 * contact)
        painter.drawPixmap(where.translated(centre.x() + size * 0.03, centre.y() + size * 0.04), shadow, QRectF())
        scale = 1 + 0.12 * lift - 0.07 * squeeze
        up = size * 0.1 * lift
        cx, cy = centre.x() - up * 0.6, centre.y() - up
        sprite, where = self._hand_sprite(size, mirrored, False)
        box = QRectF(cx + where.x() * scale, cy + where.y() * scale, where.width() * scale, where.height() * scale)
        painter.setOpacity(1.0 - 0.25 * lift)
        painter.drawPixmap(box, sprite, QRectF())
        painter.setOpacity(1.0)
        motion = self._motion
        if motion is not None and motion.touch in (Touch.TAP, Touch.PRESS) and contact > 0.6 \
                and motion.shape is not HandShape.FLAT:
            # the pads meeting the body: where the touch is, for a parent to copy
            painter.setBrush(with_alpha(QColor(pal.trail), 0.7 * contact))
            painter.setPen(Qt.PenStyle.NoPen)
            r = size * 0.045
            for x, y in hand_drawing(motion.shape, mirrored).tips:
                painter.drawEllipse(QPointF(cx + x * size * scale, cy + y * size * scale), r, r)


__all__ = ["StrokeAnimation", "Ticker"]
