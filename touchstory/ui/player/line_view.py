"""The current story line in large type that grows and shrinks with the window,
with the next line small underneath (optional) and reader's notes, discreetly.

The text is laid out with QTextLayout at the largest size that fits, lines balanced
so no word sits alone; the word being spoken can be highlighted
(`highlight_word(i)`). The current line is the widget's accessible name, so a
screen reader announces each new line.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass
from typing import cast

from touchstory.speech.tokens import WORD  # the words the voice times, so highlights match
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAccessible, QAccessibleEvent, QColor, QFontMetricsF, QPainter, QPaintEvent, QPixmap, QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from touchstory.ui.theme import Theme

# The same word pattern as touchstory.speech.words.tokenize (a test keeps them
# equal), so a narrator's word index means the same word here. Not imported: that
# module pulls in numpy, which the player does not otherwise need at start-up.
MIN_PX = 16
CACHE_LINES = 8  # lines kept drawn: the current one and its neighbours
AHEAD_DELAY_MS = 40  # render ahead only after the new line has been painted
MARGIN = 16


def word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


@dataclass(slots=True)
class _Laid:
    layout: QTextLayout
    height: float
    px: int


@dataclass(slots=True)
class _Rendered:
    laid: _Laid
    pixmap: QPixmap
    pad: int  # transparent margin around the text in the pixmap
    width: float  # the text block's width


class LineView(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._text = ""
        self._next = ""
        self._notes: tuple[str, ...] = ()
        self._hint = ""
        self._show_next = True
        self._highlight: tuple[int, int] | None = None
        self._spans: list[tuple[int, int]] = []
        self._rendered: OrderedDict[tuple[object, ...], _Rendered] = OrderedDict()
        self._ahead: list[tuple[str, bool, int]] = []
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.setInterval(AHEAD_DELAY_MS)
        self._ahead_timer.timeout.connect(self._on_ahead_timer_timeout)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 90)
        self.setAccessibleName("")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # -- public ------------------------------------------------------------------
    def text(self) -> str:
        return self._text

    def next_text(self) -> str:
        return self._next if self._show_next else ""

    def notes(self) -> tuple[str, ...]:
        return self._notes

    def hint(self) -> str:
        return self._hint

    def set_line(self, text: str, *, next_text: str = "", notes: tuple[str, ...] = (), hint: str = "") -> None:
        changed = text != self._text
        self._text = text
        self._next = next_text
        self._notes = notes
        self._hint = hint
        self._spans = word_spans(text)
        self._highlight = None
        if changed:
            self.setAccessibleName(text)
            self.setAccessibleDescription(" ".join(notes))
            if QAccessible.isActive():
                QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
        self.update()

    def set_hint(self, hint: str) -> None:
        if hint != self._hint:
            self._hint = hint
            self.update()

    def set_show_next(self, show: bool) -> None:
        self._show_next = show
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def highlight_word(self, index: int | None) -> None:
        """Highlight word `index` of the line (as speech.words.tokenize counts), or none."""
        if index is None or not 0 <= index < len(self._spans):
            span = None
        else:
            span = self._spans[index]
        self.highlight_span(*(span or (None, None)))

    def highlight_span(self, start: int | None, end: int | None = None) -> None:
        span = None if start is None or end is None else (start, end)
        if span != self._highlight:
            self._highlight = span
            self.update()

    def highlighted(self) -> str | None:
        return None if self._highlight is None else self._text[self._highlight[0]:self._highlight[1]]

    def font_pixel_size(self) -> int:
        rendered = self._ensure_layout()
        return rendered.laid.px if rendered else 0

    def sizeHint(self) -> QSize:
        return QSize(800, 260)

    # -- layout --------------------------------------------------------------------
    def _small_px(self) -> int:
        return max(13, min(26, int(self.height() * 0.075 * self._theme.text_scale)))

    def _regions(self, *, has_next: bool | None = None, notes: int | None = None,
                 hint: bool | None = None) -> tuple[QRectF, QRectF, QRectF]:
        """Main text, next line and notes areas (the last two may be empty); by
        default for the line on show, or for a line about to be shown."""
        has_next = (self._show_next and bool(self._next)) if has_next is None else (self._show_next and has_next)
        notes = len(self._notes) if notes is None else notes
        hint = bool(self._hint) if hint is None else hint
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN * 0.5, -MARGIN, -MARGIN * 0.5)
        small = QFontMetricsF(self._theme.ui_font()).height()
        small = max(small, self._small_px() * 1.45)
        notes_h = small * min(2, notes) + (4 if notes else 0)
        next_h = small * 1.3 if has_next else 0.0
        hint_h = small * 1.2 if hint else 0.0
        notes_rect = QRectF(area.left(), area.bottom() - notes_h, area.width(), notes_h)
        nxt = QRectF(area.left(), notes_rect.top() - next_h, area.width(), next_h)
        main = QRectF(area.left(), area.top(), area.width(), max(10.0, nxt.top() - area.top() - hint_h))
        return main, nxt, notes_rect

    def _layout_at(self, px: int, width: float, text: str) -> tuple[QTextLayout, float, int]:
        font = self._theme.story_font(px)
        layout = QTextLayout(text, font)
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        leading = px * (0.5 if self._theme.dyslexia_spacing else 0.22)
        y = 0.0
        lines = 0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height() + leading
            lines += 1
        layout.endLayout()
        return layout, max(0.0, y - leading), lines

    def _fit(self, text: str, main: QRectF) -> _Laid:
        """The largest size whose wrapped text fits `main`, lines balanced."""
        comfortable = min(main.height() * 0.34, main.width() * 0.058, 120.0) * self._theme.text_scale
        high = max(MIN_PX, int(comfortable))
        low = MIN_PX
        best = low
        while low <= high:
            mid = (low + high) // 2
            _, height, _ = self._layout_at(mid, main.width(), text)
            if height <= main.height():
                best, low = mid, mid + 1
            else:
                high = mid - 1
        layout, height, lines = self._layout_at(best, main.width(), text)
        if lines > 1:
            # balance the lines: the narrowest width that keeps the same line count
            lo, hi = main.width() * 0.55, main.width()
            for _ in range(7):
                mid_w = (lo + hi) / 2
                _, _, n = self._layout_at(best, mid_w, text)
                if n <= lines:
                    hi = mid_w
                else:
                    lo = mid_w
            layout, height, _ = self._layout_at(best, hi, text)
        return _Laid(layout, height, best)

    def _rendered_for(self, text: str, main: QRectF) -> _Rendered:
        """The line laid out and drawn into a pixmap, from the cache when it was
        rendered ahead. Large glyphs (over ~64 px) are drawn as paths by Qt and
        take several milliseconds; a blit takes a fraction of one."""
        dpr = self.devicePixelRatioF()
        key = (text, round(main.width()), round(main.height()), self._theme, dpr)
        cached = self._rendered.get(key)
        if cached is not None:
            self._rendered.move_to_end(key)
            return cached
        laid = self._fit(text, main)
        width = laid.layout.lineAt(0).width() if laid.layout.lineCount() else main.width()
        pad = math.ceil(laid.px * 0.3)
        pixmap = QPixmap(math.ceil((width + 2 * pad) * dpr), math.ceil((laid.height + 2 * pad) * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(QColor(self._theme.palette.text))
        laid.layout.draw(painter, QPointF(pad, pad))
        painter.end()
        rendered = _Rendered(laid, pixmap, pad, width)
        self._rendered[key] = rendered
        while len(self._rendered) > CACHE_LINES:
            self._rendered.popitem(last=False)
        return rendered

    def _ensure_layout(self) -> _Rendered | None:
        if not self._text:
            return None
        main, _, _ = self._regions()
        return self._rendered_for(self._text, main)

    def prefetch(self, lines: list[tuple[str, bool, int]]) -> None:
        """Lay out and draw these lines ahead, one per idle moment: (text, whether
        a next line will show under it, how many notes it has)."""
        self._ahead = [line for line in lines if line[0]]
        if self._ahead:
            self._ahead_timer.start()

    def _on_ahead_timer_timeout(self) -> None:
        if not self._ahead or not self.isVisible():
            self._ahead = []
            return
        text, has_next, notes = self._ahead.pop(0)
        main, _, _ = self._regions(has_next=has_next, notes=notes, hint=False)
        self._rendered_for(text, main)
        if self._ahead:
            self._ahead_timer.start()

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        pal = self._theme.palette
        main, nxt, notes = self._regions()
        rendered = self._ensure_layout()
        if rendered is not None:
            laid = rendered.laid
            # whole pixels, so the blit stays as crisp as the glyphs were drawn
            origin = QPointF(round(main.left() + (main.width() - rendered.width) / 2),
                             round(main.top() + max(0.0, (main.height() - laid.height) / 2)))
            if self._highlight is not None:
                self._paint_highlight(painter, laid, origin)
            painter.drawPixmap(QPointF(origin.x() - rendered.pad, origin.y() - rendered.pad), rendered.pixmap)
            if self._hint:
                painter.setFont(self._theme.ui_font(self._small_px() * 0.75))
                painter.setPen(QColor(pal.accent))
                hint_rect = QRectF(main.left(), origin.y() + laid.height + 6, main.width(), self._small_px() * 1.6)
                painter.drawText(hint_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                                 self._hint)
        if self._show_next and self._next and not nxt.isEmpty():
            font = self._theme.story_font(self._small_px())
            font.setItalic(False)
            painter.setFont(font)
            painter.setPen(QColor(pal.text_muted))
            metrics = painter.fontMetrics()
            shown = metrics.elidedText(f"Next:  {self._next}", Qt.TextElideMode.ElideRight, int(nxt.width()))
            painter.drawText(nxt, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), shown)
        if self._notes and not notes.isEmpty():
            font = self._theme.ui_font(max(9.0, self._small_px() * 0.62))
            font.setItalic(True)
            painter.setFont(font)
            painter.setPen(QColor(pal.text_muted))
            metrics = painter.fontMetrics()
            row = notes.height() / min(2, len(self._notes))
            for i, note in enumerate(self._notes[:2]):
                shown = metrics.elidedText(f"For you, not read aloud:  {note}" if i == 0 else note,
                                           Qt.TextElideMode.ElideRight, int(notes.width()))
                painter.drawText(QRectF(notes.left(), notes.top() + 4 + i * row, notes.width(), row),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.end()

    def _paint_highlight(self, painter: QPainter, laid: _Laid, origin: QPointF) -> None:
        assert self._highlight is not None
        start, end = self._highlight
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._theme.palette.highlight))
        pad = laid.px * 0.12
        for i in range(laid.layout.lineCount()):
            line = laid.layout.lineAt(i)
            a, b = line.textStart(), line.textStart() + line.textLength()
            if end <= a or start >= b:
                continue
            # PySide6's hints give cursorToX's (x, cursor) pair as a bare object
            x0, _ = cast("tuple[float, int]", line.cursorToX(max(start, a)))
            x1, _ = cast("tuple[float, int]", line.cursorToX(min(end, b)))
            rect = QRectF(origin.x() + x0 - pad, origin.y() + line.y() - pad * 0.3, x1 - x0 + 2 * pad,
                          line.height() + pad * 0.6)
            painter.drawRoundedRect(rect, pad * 1.5, pad * 1.5)


__all__ = ["LineView", "word_spans"]
