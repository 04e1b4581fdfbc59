"""The player's widgets and their layout: top bar with the always-visible Stop,
the page (picture, line, stroke card) with its cards lying over it, the quiet
progress line, and the full-window overlays (keys, blank screen, hints).

`PlayerView` only builds and arranges; `PlayerWindow` (window.py) adds the story
session and decides what each press and event means."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from touchstory.pacing.clock import Clock
from touchstory.resources import BABY_CUES, INFANT_SAFETY, safety_card as safety_text
from touchstory.story.model import Kind, Story
from touchstory.ui.player.cards import BlankOverlay, EndCard, KeysOverlay, PermissionCard, Toast
from touchstory.ui.player.hold_button import HoldButton
from touchstory.ui.player.line_view import LineView
from touchstory.ui.player.pictures import PictureCache, PictureView
from touchstory.ui.player.progress import ProgressLine
from touchstory.ui.player.safety import CHECKLIST_TAB, SafetyCard
from touchstory.ui.player.stroke_card import StrokeCard
from touchstory.ui.strokes.animation import Ticker
from touchstory.ui.theme import Theme, apply_theme


class PageArea(QWidget):
    """The page below the top bar: any click or touch on it is a tap; the
    permission and end cards lie over it (the top bar with Stop stays visible)."""

    tapped = Signal(float)  # x as a share of the page's width

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overlays: list[QWidget] = []

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.tapped.emit(event.position().x() / max(1, self.width()))
        else:
            event.ignore()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        for overlay in self.overlays:
            overlay.setGeometry(self.rect())


class PlayerView(QWidget):
    """Every widget of the player, laid out; no story logic."""

    safety_closed = Signal()  # the safety and cue card of a baby routine was closed

    def __init__(self, story: Story, clock: Clock, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._build(story, clock)

    def _build(self, story: Story, clock: Clock) -> None:
        theme = self.theme
        self.ticker = Ticker(self)
        self.pictures = PictureCache(self)
        self.title_label = QLabel(story.title, self)
        self.follow_button = QPushButton("Carry on at my pace", self)
        self.follow_button.hide()
        self.narrate_button = QPushButton("Read it to us", self)  # hands-free narration on/off
        self.narrate_button.setCheckable(True)
        self.narrate_button.setAccessibleName("Narration: the app reads the story aloud")
        self.narrate_button.hide()
        self.sound_button = QPushButton("Sound", self)
        self.sound_button.setAccessibleName("Background sound, volumes and sleep timer")
        self.sound_button.hide()
        self.cues_button = QPushButton("Baby's cues", self)  # baby routines only
        self.cues_button.setAccessibleName("Safety checklist and baby's cues")
        self.cues_button.setVisible(story.meta.kind is Kind.ROUTINE)
        self.safety_card: SafetyCard | None = None  # built the first time it is asked for
        self.keys_button = QPushButton("Keys", self)
        self.keys_button.setAccessibleName("Show the keys")
        self.full_button = QPushButton("Full screen", self)
        self.stop_button = HoldButton("Stop", theme, clock, parent=self)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.follow_button)
        top.addWidget(self.narrate_button)
        top.addWidget(self.sound_button)
        top.addWidget(self.cues_button)
        top.addWidget(self.keys_button)
        top.addWidget(self.full_button)
        top.addSpacing(8)
        top.addWidget(self.stop_button)

        self.page = PageArea(self)
        self.picture_view = PictureView(theme, self.pictures, self.page)
        self.line_view = LineView(theme, self.page)
        self.stroke_card = StrokeCard(theme, ticker=self.ticker, parent=self.page)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.picture_view, 11)
        left.addWidget(self.line_view, 7)
        page_layout = QHBoxLayout(self.page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(24)
        page_layout.addLayout(left, 1)
        page_layout.addWidget(self.stroke_card, 0)
        self.permission_card = PermissionCard(theme, ticker=self.ticker, parent=self.page)
        self.end_card = EndCard(theme, self.page)
        self.page.overlays = [self.permission_card, self.end_card]
        self.permission_card.set_safety_available(story.meta.kind is Kind.ROUTINE)

        self.progress = ProgressLine(theme, self)
        root = QVBoxLayout(self)
        root.setContentsMargins(28, 16, 28, 14)
        root.setSpacing(14)
        root.addLayout(top)
        root.addWidget(self.page, 1)
        root.addWidget(self.progress)

        self.keys_overlay = KeysOverlay(theme, self)
        self.blank_overlay = BlankOverlay(self)
        self.toast = Toast(theme, self)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(f"{story.title} · touchstory")
        self.setAccessibleName(f"Story player: {story.title}")
        self.setMinimumSize(640, 420)
        self.picture_view.set_story_pictures([p.picture for p in story.pages if p.picture is not None])
        starts, number = [], 0
        for i, page in enumerate(story.pages):
            if i > 0 and page.lines:
                starts.append(number + 1)
            number += len(page.lines)
        self.progress.set_page_starts(tuple(starts))
        self._restyle_top_bar()

    def _restyle_top_bar(self) -> None:
        pal = self.theme.palette
        self.title_label.setFont(self.theme.ui_font(13))
        self.title_label.setStyleSheet(f"color: {pal.text_muted};")
        for button in (self.keys_button, self.full_button, self.follow_button, self.cues_button,
                       self.narrate_button, self.sound_button):
            button.setFont(self.theme.ui_font(12))
            button.setProperty("quiet", button is not self.follow_button)

    def set_theme(self, theme: Theme) -> None:
        """Re-colour everything (text size and spacing come with the theme)."""
        self.theme = theme
        apply_theme(self, theme)
        for widget in (self.picture_view, self.line_view, self.stroke_card, self.progress, self.permission_card,
                       self.end_card, self.keys_overlay, self.stop_button, self.toast):
            widget.set_theme(theme)
        if self.safety_card is not None:
            self.safety_card.set_theme(theme)
        self._restyle_top_bar()

    def set_full_screen(self, on: bool) -> None:
        window = self.window()
        if on:
            window.showFullScreen()
        else:
            window.showNormal()
        self._sync_full_button()

    def _sync_full_button(self) -> None:
        on = self.window().isFullScreen()
        self.full_button.setText("Leave full screen" if on else "Full screen")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self._sync_full_button()  # full screen may also come from the app or the window manager

    def _set_blank(self, on: bool) -> None:
        self.blank_overlay.setGeometry(self.rect())
        self.blank_overlay.setVisible(on)
        if on:
            self.blank_overlay.raise_()

    def is_blank(self) -> bool:
        return self.blank_overlay.isVisible()

    def _show_keys(self, on: bool) -> None:
        self.keys_overlay.setGeometry(self.rect())
        self.keys_overlay.setVisible(on)
        if on:
            self.keys_overlay.raise_()
            self.keys_overlay.close_button.setFocus()
        else:
            self.setFocus()

    def is_safety_open(self) -> bool:
        return self.safety_card is not None and self.safety_card.isVisible()

    def _show_safety(self, on: bool, tab: int = CHECKLIST_TAB) -> None:
        """The safety checklist and cue card over the page (the top bar and Stop
        stay in reach); closing gives the keys back to what was there before."""
        if on:
            card = self._safety()
            card.setGeometry(self.page.rect())
            card.show()
            card.raise_()
            card.show_tab(tab)
            card.focus_text()
            return
        if not self.is_safety_open():
            return
        self.safety_card.hide()  # type: ignore[union-attr]
        if self.permission_card.isVisible():
            self.permission_card.yes.setFocus()
        elif self.end_card.isVisible():
            self.end_card.leave.setFocus()
        else:
            self.setFocus()
        self.safety_closed.emit()

    def _safety(self) -> SafetyCard:
        if self.safety_card is None:
            self.safety_card = SafetyCard(self.theme, safety_text(INFANT_SAFETY), safety_text(BABY_CUES), self.page)
            self.safety_card.close_requested.connect(self._on_safety_card_close_requested)
            self.page.overlays.append(self.safety_card)
        return self.safety_card

    def _on_safety_card_close_requested(self) -> None:
        self._show_safety(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.stroke_card.setFixedWidth(max(230, min(460, int(self.width() * 0.24))))
        for overlay in (self.keys_overlay, self.blank_overlay):
            overlay.setGeometry(self.rect())
        self._place_toast()

    def _place_toast(self) -> None:
        self.toast.adjustSize()
        stop = self.stop_button.geometry()
        self.toast.move(max(8, stop.right() - self.toast.width()), stop.bottom() + 10)

