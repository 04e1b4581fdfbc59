"""The routine chart page for one child: the last four weeks as a calendar strip
(which evenings, which story, how it went), minutes per evening as bars with how
it went as a symbol, and the favourite stories and strokes, and the strokes most
often stopped at. Painted with QPainter from figures the core works out
(journal/sessions.routine). It describes the routine; it draws no conclusions."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from touchstory.journal.sessions import Feeling, Routine
from touchstory.journal.store import EndReason
from touchstory.ui.theme import Theme

SYMBOL = {Feeling.LOVED: "♥", Feeling.FINE: "―", Feeling.NOT_TONIGHT: "☾"}


class RoutineChart(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._routine: Routine | None = None
        self._child = ""
        self._names: dict[str, str] = {}  # stroke id -> name
        self.setMinimumSize(640, 480)
        self.setAccessibleName("Routine chart")

    def set_routine(self, routine: Routine, child: str = "", stroke_names: dict[str, str] | None = None) -> None:
        self._routine, self._child, self._names = routine, child, dict(stroke_names or {})
        self.setAccessibleDescription(self.describe())
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def describe(self) -> str:
        """The chart in words, for a screen reader and for the tests."""
        r = self._routine
        if r is None:
            return "No sessions yet."
        evenings = [e for d in r.days for e in r.by_day[d]]
        minutes = sum(e.minutes for e in evenings)
        nights = sum(1 for d in r.days if r.by_day[d])
        parts = [f"{nights} of the last {len(r.days)} evenings, {minutes:.0f} minutes in all."]
        if r.favourite_stories:
            parts.append("Favourite stories: " + ", ".join(t for t, _ in r.favourite_stories) + ".")
        if r.stopped_at:
            parts.append("Most often stopped at: " + ", ".join(self._name(s) for s, _ in r.stopped_at) + ".")
        return " ".join(parts)

    def _name(self, stroke: str) -> str:
        return self._names.get(stroke, stroke)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        pal = self._theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(pal.window))
        text, muted, accent = QColor(pal.text), QColor(pal.text_muted), QColor(pal.accent)
        margin = 28.0
        width = self.width() - 2 * margin
        y = margin
        p.setFont(self._theme.ui_font(18, bold=True))
        p.setPen(text)
        title = f"{self._child}'s routine" if self._child else "The routine"
        p.drawText(QRectF(margin, y, width, 36), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        y += 44
        r = self._routine
        if r is None or not r.days:
            p.setFont(self._theme.ui_font(13))
            p.drawText(QRectF(margin, y, width, 30), Qt.AlignmentFlag.AlignLeft, "No sessions yet.")
            p.end()
            return
        days = len(r.days)
        cell = width / days
        # -- calendar strip: a square per evening, filled when a story was shared
        p.setFont(self._theme.ui_font(9))
        strip = min(cell - 4, 46.0)
        for i, day in enumerate(r.days):
            x = margin + i * cell
            evenings = r.by_day[day]
            box = QRectF(x + 2, y + 16, strip, strip)
            p.setPen(muted)
            if i == days - 1:  # today, right-aligned so it never runs off the page
                p.drawText(QRectF(x + cell - cell * 4, y, cell * 4, 14), Qt.AlignmentFlag.AlignRight,
                           day.strftime("%a %d %b"))
            elif i % 7 == 0 and i < days - 4:
                p.drawText(QRectF(x, y, cell * 3, 14), Qt.AlignmentFlag.AlignLeft, day.strftime("%a %d %b"))
            p.setPen(QPen(QColor(pal.border), 1))
            p.setBrush(QColor(pal.surface_alt) if evenings else QColor(pal.surface))
            p.drawRoundedRect(box, 5, 5)
            if evenings:
                last = evenings[-1]
                p.setPen(accent if last.how.feeling is not Feeling.NOT_TONIGHT else muted)
                mark = SYMBOL.get(last.how.feeling, "·") if last.how.feeling else (
                    "✓" if last.reason is EndReason.COMPLETED else "·")
                p.setFont(self._theme.ui_font(max(8.0, strip * 0.32), bold=True))
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
                p.setFont(self._theme.ui_font(8))
                p.setPen(muted)  # which story: its initials under the evening
                p.drawText(QRectF(x, y + 18 + strip, cell, 14), Qt.AlignmentFlag.AlignHCenter,
                           _initials(last.title or last.story))
                p.setFont(self._theme.ui_font(9))
        y += 16 + strip + 34
        # -- minutes per evening
        chart_h = max(120.0, self.height() * 0.32)
        p.setPen(muted)
        p.drawText(QRectF(margin, y, width, 18), Qt.AlignmentFlag.AlignLeft, "Minutes each evening")
        y += 22
        most = max([sum(e.minutes for e in r.by_day[d]) for d in r.days] + [5.0])
        p.setPen(QPen(QColor(pal.border), 1))
        p.drawLine(int(margin), int(y + chart_h), int(margin + width), int(y + chart_h))
        for i, day in enumerate(r.days):
            minutes = sum(e.minutes for e in r.by_day[day])
            if minutes <= 0:
                continue
            h = chart_h * minutes / most
            x = margin + i * cell
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(accent)
            p.drawRoundedRect(QRectF(x + cell * 0.18, y + chart_h - h, cell * 0.64, h), 3, 3)
        p.setPen(muted)
        p.drawText(QRectF(margin, y - 22, width, 16), Qt.AlignmentFlag.AlignRight, f"tallest: {most:.0f} min")
        y += chart_h + 24
        # -- favourites and stops
        columns = (("Favourite stories", [t for t, _ in r.favourite_stories]),
                   ("Strokes on loved evenings", [self._name(s) for s, _ in r.favourite_strokes]),
                   ("Most often stopped at", [f"{self._name(s)} ({n})" for s, n in r.stopped_at]))
        col_w = width / 3
        for c, (head, items) in enumerate(columns):
            x = margin + c * col_w
            p.setFont(self._theme.ui_font(11, bold=True))
            p.setPen(text)
            p.drawText(QRectF(x, y, col_w - 12, 20), Qt.AlignmentFlag.AlignLeft, head)
            p.setFont(self._theme.ui_font(11))
            p.setPen(muted)
            for k, item in enumerate(items or ["—"]):
                p.drawText(QRectF(x, y + 24 + k * 22, col_w - 12, 20), Qt.AlignmentFlag.AlignLeft, item)
        p.end()


def _initials(title: str) -> str:
    words = [w for w in title.split() if w[:1].isalnum() and w.lower() not in ("the", "a", "on", "of")]
    return "".join(w[0].upper() for w in words[:3])
