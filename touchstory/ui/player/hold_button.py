"""The child lock: a button that acts only after it is held for about two seconds.

While held, a ring around its dot fills; let go early and it drains again and a
"hold to leave" hint is asked for. With the lock off it is an ordinary button.
Space or Enter held down works the same as a finger, so the keyboard alone can
leave. Time comes from an injected clock so tests can hold it exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from touchstory.pacing.clock import Clock
from touchstory.ui.theme import Theme

HOLD_SECONDS = 2.0
TICK_MS = 30


class HoldButton(QWidget):
    """`activated` fires after a full hold (or a click when unlocked);
    `hint_requested` fires when a locked press is let go too soon."""

    activated = Signal()
    hint_requested = Signal()
    progress_changed = Signal(float)

    def __init__(self, text: str, theme: Theme, clock: Clock, *, hold_seconds: float = HOLD_SECONDS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._held_text = "Keep holding…"
        self._theme = theme
        self._clock = clock
        self._hold_seconds = hold_seconds
        self._locked = True
        self._glyph = "stop"
        self._pressed_at: float | None = None
        self._progress = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(text)
        self._update_description()

    # -- state ---------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self._locked

    def set_locked(self, locked: bool) -> None:
        self._locked = locked
        self._cancel()
        self._update_description()

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def set_glyph(self, glyph: str) -> None:
        """"stop" (a small square) or "back" (a chevron pointing left)."""
        self._glyph = glyph
        self.update()

    def glyph(self) -> str:
        return self._glyph

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.updateGeometry()
        self.update()

    @property
    def progress(self) -> float:
        return self._progress

    @property
    def holding(self) -> bool:
        return self._pressed_at is not None

    def _update_description(self) -> None:
        self.setAccessibleDescription(
            f"Press and hold for {self._hold_seconds:g} seconds" if self._locked else "Press to activate")
        self.setToolTip(f"Hold for {self._hold_seconds:g} seconds to leave the story" if self._locked else "")

    # -- holding ---------------------------------------------------------------------
    def _begin(self) -> None:
        if not self.isEnabled():
            return
        if not self._locked:
            self.activated.emit()
            return
        self._pressed_at = self._clock.now()
        self._timer.start()
        self.update()

    def _end(self) -> None:
        if self._pressed_at is None:
            return
        self._check()
        if self._pressed_at is not None:  # let go before the ring was full
            self._pressed_at = None
            self.hint_requested.emit()
        self._timer.start()  # keeps ticking while the ring drains

    def _cancel(self) -> None:
        self._pressed_at = None
        self._set_progress(0.0)
        self._timer.stop()

    def _check(self) -> None:
        if self._pressed_at is None:
            return
        held = self._clock.now() - self._pressed_at
        self._set_progress(min(1.0, held / self._hold_seconds))
        if held >= self._hold_seconds:
            self._pressed_at = None
            self._timer.stop()
            self._set_progress(0.0)
            self.activated.emit()

    def _on_timer_timeout(self) -> None:
        if self._pressed_at is not None:
            self._check()
            return
        # drain softly after an early release
        self._set_progress(max(0.0, self._progress - TICK_MS / 1000.0 / 0.4))
        if self._progress <= 0:
            self._timer.stop()

    def _set_progress(self, value: float) -> None:
        if value != self._progress:
            self._progress = value
            self.progress_changed.emit(value)
            self.update()

    # -- input -----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self._begin()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self._end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if not event.isAutoRepeat():
                self._begin()
            else:
                self._check()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if not event.isAutoRepeat():
                self._end()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        if self._pressed_at is not None:
            self._pressed_at = None
            self._timer.start()
        super().focusOutEvent(event)

    # -- looks -----------------------------------------------------------------------
    def _font(self) -> QFont:
        return self._theme.ui_font(self._theme.fonts.ui_point, bold=True)

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._font())
        height = max(48, metrics.height() + 24)
        widest = max(metrics.horizontalAdvance(self._text), metrics.horizontalAdvance(self._held_text))
        return QSize(widest + height + 30, height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        pal = self._theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        radius = rect.height() / 2
        border = QColor(pal.accent) if self.hasFocus() else QColor(pal.border)
        painter.setPen(QPen(border, 3 if self.hasFocus() else 2))
        painter.setBrush(QColor(pal.surface_alt if self.holding else pal.surface))
        painter.drawRoundedRect(rect, radius, radius)
        # the ring: a quiet track, and the part already held
        d = rect.height() - 18
        ring = QRectF(rect.left() + 10, rect.top() + 9, d, d)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(pal.border), 3))
        painter.drawEllipse(ring)
        if self._progress > 0:
            painter.setPen(QPen(QColor(pal.accent), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(ring, 90 * 16, int(-360 * 16 * self._progress))
        inner = ring.adjusted(d * 0.32, d * 0.32, -d * 0.32, -d * 0.32)
        if self._glyph == "back":
            painter.setPen(QPen(QColor(pal.text_muted), 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            c = inner.center()
            r = inner.width() * 0.45
            painter.drawPolyline([QPointF(c.x() + r * 0.35, c.y() - r), QPointF(c.x() - r * 0.55, c.y()),
                                  QPointF(c.x() + r * 0.35, c.y() + r)])
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(pal.text_muted))
            painter.drawRoundedRect(inner, 2, 2)
        painter.setPen(QColor(pal.text))
        painter.setFont(self._font())
        label = self._held_text if self.holding else self._text
        text_rect = rect.adjusted(ring.width() + 14, 0, -10, 0)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignCenter), label)
        painter.end()
