"""The stroke card beside the story: the moving demonstration, the stroke's icon
and name, its repeats as dots, where and how firmly, and a one-line how-to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from touchstory.resources import icons_dir
from touchstory.story.model import Area, Pressure, StoryLine
from touchstory.story.packs import Body, Stroke, StrokePack
from touchstory.ui.strokes.animation import StrokeAnimation, Ticker
from touchstory.ui.strokes.words import every_how, how_words, tempo_words, where_words
from touchstory.ui.theme import Theme, paint_card

MAX_DOTS = 10


def icon_path(pack: StrokePack | None, stroke: Stroke) -> Path | None:
    """The stroke's icon: the pack's own `icon:` file, else
    assets/icons/strokes/<pack>/<stroke>.svg when it exists."""
    if stroke.icon is not None and stroke.icon.is_file():
        return stroke.icon
    if pack is not None:
        candidate = icons_dir() / "strokes" / pack.id / f"{stroke.id}.svg"
        if candidate.is_file():
            return candidate
    return None


def _visible(widget: QWidget, on: bool) -> None:
    if widget.isHidden() == on:
        widget.setVisible(on)


@dataclass(frozen=True)
class Paragraph:
    text: str
    color: str
    font: QFont


PARAGRAPH_GAP = 5


MIN_PICTURE = 120  # the smallest the moving picture may get
CARD_CHROME = 18 + 14 + 8 * 3 + 6  # margins, spacing and the gap above the name


class CardText(QWidget):
    """Wrapped card text, one or more paragraphs, in a fixed height. Painted
    directly: a QLabel re-runs layout and style-sheet work on every setText, which
    cost a key press several milliseconds; this only repaints itself. Paragraphs
    follow each other closely, so spare room collects at the bottom, not between."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paragraphs: tuple[Paragraph, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_paragraphs(self, paragraphs: list[Paragraph]) -> None:
        new = tuple(p for p in paragraphs if p.text)
        if new != self._paragraphs:
            self._paragraphs = new
            self.setAccessibleName(" ".join(p.text for p in new))
            self.update()

    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self._paragraphs

    def text(self) -> str:
        return self._paragraphs[0].text if self._paragraphs else ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self._paragraphs:
            return
        painter = QPainter(self)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        top = 0
        for paragraph in self._paragraphs:
            painter.setFont(paragraph.font)
            painter.setPen(QColor(paragraph.color))
            used = painter.drawText(self.rect().adjusted(0, top, 0, 0), flags, paragraph.text)
            top += used.height() + PARAGRAPH_GAP
        painter.end()


class RepeatDots(QWidget):
    """One soft dot per repeat (a count after ten)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._count = 0
        self.setMinimumHeight(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_count(self, count: int) -> None:
        self._count = count
        self.setAccessibleName(f"{count} time{'s' if count != 1 else ''}" if count else "")
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def count(self) -> int:
        return self._count

    def sizeHint(self) -> QSize:
        return QSize(200, 22)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._count <= 0:
            return
        pal = self._theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = min(self.height() - 4, 16)
        gap = d * 0.6
        shown = min(self._count, MAX_DOTS)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(pal.accent))
        for i in range(shown):
            painter.drawEllipse(QRectF(2 + i * (d + gap), (self.height() - d) / 2, d, d))
        label = f"× {self._count}" if self._count > MAX_DOTS else (
            "once" if self._count == 1 else "twice" if self._count == 2 else f"{self._count} times")
        painter.setPen(QColor(pal.text_muted))
        painter.setFont(self._theme.ui_font(max(9.0, d * 0.75)))
        x = 2 + shown * (d + gap) + gap * 0.5
        painter.drawText(QRectF(x, 0, self.width() - x, self.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), label)
        painter.end()


class StrokeCard(QWidget):
    """Shows the stroke of the current line."""

    def __init__(self, theme: Theme, *, ticker: Ticker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._pack: StrokePack | None = None
        self._stroke: Stroke | None = None
        self._icon: Path | None = None
        self._texts: tuple[str, str, str, str] = ("", "", "", "")
        self._fonts: tuple[QFont, QFont, QFont, QFont] = (QFont(), QFont(), QFont(), QFont())
        self.animation = StrokeAnimation(theme, None, Body.BACK, ticker=ticker, parent=self)
        self.icon = QSvgWidget(self)
        self.icon.setFixedSize(40, 40)
        keep = self.icon.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the name never slides sideways
        self.icon.setSizePolicy(keep)
        self.icon.hide()
        self.name = CardText(self)
        self.dots = RepeatDots(theme, self)
        self.details = CardText(self)  # where and how firmly, how slowly, how

        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.name, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(8)
        layout.addStretch(1)
        layout.addWidget(self.animation, 8)
        layout.addSpacing(6)
        layout.addLayout(title_row)
        layout.addWidget(self.dots)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Stroke")
        self._apply_fonts()

    # -- public ---------------------------------------------------------------------
    @property
    def stroke(self) -> Stroke | None:
        return self._stroke

    def set_line(self, line: StoryLine | None, pack: StrokePack | None) -> None:
        """Show the stroke of `line` (the line's own area/pressure win over the stroke's)."""
        if pack is not self._pack:
            self._pack = pack
            self._reserve_heights()
        self.animation.yield_frame()
        stroke = pack.get(line.stroke) if (pack is not None and line is not None and line.stroke) else None
        body = pack.body if pack is not None else Body.BACK
        if stroke is None:
            self._show_none(line)
            return
        area = line.tag.area if line is not None and line.tag.area else stroke.area
        same = stroke is self._stroke and area is self.animation.area
        self._stroke = stroke
        if not same:
            self.animation.set_stroke(stroke, body, area)  # the hands go where the line says
        _visible(self.animation, True)  # show() even on a shown widget costs a polish
        icon = icon_path(pack, stroke)
        if icon is not None and icon != self._icon:
            self.icon.load(str(icon))
        self._icon = icon
        _visible(self.icon, icon is not None)
        repeats = max(1, line.tag.repeats) if line is not None else 1
        self.dots.set_count(repeats)
        pressure = line.tag.pressure if line is not None and line.tag.pressure else stroke.pressure
        where = where_words(area, pressure)
        how = how_words(stroke, area)
        tempo = tempo_words(stroke.tempo)
        if line is not None and line.tag.instead_of and pack is not None:  # a child's substitute (story/adapt.py)
            written = pack.get(line.tag.instead_of)
            tempo = f"instead of {(written.name if written else line.tag.instead_of).lower()} · {tempo}"
        self._texts = (stroke.name, where, tempo, how)
        self._show_texts()
        self.setAccessibleDescription(f"{stroke.name}, {repeats} times, {where}. {how}")

    def _show_none(self, line: StoryLine | None) -> None:
        self._stroke = None
        self.animation.set_stroke(None)  # the body alone, still: nothing on the card jumps
        self.icon.hide()
        self._icon = None
        self.dots.set_count(0)
        self._texts = ("No stroke", "Just the words on this line.", "",
                       "Let your hands rest, or wait for the next line.")
        self._show_texts()
        self.setAccessibleDescription("No stroke on this line")

    def prepare(self, lines: list[StoryLine], pack: StrokePack | None) -> None:
        """Get the coming lines' strokes ready to show (drawn ahead, in idle time)."""
        if pack is None or not self.animation.isVisible():
            return
        strokes = [s for s in (pack.get(line.stroke) for line in lines if line.stroke) if s is not None]
        self.animation.prepare(strokes)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.animation.set_theme(theme)
        self.dots.set_theme(theme)
        self._apply_fonts()
        self.update()

    def set_animation_time(self, seconds: float | None) -> None:
        self.animation.set_time(seconds)

    # -- looks ----------------------------------------------------------------------
    def _apply_fonts(self) -> None:
        w = max(self.width(), 220)
        scale = max(0.85, min(1.6, w / 300))
        inner = max(120, self.width() - 36)
        self.animation.setMaximumHeight(inner)  # square: no gap between the picture and its name
        # The whole how-to must show: at large text on a short window the words get a
        # little smaller (never below 70 %) before any of them would be cut off.
        for _ in range(12):
            self._set_scale(scale)
            if self._words_height() + MIN_PICTURE <= self.height() - CARD_CHROME or scale <= 0.7 * 0.85:
                break
            scale *= 0.94
        room = self.height() - CARD_CHROME - self._words_height()
        self.animation.setMaximumHeight(max(MIN_PICTURE, min(inner, room)))
        self._show_texts()

    def _set_scale(self, scale: float) -> None:
        self._fonts = (self._theme.ui_font(17 * scale, bold=True), self._theme.ui_font(11.5 * scale),
                       self._theme.ui_font(10.5 * scale), self._theme.ui_font(11.5 * scale))
        icon = int(30 * scale)
        self.icon.setFixedSize(icon, icon)
        self.dots.setFixedHeight(int(20 * scale))
        self._reserve_heights()

    def _words_height(self) -> int:
        """The height the name, the dots and the words take below the picture."""
        return max(self.name.height(), self.icon.height()) + self.dots.height() + self.details.height()

    def _reserve_heights(self) -> None:
        """Give each label the height the pack's wordiest stroke needs, so nothing
        shifts (and nothing else repaints) when the stroke changes from line to line."""
        pack = self._pack
        width = max(80, self.width() - 36)
        strokes = pack.strokes if pack is not None else ()

        def tallest(font: QFont, texts: list[str], w: int) -> int:
            metrics = QFontMetrics(font)
            flags = int(Qt.TextFlag.TextWordWrap)
            return max([metrics.boundingRect(QRect(0, 0, w, 10_000), flags, t).height() for t in texts]
                       + [metrics.height()])

        name_font, where_font, tempo_font, how_font = self._fonts
        names = [s.name for s in strokes] + ["No stroke"]
        self.name.setFixedHeight(tallest(name_font, names, width - self.icon.width() - 10) + 2)
        wheres = [where_words(a, p) for a in Area for p in Pressure] + ["Just the words on this line."]
        tempos = [tempo_words(s.tempo) for s in strokes] or [""]
        hows = [h for s in strokes for h in every_how(s)] + ["Let your hands rest, or wait for the next line."]
        self.details.setFixedHeight(tallest(where_font, wheres, width) + tallest(tempo_font, tempos, width)
                                    + tallest(how_font, hows, width) + 3 * PARAGRAPH_GAP)

    def _show_texts(self) -> None:
        pal = self._theme.palette
        name, where, tempo, how = self._texts
        name_font, where_font, tempo_font, how_font = self._fonts
        self.name.set_paragraphs([Paragraph(name, pal.text, name_font)])
        self.details.set_paragraphs([Paragraph(where, pal.accent, where_font),
                                     Paragraph(tempo, pal.text_muted, tempo_font),
                                     Paragraph(how, pal.text_muted, how_font)])

    def where_text(self) -> str:
        return self._texts[1]

    def how_text(self) -> str:
        return self._texts[3]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_fonts()

    def sizeHint(self) -> QSize:
        return QSize(300, 520)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        paint_card(self, self._theme, 22)
