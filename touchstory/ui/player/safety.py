"""The safety card of a baby routine: the checklist to read before a baby massage
and the card of baby's cues to watch during one, on two tabs over the page, drawn
from the bundled markdown in the theme's own colours. While it is open it keeps
every key to itself, so nothing a parent presses moves the story."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from touchstory.ui.player.cards import Backdrop
from touchstory.ui.theme import Theme

CHECKLIST_TAB = 0
CUES_TAB = 1
TAB_LABELS = ("Before you start", "Baby's cues")
CLOSE_HINT = "Esc or Close to go back to the routine"

_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


@dataclass(frozen=True, slots=True)
class CardStyle:
    """What the markdown is drawn with: colours as '#rrggbb', the body size in px."""

    text: str
    muted: str
    accent: str
    px: int


def _inline(text: str) -> str:
    out = html.escape(text, quote=False)
    out = _STRONG.sub(r"<b>\1</b>", out)
    return _EMPHASIS.sub(r"<i>\1</i>", out)


def markdown_html(markdown: str, style: CardStyle) -> str:
    """The small markdown of the safety cards (# title, ## headings, - lists with
    indented continuation lines, paragraphs, *emphasis*) as Qt rich text."""
    px = style.px
    spacing = f"line-height: 135%; margin-top: 0; margin-bottom: {px // 2}px;"
    item_spacing = f"line-height: 135%; margin-top: 0; margin-bottom: {px // 5}px;"
    parts: list[str] = []
    paragraph: list[str] = []
    items: list[list[str]] = []

    def flush() -> None:
        if paragraph:
            parts.append(f'<p style="{spacing}">{_inline(" ".join(paragraph))}</p>')
            paragraph.clear()
        if items:
            lis = "".join(f'<li style="{item_spacing}">{_inline(" ".join(item))}</li>' for item in items)
            parts.append(f'<ul style="margin-top: 0; margin-bottom: {px // 3}px;">{lis}</ul>')
            items.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            parts.append(f'<p style="font-size: {round(px * 1.12)}px; font-weight: 600; color: {style.accent};'
                         f' margin-top: {px // 2}px; margin-bottom: {px // 3}px;">{_inline(line[3:])}</p>')
        elif line.startswith("# "):
            flush()
            parts.append(f'<p style="font-size: {round(px * 1.45)}px; font-weight: 600; margin-top: 0;'
                         f' margin-bottom: {px // 2}px;">{_inline(line[2:])}</p>')
        elif line.startswith(("- ", "* ")):
            if paragraph:
                flush()
            items.append([line[2:]])
        elif items and raw[:1].isspace():
            items[-1].append(line)  # an indented line carries on the list item above
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return f'<div style="color: {style.text};">{"".join(parts)}</div>'


def body_px(width: int, theme: Theme) -> int:
    """Large, calm reading type: 18 px on a small window, up to 30 on a projector."""
    return int(max(18.0, min(30.0, 18.0 * width / 1000)) * theme.text_scale)


class _Page(QTextBrowser):
    """One card's text, read-only and scrollable; keys it has no use for (Esc,
    Left/Right, Space) go on to the card instead of the story."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                           Qt.Key.Key_Home, Qt.Key.Key_End):
            super().keyPressEvent(event)  # scrolling the text
        else:
            event.ignore()


class SafetyCard(Backdrop):
    """"Before you start" (the safety checklist) and "Baby's cues" (engagement
    and disengagement), on two tabs. Emits `close_requested` for Esc, Close or a
    tap beside the card; the player decides what closing means."""

    close_requested = Signal()

    def __init__(self, theme: Theme, checklist: str, cues: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, 0.97, parent)  # a page to read: the story behind stays out of the way
        self._markdown = (checklist, cues)
        self._drawn_for: tuple[int, str, str] | None = None  # (px, text, accent) the pages were drawn with
        self.tabs: list[QPushButton] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        tab_row = QHBoxLayout()
        tab_row.setSpacing(10)
        for index, label in enumerate(TAB_LABELS):
            tab = QPushButton(label, self.card)
            tab.setCheckable(True)
            tab.setCursor(Qt.CursorShape.PointingHandCursor)
            tab.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self._group.addButton(tab, index)
            tab_row.addWidget(tab)
            self.tabs.append(tab)
        tab_row.addStretch(1)
        self.stack = QStackedWidget(self.card)
        self.pages = [_Page(self.stack) for _ in self._markdown]
        for page in self.pages:
            self.stack.addWidget(page)
        self.hint = QLabel(CLOSE_HINT, self.card)
        self.close_button = QPushButton("Close", self.card)
        self.close_button.setProperty("primary", True)
        self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.close_button.setMinimumWidth(150)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(36, 26, 36, 24)
        layout.setSpacing(14)
        layout.addLayout(tab_row)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self._group.idClicked.connect(self._on_group_id_clicked)
        self.close_button.clicked.connect(self.close_requested)
        self.setAccessibleName("Safety checklist and baby's cues")
        self.show_tab(CHECKLIST_TAB)
        self.set_theme(theme)

    # -- what the player asks --------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.tabs[index].setChecked(True)
        self.stack.setCurrentIndex(index)
        self.pages[index].verticalScrollBar().setValue(0)
        if self.isVisible():
            self.pages[index].setFocus()

    def current_tab(self) -> int:
        return self.stack.currentIndex()

    def text(self, index: int) -> str:
        """The plain text of one tab, as shown."""
        return self.pages[index].toPlainText()

    def focus_text(self) -> None:
        self.pages[self.current_tab()].setFocus()

    # -- events ------------------------------------------------------------------------
    def _on_group_id_clicked(self, index: int) -> None:
        self.show_tab(index)
        self.focus_text()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        event.accept()  # every key stops here: none may reach the story underneath
        if event.isAutoRepeat():
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.show_tab(CUES_TAB if self.current_tab() == CHECKLIST_TAB else CHECKLIST_TAB)
            self.focus_text()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        if not self.card.geometry().contains(event.position().toPoint()):
            self.close_requested.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.card.setFixedHeight(max(260, self.height() - 60))  # the card fills the page; the text scrolls
        super().resizeEvent(event)

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        pal = theme.palette
        for tab in self.tabs:
            tab.setFont(theme.ui_font(14, bold=True))
            # one accent-filled button (Close); the chosen tab is marked, not filled
            tab.setStyleSheet(
                f"QPushButton {{ background: transparent; color: {pal.text_muted}; border: 2px solid transparent;"
                f" border-radius: 14px; padding: 8px 18px; }}"
                f" QPushButton:hover {{ background: {pal.surface_alt}; color: {pal.text}; }}"
                f" QPushButton:checked {{ background: {pal.surface_alt}; color: {pal.text};"
                f" border: 2px solid {pal.accent}; }}"
                f" QPushButton:focus {{ border: 2px solid {pal.accent}; }}")
        self.close_button.setFont(theme.ui_font(14, bold=True))
        self.hint.setFont(theme.ui_font(11))
        self.hint.setStyleSheet(f"color: {pal.text_muted};")
        px = body_px(self.width(), theme)
        style = CardStyle(pal.text, pal.text_muted, pal.accent, px)
        redraw = self._drawn_for != (px, pal.text, pal.accent)
        for page, markdown in zip(self.pages, self._markdown):
            page.setStyleSheet(
                f"QTextBrowser {{ background: transparent; border: none; color: {pal.text}; padding: 0; }}"
                f" QScrollBar:vertical {{ background: transparent; width: 12px; }}"
                f" QScrollBar::handle:vertical {{ background: {pal.border}; border-radius: 6px; min-height: 40px; }}")
            font = theme.ui_font()
            font.setPixelSize(px)
            page.document().setDefaultFont(font)
            page.document().setDocumentMargin(2)
            if redraw:
                value = page.verticalScrollBar().value()
                page.setHtml(markdown_html(markdown, style))
                page.verticalScrollBar().setValue(value)
        self._drawn_for = (px, pal.text, pal.accent)
