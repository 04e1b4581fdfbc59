"""How one story card is drawn: picture on top (or a soft placeholder), title,
length / mood / ages, kind, a star for favourites and a thin line showing where
the story was left off. Colours and type come from the current Theme."""

from __future__ import annotations

from collections.abc import Callable
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QStyledItemDelegate, QWidget

from touchstory.ui.library.filters import card_facts, card_kind
from touchstory.ui.library.model import Role
from touchstory.ui.theme import Theme

if TYPE_CHECKING:  # read by the first scan, after the window has painted
    from touchstory.journal.store import Progress
    from PySide6.QtWidgets import QStyleOptionViewItem

    from touchstory.story.library import StoryEntry

# QStyle and QLinearGradient are looked up through their modules when the first card
# is painted: PySide makes a class's Python enums when the class is first named
# (QStyle has several hundred), and the first, still empty window needs neither.

THUMB_RATIO = 10 / 16
RADIUS = 16.0
PAD = 14
STAR = 38  # diameter of the star's round button
_EVENING_MOODS = {"calm", "sleepy", "cosy", ""}


@dataclass(frozen=True, slots=True)
class CardFonts:
    """The three faces on a card: title, facts line, small print."""

    title: QFont
    facts: QFont
    small: QFont

    @classmethod
    def for_theme(cls, theme: Theme) -> "CardFonts":
        return cls(theme.ui_font(15.0, bold=True), theme.ui_font(12.0), theme.ui_font(11.0))


def card_height(width: int, fonts: CardFonts) -> int:
    title, facts, small = (QFontMetrics(f) for f in (fonts.title, fonts.facts, fonts.small))
    thumb = round(width * THUMB_RATIO)
    return thumb + PAD + title.lineSpacing() * 2 + 6 + facts.lineSpacing() + 4 + small.lineSpacing() + PAD


def thumb_rect(card: QRect) -> QRect:
    return QRect(card.left(), card.top(), card.width(), round(card.width() * THUMB_RATIO))


def star_rect(card: QRect) -> QRect:
    """Where the favourite star sits on a card (top right of the picture)."""
    return QRect(card.right() - STAR - 10, card.top() + 10, STAR, STAR)


class CardDelegate(QStyledItemDelegate):
    """Paints cards of a fixed size set by the grid (`card_size`)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card_size = QSize(260, 300)
        self.keyboard_focus = False  # set by the grid: the focus ring shows only for keyboard use
        # How a story fits the child chosen tonight (ui/profiles/link.py): (words for the
        # card's last line, a badge or None); None when no child is chosen.
        self.child_fit: Callable[[StoryEntry], tuple[str, str | None]] | None = None
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.fonts = CardFonts.for_theme(theme)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(self.card_size)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        entry: StoryEntry | None = index.data(Role.ENTRY)
        if entry is None:
            return
        card = QRect(option.rect.topLeft(), self.card_size)
        card.moveCenter(option.rect.center())
        state = option.state
        flags = QtWidgets.QStyle.StateFlag
        hovered = bool(state & flags.State_MouseOver)
        focused = self.keyboard_focus and bool(state & flags.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._paint_card(painter, card, entry, index, hovered, focused)
        painter.restore()

    # -- pieces --------------------------------------------------------------------------------

    def _paint_card(self, p: QPainter, card: QRect, entry: StoryEntry,
                    index: QModelIndex | QPersistentModelIndex, hovered: bool, focused: bool) -> None:
        pal = self.theme.palette
        shape = QPainterPath()
        shape.addRoundedRect(QRectF(card).adjusted(1, 1, -1, -1), RADIUS, RADIUS)
        p.fillPath(shape, QColor(pal.surface_alt if hovered else pal.surface))

        p.save()
        p.setClipPath(shape)
        thumb = thumb_rect(card)
        image: QImage | None = index.data(Role.THUMBNAIL)
        if image is not None and not image.isNull():
            p.drawImage(QRectF(thumb), image)
            if pal.picture_tint:
                # Pictures are drawn for daylight; at bedtime (the only theme with a
                # tint) they get the player's warm, dimmer tint, so no bright white
                # glares out of the grid. The day themes show them as drawn.
                p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
                p.fillRect(thumb, QColor(pal.picture_tint))
                p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        else:
            self._paint_placeholder(p, thumb, entry)
        progress: Progress | None = index.data(Role.PROGRESS)
        if progress and progress.total > 0:
            track = QRectF(thumb.left(), thumb.bottom() - 5, thumb.width(), 6)
            p.fillRect(track, QColor(pal.border))
            done = QRectF(track.left(), track.top(), track.width() * min(1.0, progress.step / progress.total),
                          track.height())
            p.fillRect(done, QColor(pal.accent))
        p.restore()

        self._paint_star(p, star_rect(card), bool(index.data(Role.FAVOURITE)))
        fit = self.child_fit(entry) if self.child_fit is not None and entry.playable else None
        if not entry.playable:
            self._paint_badge(p, thumb, "Needs fixing")
        elif fit is not None and fit[1]:
            self._paint_badge(p, thumb, fit[1])
        self._paint_text(p, card, thumb, entry, progress)

        border = QPen(QColor(pal.accent if focused else pal.border), 3 if focused else 1.5)
        p.setPen(border)
        p.setBrush(Qt.BrushStyle.NoBrush)
        inset = 2.5 if focused else 1.5
        p.drawRoundedRect(QRectF(card).adjusted(inset, inset, -inset, -inset), RADIUS - 1, RADIUS - 1)

    def _paint_text(self, p: QPainter, card: QRect, thumb: QRect, entry: StoryEntry,
                    progress: Progress | None) -> None:
        pal = self.theme.palette
        left, width = card.left() + PAD, card.width() - 2 * PAD
        y = thumb.bottom() + PAD
        title_metrics = QFontMetrics(self.fonts.title)
        title = _two_lines(entry.title, title_metrics, width)
        title_box = QRect(left, y, width, title_metrics.lineSpacing() * (title.count("\n") + 1))
        p.setFont(self.fonts.title)
        p.setPen(QColor(pal.text))
        p.drawText(title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        y = title_box.bottom() + 6
        if entry.playable:
            facts = "  ·  ".join(card_facts(entry))
        else:
            facts = f"{entry.errors} thing{'s' * (entry.errors != 1)} to fix before it can play"
        y = self._line(p, self.fonts.facts, pal.text_muted, facts, left, y, width) + 4
        if progress is not None:
            self._line(p, self.fonts.small, pal.accent, f"Stopped at line {progress.step} of {progress.total}",
                       left, y, width)
            return
        kind = card_kind(entry) if entry.playable else ["Story file"]
        if entry.source in ("mine", "opened"):
            kind.append("yours")
        if self.child_fit is not None and entry.playable:
            kind.insert(0, self.child_fit(entry)[0])  # first, so a narrow card never cuts it off
        self._line(p, self.fonts.small, pal.text_muted, "  ·  ".join(kind), left, y, width)

    @staticmethod
    def _line(p: QPainter, font: QFont, color: str, text: str, left: int, y: int, width: int) -> int:
        """One line of text, elided to fit; returns the y below it."""
        metrics = QFontMetrics(font)
        p.setFont(font)
        p.setPen(QColor(color))
        p.drawText(QRect(left, y, width, metrics.lineSpacing()), Qt.AlignmentFlag.AlignLeft,
                   metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
        return y + metrics.lineSpacing()

    def _paint_star(self, p: QPainter, box: QRect, on: bool) -> None:
        pal = self.theme.palette
        back = QColor(pal.window)
        back.setAlphaF(0.72)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(back)
        p.drawEllipse(QRectF(box))
        star = _star_polygon(QRectF(box).center(), box.width() * 0.30, box.width() * 0.13)
        if on:
            p.setBrush(QColor(pal.accent))
            p.setPen(QPen(QColor(pal.accent), 1.5))
        else:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(pal.text_muted), 1.8))
        p.drawPolygon(star)

    def _paint_badge(self, p: QPainter, thumb: QRect, text: str) -> None:
        pal = self.theme.palette
        p.setFont(self.fonts.small)
        metrics = QFontMetrics(self.fonts.small)
        box = QRectF(thumb.left() + 12, thumb.bottom() - metrics.height() - 22,
                     metrics.horizontalAdvance(text) + 24, metrics.height() + 10)
        p.setPen(QPen(QColor(pal.accent), 1.5))
        p.setBrush(QColor(pal.surface))
        p.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        p.setPen(QColor(pal.text))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_placeholder(self, p: QPainter, box: QRect, entry: StoryEntry) -> None:
        """A quiet picture for stories without one: a sky with a moon (evening
        moods) or a sun (lively ones), in the theme's own colours."""
        pal = self.theme.palette
        top, bottom = QColor(pal.surface_alt), QColor(pal.border)
        gradient = QtGui.QLinearGradient(QPointF(box.topLeft()), QPointF(box.bottomLeft()))
        gradient.setColorAt(0.0, top)
        gradient.setColorAt(1.0, bottom)
        p.fillRect(box, QBrush(gradient))
        glow = QColor(pal.accent)
        glow.setAlphaF(0.55)
        r = box.height() * 0.2
        centre = QPointF(box.left() + box.width() * 0.30, box.top() + box.height() * 0.42)
        p.setPen(Qt.PenStyle.NoPen)
        if not entry.playable:
            glow.setAlphaF(0.25)
        if entry.mood in _EVENING_MOODS or not entry.playable:
            moon = QPainterPath()
            moon.addEllipse(centre, r, r)
            bite = QPainterPath()
            bite.addEllipse(centre + QPointF(r * 0.45, -r * 0.25), r * 0.85, r * 0.85)
            p.fillPath(moon.subtracted(bite), glow)
            for fx, fy, size in ((0.62, 0.28, 0.05), (0.74, 0.52, 0.035), (0.52, 0.62, 0.03), (0.84, 0.3, 0.03)):
                p.setBrush(glow)
                p.drawPolygon(_star_polygon(QPointF(box.left() + box.width() * fx, box.top() + box.height() * fy),
                                            box.height() * size, box.height() * size * 0.45))
        else:
            p.setBrush(glow)
            p.drawEllipse(centre, r * 0.8, r * 0.8)
            p.setPen(QPen(glow, max(2.0, r * 0.12), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            for i in range(8):
                angle = i * math.pi / 4
                inner, outer = r * 1.15, r * 1.55
                p.drawLine(centre + QPointF(math.cos(angle) * inner, math.sin(angle) * inner),
                           centre + QPointF(math.cos(angle) * outer, math.sin(angle) * outer))
        hill = QPainterPath(QPointF(box.left(), box.bottom()))
        hill.lineTo(box.left(), box.top() + box.height() * 0.78)
        hill.cubicTo(QPointF(box.left() + box.width() * 0.35, box.top() + box.height() * 0.62),
                     QPointF(box.left() + box.width() * 0.65, box.top() + box.height() * 0.9),
                     QPointF(box.right() + 1, box.top() + box.height() * 0.74))
        hill.lineTo(box.right() + 1, box.bottom() + 1)
        hill.closeSubpath()
        p.fillPath(hill, QColor(pal.surface))


def _star_polygon(centre: QPointF, outer: float, inner: float) -> QPolygonF:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(centre + QPointF(math.cos(angle) * radius, math.sin(angle) * radius))
    return QPolygonF(points)


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """The title wrapped to at most two lines, the second elided if needed."""
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) <= 2:
        return "\n".join(lines)
    return lines[0] + "\n" + metrics.elidedText(" ".join(lines[1:]), Qt.TextElideMode.ElideRight, width)
