"""A quiet progress line: a thin track, the part read so far, a small "3 of 12",
and a tiny mark where each new page begins."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from touchstory.ui.theme import Theme


class ProgressLine(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._current = 0
        self._total = 0
        self._page_starts: tuple[int, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(26)

    def set_progress(self, current: int, total: int) -> None:
        """`current` is the 1-based line now showing (0 before the first line)."""
        self._current, self._total = current, total
        self.setAccessibleName(f"Line {current} of {total}" if current else f"{total} lines")
        self.update()

    def set_page_starts(self, starts: tuple[int, ...]) -> None:
        """1-based line numbers where a page begins (after the first)."""
        self._page_starts = starts
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def value(self) -> tuple[int, int]:
        return self._current, self._total

    def sizeHint(self) -> QSize:
        return QSize(400, 26)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._total <= 0:
            return
        pal = self._theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self._theme.ui_font(10.5)
        painter.setFont(font)
        label = f"{self._current} of {self._total}" if self._current else ""
        label_w = painter.fontMetrics().horizontalAdvance(f"{self._total} of {self._total}") + 16
        track = QRectF(4, self.height() / 2 - 2, self.width() - label_w - 8, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(pal.border))
        painter.drawRoundedRect(track, 2, 2)
        done = track.width() * min(1.0, self._current / self._total)
        if done > 0:
            fill = QColor(pal.accent)
            fill.setAlphaF(0.75)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(track.left(), track.top(), done, track.height()), 2, 2)
        painter.setBrush(QColor(pal.text_muted))
        for start in self._page_starts:
            # a small upright tick where a page begins: visible on any track colour
            x = track.left() + track.width() * (start - 1) / self._total
            painter.drawRoundedRect(QRectF(x - 1, track.center().y() - 5, 2, 10), 1, 1)
        painter.setPen(QColor(pal.text_muted))
        painter.drawText(QRectF(track.right() + 8, 0, label_w, self.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), label)
        painter.end()
