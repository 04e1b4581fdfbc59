"""The Sound popup opened from the player's top bar: background sound, the three
levels with their mute switches, the page-turn chime and the sleep timer.

It edits a frozen `Settings` value and reports each change at once
(`settings_changed`); the player applies it and glides the levels, so a slider
may report every step. The timer is an intent (`sleep_requested`); the player
says what the timer is doing with `set_sleep_state`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFrame, QGridLayout, QLabel, QLayout, QPushButton, QSlider,
    QVBoxLayout, QWidget,
)

from touchstory.journal.settings import Settings
from touchstory.ui.theme import Theme

if TYPE_CHECKING:  # the soundscapes module brings numpy; only its type is needed here
    from touchstory.audio.soundscapes import SoundscapeInfo

STORY_OWN = ""  # settings.soundscape_override values
NO_SOUND = "none"
_CHOOSE_FILE = "<choose a file>"  # never a real override: paths are absolute
SOUND_FILE_FILTER = "Sound files (*.wav *.ogg *.mp3 *.flac);;All files (*)"

LEVELS = (("voice", "Voice"), ("soundscape", "Background"), ("master", "Everything"))
SLEEP_CHOICES: tuple[tuple[str, float, str], ...] = (
    ("off", 0.0, "Off"),
    ("after_story", 0.0, "Stop after this story"),
    *(("after_minutes", float(m), f"After {m} minutes") for m in (10, 20, 30, 45)),
)
FADE_CHOICES = (5, 10, 15, 20, 30, 40)


class ChevronCombo(QComboBox):
    """A combo with a soft chevron in the text colour: the themed style sheet
    leaves the drop-down without one, and a parent must see that it is a menu.
    (The library has its own; the player does not import the library.)"""

    def showPopup(self) -> None:  # noqa: N802
        view = self.view()
        view.setMinimumWidth(max(self.width(), view.sizeHintForColumn(0) + 48))
        super().showPopup()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Text), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        x, y = self.width() - 20.0, self.height() / 2.0
        painter.drawPolyline([QPointF(x - 5, y - 2.5), QPointF(x, y + 2.5), QPointF(x + 5, y - 2.5)])
        painter.end()


def panel_rules(theme: Theme) -> str:
    """What the panel adds to the shared theme style sheet."""
    p = theme.palette
    return f"""
    QFrame#soundPanel {{ background: {p.window}; border: 2px solid {p.border}; }}
    QLabel#heading {{ color: {p.text}; }}
    QLabel#hint, QLabel#levelValue {{ color: {p.text_muted}; }}
    QLabel#sleepState {{ color: {p.accent}; }}
    QComboBox {{ padding: 6px 34px 6px 12px; min-height: 30px; }}
    QComboBox::drop-down {{ border: none; width: 30px; }}
    QComboBox::down-arrow {{ image: none; width: 0; height: 0; }}
    QComboBox QAbstractItemView {{ background: {p.surface}; color: {p.text};
        selection-background-color: {p.surface_alt}; selection-color: {p.text}; border: 1px solid {p.border}; }}
    QPushButton#muteButton {{ padding: 6px 14px; min-height: 26px; min-width: 70px; }}
    QPushButton#muteButton:checked {{ background: {p.surface_alt}; color: {p.accent};
        border-color: {p.accent}; }}
    QPushButton#muteButton:checked:focus {{ border: 3px solid {p.accent}; }}
    QSlider[muted="true"]::sub-page:horizontal {{ background: {p.text_muted}; }}
    QCheckBox {{ spacing: 12px; }}
    QCheckBox::indicator {{ width: 20px; height: 20px; border: 2px solid {p.text_muted}; border-radius: 6px;
        background: {p.surface}; }}
    QCheckBox::indicator:checked {{ background: {p.accent}; border-color: {p.accent}; }}
    QCheckBox::indicator:focus {{ border: 3px solid {p.accent}; }}
    QCheckBox:focus {{ color: {p.text}; }}
    QComboBox:focus {{ border: 3px solid {p.accent}; }}
    """


def _is_file(override: str) -> bool:
    return override not in (STORY_OWN, NO_SOUND, _CHOOSE_FILE) and ("/" in override or "\\" in override)


class SoundPanel(QFrame):
    """The popup. `soundscapes`: the built-in ones (SOUNDSCAPES.values());
    `story_soundscape`: the id (or file) the story asks for, None if none."""

    settings_changed = Signal(object)  # a new frozen Settings, on every change
    sleep_requested = Signal(str, float)  # "off" | "after_story" | "after_minutes", minutes
    closed = Signal()

    def __init__(self, theme: Theme, settings: Settings, soundscapes: Sequence[SoundscapeInfo],
                 story_soundscape: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("soundPanel")
        self.setAccessibleName("Sound")
        self._settings = settings
        self._soundscapes = list(soundscapes)
        self._story_soundscape = story_soundscape
        self._choosing_file = False  # the popup steps aside for the file dialog; not a close
        self._build()
        self._connect_signals()
        self.set_theme(theme)
        self.set_settings(settings)
        self.set_sleep_state("")

    # -- building --------------------------------------------------------------------------

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("heading")
        self._headings.append(label)
        return label

    def _build(self) -> None:
        self._headings: list[QLabel] = []
        self.soundscape_box = ChevronCombo(self)
        self.soundscape_box.setAccessibleName("Background sound")
        self.soundscape_box.setMaxVisibleItems(12)
        self._fill_soundscapes()

        levels = QGridLayout()
        levels.setHorizontalSpacing(14)
        levels.setVerticalSpacing(8)
        levels.setColumnStretch(1, 1)
        self.sliders: dict[str, QSlider] = {}
        self.mutes: dict[str, QPushButton] = {}
        self.level_values: dict[str, QLabel] = {}
        self._level_labels: list[QLabel] = []
        for row, (channel, label_text) in enumerate(LEVELS):
            label = QLabel(label_text, self)
            slider = QSlider(Qt.Orientation.Horizontal, self)
            slider.setRange(0, 100)
            slider.setSingleStep(5)
            slider.setPageStep(10)
            slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            slider.setAccessibleName(f"{label_text} volume")
            slider.setMinimumWidth(220)
            label.setBuddy(slider)
            value = QLabel(self)
            value.setObjectName("levelValue")
            value.setMinimumWidth(48)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            mute = QPushButton("Mute", self)
            mute.setObjectName("muteButton")
            mute.setCheckable(True)
            mute.setAccessibleName(f"Mute {label_text.lower()}")
            mute.setCursor(Qt.CursorShape.PointingHandCursor)
            levels.addWidget(label, row, 0)
            levels.addWidget(slider, row, 1)
            levels.addWidget(value, row, 2)
            levels.addWidget(mute, row, 3)
            self.sliders[channel], self.mutes[channel], self.level_values[channel] = slider, mute, value
            self._level_labels.append(label)

        self.chime = QCheckBox("Soft chime when the page turns", self)
        self.chime.setAccessibleName("Page-turn chime")

        self.sleep_box = ChevronCombo(self)
        self.sleep_box.setAccessibleName("Sleep timer")
        for _mode, _minutes, text in SLEEP_CHOICES:
            self.sleep_box.addItem(text)
        self._sleep_choices = list(SLEEP_CHOICES)
        self.fade_box = ChevronCombo(self)
        self.fade_box.setAccessibleName("Fade out over")
        for seconds in FADE_CHOICES:
            self.fade_box.addItem(f"{seconds} seconds", float(seconds))
        self.fade_label = QLabel("Fade out over", self)
        self.fade_label.setBuddy(self.fade_box)
        self.sleep_state = QLabel(self)
        self.sleep_state.setObjectName("sleepState")

        timer = QGridLayout()
        timer.setHorizontalSpacing(14)
        timer.setVerticalSpacing(10)
        timer.setColumnStretch(1, 1)
        timer.addWidget(self.sleep_box, 0, 0, 1, 2)
        timer.addWidget(self.fade_label, 1, 0)
        timer.addWidget(self.fade_box, 1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 24)
        layout.setSpacing(10)
        layout.addWidget(self._heading("Background sound"))
        layout.addWidget(self.soundscape_box)
        layout.addSpacing(12)
        layout.addWidget(self._heading("Loudness"))
        layout.addLayout(levels)
        layout.addSpacing(6)
        layout.addWidget(self.chime)
        layout.addSpacing(12)
        layout.addWidget(self._heading("Sleep timer"))
        layout.addLayout(timer)
        layout.addWidget(self.sleep_state)
        # Always exactly as big as its contents: the timer line comes and goes and
        # large text makes every row taller; nothing is ever squeezed or cut.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.soundscape_box.setMinimumWidth(440)

    def _fill_soundscapes(self) -> None:
        box = self.soundscape_box
        box.clear()
        story = self._story_soundscape
        if story:
            known = next((s for s in self._soundscapes if s.id == story), None)
            name = known.name if known else Path(story).name
        else:
            name = "none"
        box.addItem(f"The story's own ({name})", STORY_OWN)
        box.setItemData(0, "The sound the story asks for." if story else "This story has no background sound.",
                        Qt.ItemDataRole.ToolTipRole)
        for info in self._soundscapes:
            box.addItem(info.name, info.id)
            box.setItemData(box.count() - 1, info.description, Qt.ItemDataRole.ToolTipRole)
        box.addItem("No background sound", NO_SOUND)
        box.addItem("Your own sound file…", _CHOOSE_FILE)
        box.setItemData(box.count() - 1, "A WAV, OGG, MP3 or FLAC file from this computer.",
                        Qt.ItemDataRole.ToolTipRole)

    def _show_override(self, override: str) -> None:
        """Select the row for `override`, adding a row for a file or an unknown id."""
        box = self.soundscape_box
        index = box.findData(override)
        if index < 0:
            for i in range(box.count()):  # at most one "Your file" row
                if _is_file(str(box.itemData(i))):
                    box.removeItem(i)
                    break
            text = f"Your file: {Path(override).name}" if _is_file(override) else override
            index = box.findData(_CHOOSE_FILE)
            box.insertItem(index, text, override)
            box.setItemData(index, override, Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(index)

    def _connect_signals(self) -> None:
        self.soundscape_box.activated.connect(self._on_soundscape_box_activated)
        for channel in self.sliders:
            self.sliders[channel].valueChanged.connect(
                lambda value, c=channel: self._on_slider_value_changed(c, value))
            self.mutes[channel].toggled.connect(lambda checked, c=channel: self._on_mute_toggled(c, checked))
        self.chime.toggled.connect(self._on_chime_toggled)
        self.sleep_box.activated.connect(self._on_sleep_box_activated)
        self.fade_box.activated.connect(self._on_fade_box_activated)

    # -- public ----------------------------------------------------------------------------

    def settings(self) -> Settings:
        return self._settings

    def set_settings(self, settings: Settings) -> None:
        """Show `settings` without reporting a change."""
        self._settings = settings
        widgets: list[QWidget] = [self.soundscape_box, self.chime, self.fade_box,
                                  *self.sliders.values(), *self.mutes.values()]
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self._show_override(settings.soundscape_override)
            for channel, slider in self.sliders.items():
                slider.setValue(round(getattr(settings.volumes, channel) * 100))
                self.mutes[channel].setChecked(getattr(settings.volumes, f"{channel}_muted"))
                self._show_level(channel)
            self.chime.setChecked(settings.page_chime)
            self._show_fade(settings.fade_seconds)
        finally:
            for w, was in zip(widgets, blocked, strict=True):
                w.blockSignals(was)

    def set_sleep_choice(self, mode: str, minutes: float = 0.0) -> None:
        """Show the timer as it is set (no `sleep_requested`)."""
        wanted = (mode, float(minutes) if mode == "after_minutes" else 0.0)
        for i, (m, mins, _text) in enumerate(self._sleep_choices):
            if (m, mins) == wanted:
                self.sleep_box.setCurrentIndex(i)
                return
        if mode == "after_minutes" and minutes > 0:  # a time the menu does not offer: add it
            self._sleep_choices.append((mode, float(minutes), f"After {minutes:g} minutes"))
            self.sleep_box.addItem(self._sleep_choices[-1][2])
            self.sleep_box.setCurrentIndex(self.sleep_box.count() - 1)
        else:
            self.sleep_box.setCurrentIndex(0)

    def set_sleep_state(self, text: str) -> None:
        """What the timer is doing ("The sound will fade out in 12 min"); "" hides it."""
        self.sleep_state.setText(text)
        self.sleep_state.setVisible(bool(text))

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.setPalette(theme.qpalette())
        self.setFont(theme.ui_font())
        self.setAutoFillBackground(True)
        self.setStyleSheet(theme.style_sheet() + panel_rules(theme))
        for heading in self._headings:
            heading.setFont(theme.ui_font(theme.fonts.ui_point + 1, bold=True))
        for label in self.level_values.values():
            label.setFont(theme.ui_font(theme.fonts.ui_point - 2))
        for button in self.mutes.values():
            button.setFont(theme.ui_font(theme.fonts.ui_point - 2))
        self.adjustSize()

    def show_below(self, anchor: QWidget) -> None:
        """Open under `anchor` (the Sound button), right edges lined up, kept on its screen."""
        self.adjustSize()
        corner = anchor.mapToGlobal(QPoint(anchor.width(), anchor.height() + 6))
        x, y = corner.x() - self.width(), corner.y()
        screen = anchor.screen().availableGeometry()
        x = max(screen.left() + 8, min(x, screen.right() - self.width() - 8))
        y = max(screen.top() + 8, min(y, screen.bottom() - self.height() - 8))
        self.move(x, y)
        self.show()

    # -- events ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.soundscape_box.setFocus(Qt.FocusReason.PopupFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        if not self._choosing_file:
            self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- slots -----------------------------------------------------------------------------

    def _change(self, **changes: object) -> None:
        self._settings = replace(self._settings, **changes)  # type: ignore[arg-type]
        self.settings_changed.emit(self._settings)

    def _change_volumes(self, **changes: object) -> None:
        self._change(volumes=replace(self._settings.volumes, **changes))  # type: ignore[arg-type]

    def _on_soundscape_box_activated(self, index: int) -> None:
        override = str(self.soundscape_box.itemData(index))
        if override == _CHOOSE_FILE:
            override = self._choose_file()
            if not override:  # cancelled: back to what was chosen before
                self._show_override(self._settings.soundscape_override)
                return
            self._show_override(override)
        if override != self._settings.soundscape_override:
            self._change(soundscape_override=override)

    def _choose_file(self) -> str:
        """Ask for a sound file; "" when cancelled. The popup steps aside while the
        file dialog is open (a popup would close, or sit over it) and comes back."""
        was_visible = self.isVisible()
        start = self._settings.soundscape_override
        folder = str(Path(start).parent) if _is_file(start) else str(Path.home())
        self._choosing_file = True
        try:
            if was_visible:
                self.hide()
            path, _filter = QFileDialog.getOpenFileName(
                self.parentWidget(), "Choose a background sound", folder, SOUND_FILE_FILTER)
        finally:
            self._choosing_file = False
            if was_visible:
                self.show()
        return str(Path(path).resolve()) if path else ""

    def _on_slider_value_changed(self, channel: str, value: int) -> None:
        self._show_level(channel)
        if value != round(getattr(self._settings.volumes, channel) * 100):
            self._change_volumes(**{channel: value / 100})

    def _on_mute_toggled(self, channel: str, muted: bool) -> None:
        self._show_level(channel)
        self._change_volumes(**{f"{channel}_muted": muted})

    def _show_level(self, channel: str) -> None:
        muted = self.mutes[channel].isChecked()
        self.mutes[channel].setText("Muted" if muted else "Mute")
        self.level_values[channel].setText("off" if muted else f"{self.sliders[channel].value()} %")
        slider = self.sliders[channel]
        if slider.property("muted") != muted:  # a muted level looks switched off, still movable
            slider.setProperty("muted", muted)
            slider.style().unpolish(slider)
            slider.style().polish(slider)

    def _on_chime_toggled(self, checked: bool) -> None:
        self._change(page_chime=checked)

    def _on_sleep_box_activated(self, index: int) -> None:
        mode, minutes, _text = self._sleep_choices[index]
        self.sleep_requested.emit(mode, minutes)

    def _show_fade(self, seconds: float) -> None:
        index = self.fade_box.findData(float(seconds))
        if index < 0:  # a length set by hand in the file: keep it, in order
            index = sum(1 for s in FADE_CHOICES if s < seconds)
            self.fade_box.insertItem(index, f"{seconds:g} seconds", float(seconds))
        self.fade_box.setCurrentIndex(index)

    def _on_fade_box_activated(self, index: int) -> None:
        seconds = float(self.fade_box.itemData(index))
        if seconds != self._settings.fade_seconds:
            self._change(fade_seconds=seconds)
