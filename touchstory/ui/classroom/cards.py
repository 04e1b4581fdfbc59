"""What lies over the projector's slide: a symbol card (yes, no, softer, firmer,
stop) or the inclusion card filling the screen, and the "move on" band."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from touchstory.pacing.slides import Overlay
from touchstory.ui.classroom.symbols import Symbol, paint_disc_card, paint_symbol
from touchstory.ui.player.line_view import LineView
from touchstory.ui.theme import Theme

BIG_TEXT = 1.3  # the projector's story type, on top of the user's own text size
STRONG_CONTRAST = 5.0  # words in the accent colour on the projector (WCAG asks 4.5 of body text)
_CARD_SYMBOLS = {Overlay.YES: Symbol.YES, Overlay.NO: Symbol.NO, Overlay.SOFTER: Symbol.SOFTER,
                 Overlay.FIRMER: Symbol.FIRMER, Overlay.STOP: Symbol.STOP}


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def strong_accent(theme: Theme, target: float = STRONG_CONTRAST) -> QColor:
    """The theme's accent, moved toward its text colour until it stands out from
    the background by `target`: a projector in a lit classroom washes colours out,
    and the repeat count must still read at the back."""
    pal = theme.palette
    accent, ink, ground = QColor(pal.accent), QColor(pal.text), QColor(pal.window)
    for step in range(11):
        t = step / 10
        mixed = QColor.fromRgbF(accent.redF() + (ink.redF() - accent.redF()) * t,
                                accent.greenF() + (ink.greenF() - accent.greenF()) * t,
                                accent.blueF() + (ink.blueF() - accent.blueF()) * t)
        if contrast_ratio(mixed, ground) >= target:
            return mixed
    return ink


def px_font(theme: Theme, px: float, *, bold: bool = False) -> QFont:
    font = theme.ui_font(bold=bold)
    font.setPixelSize(max(8, int(px)))
    return font



class CardOverlay(QWidget):
    """A symbol card (yes, no, softer, firmer, stop) or the inclusion card, full screen."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self._theme = theme
        self.overlay: Overlay | None = None
        self.words = LineView(theme.with_text(BIG_TEXT * theme.text_scale), self)
        self.words.set_show_next(False)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def shown_text(self) -> str:
        return self.overlay.text if self.overlay is not None else ""

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.words.set_theme(theme.with_text(BIG_TEXT * theme.text_scale))
        self.update()

    def set_overlay(self, overlay: Overlay | None) -> None:
        self.overlay = overlay
        self.setVisible(overlay is not None)
        if overlay is not None:
            self.words.set_line(overlay.text)
            self.setAccessibleName(overlay.text)
            self._place()
            self.raise_()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        w, h = self.width(), self.height()
        if self.overlay is Overlay.INCLUSION:
            self.words.setGeometry(int(w * 0.06), int(h * 0.5), int(w * 0.88), int(h * 0.44))
        self.words.setVisible(self.overlay is Overlay.INCLUSION)  # one word is painted, bigger

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self._theme.palette
        painter.fillRect(self.rect(), QColor(pal.window))
        w, h = self.width(), self.height()
        if self.overlay is Overlay.INCLUSION:
            side = h * 0.36
            top = h * 0.08
            paint_symbol(painter, QRectF(w / 2 - side * 1.25, top, side, side), Symbol.WATCH,
                         QColor(pal.accent), QColor(pal.window))
            paint_symbol(painter, QRectF(w / 2 + side * 0.25, top, side, side), Symbol.TEDDY,
                         QColor(pal.accent), QColor(pal.window))
        elif self.overlay is not None:
            side = h * 0.6
            paint_disc_card(painter, QRectF((w - side) / 2, h * 0.06, side, side), _CARD_SYMBOLS[self.overlay],
                            QColor("#fbf6ee"))
            painter.setPen(QColor(pal.text))
            painter.setFont(px_font(self._theme, h * 0.19, bold=True))
            painter.drawText(QRectF(0, h * 0.69, w, h * 0.28), int(Qt.AlignmentFlag.AlignCenter), self.overlay.text)
        painter.end()


class MoveOnBanner(QWidget):
    """"Move on": a wide band across the top while the class changes places."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self._theme = theme
        self.round = 1
        self.setAccessibleName("Move on")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self._theme.palette
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(pal.accent))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        ink = QColor(pal.accent_text)
        h = rect.height()
        font = px_font(self._theme, h * 0.56, bold=True)
        painter.setFont(font)
        painter.setPen(ink)
        text_w = painter.fontMetrics().horizontalAdvance("Move on")
        total = text_w + h * 0.9
        x = rect.center().x() - total / 2
        paint_symbol(painter, QRectF(x, rect.top() + h * 0.15, h * 0.7, h * 0.7), Symbol.MOVE_ON, ink, ink)
        painter.setPen(ink)
        painter.drawText(QRectF(x + h * 0.9, rect.top(), text_w + 4, h),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), "Move on")
        painter.end()
