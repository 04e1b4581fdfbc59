"""The Settings dialog: how things look, bedtime hours, the child lock, and
(shown but switched off until the engines are wired) narration and sound.
It edits a copy; `settings()` gives the result when the dialog is accepted."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QSlider, QSpinBox,
    QTabWidget, QVBoxLayout, QWidget,
)

from touchstory.journal.settings import Settings, ThemeChoice
from touchstory.ui.library.filter_bar import QuietCombo
from touchstory.ui.library.style import apply_library_theme
from touchstory.ui.theme import Theme

THEME_LABELS = (
    (ThemeChoice.AUTO, "Automatic: bedtime colours in the evening"),
    (ThemeChoice.BEDTIME, "Bedtime (warm and dim)"),
    (ThemeChoice.DAY, "Day (light)"),
    (ThemeChoice.CONTRAST, "High contrast"),
)
TEXT_SIZES = ((0.85, "Small"), (1.0, "Usual"), (1.2, "Large"), (1.45, "Larger"), (1.75, "Largest"))


def _time_box(current: str, name: str) -> QuietCombo:
    """A time of day in quarter hours (a menu is easier than typing at 8 pm);
    a time set by hand in between is kept as it is."""
    box = QuietCombo()
    box.setAccessibleName(name)
    times = [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 15, 30, 45)]
    if current not in times:
        times = sorted([*times, current])
    for text in times:
        box.addItem(text, text)
    box.setCurrentIndex(times.index(current))
    box.setMaxVisibleItems(12)
    return box


class SettingsDialog(QDialog):
    """`sound_available`: whether narration and sound can be set yet."""

    def __init__(self, settings: Settings, theme: Theme, sound_available: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setModal(True)
        self._original = settings
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._look_page(settings), "Look and reading")
        self.tabs.addTab(self._bedtime_page(settings), "Bedtime and child lock")
        self.tabs.addTab(self._sound_page(settings, sound_available), "Voice and sound")
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Save")
        ok.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        apply_library_theme(self, theme)

    # -- pages --------------------------------------------------------------------------------

    @staticmethod
    def _form() -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(20, 20, 20, 20)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(14)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return page, form

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("hint")
        label.setWordWrap(True)
        return label

    def _look_page(self, s: Settings) -> QWidget:
        page, form = self._form()
        self.theme_box = QuietCombo()
        for choice, label in THEME_LABELS:
            self.theme_box.addItem(label, choice.value)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(s.theme.value)))
        form.addRow("Colours", self.theme_box)
        self.text_size = QuietCombo()
        for scale, label in TEXT_SIZES:
            self.text_size.addItem(label, scale)
        found = self.text_size.findData(s.text_scale)
        if found < 0:  # a size set by hand in the file: keep it, do not round it away
            self.text_size.addItem(f"{round(s.text_scale * 100)} %", s.text_scale)
            found = self.text_size.count() - 1
        self.text_size.setCurrentIndex(found)
        form.addRow("Text size", self.text_size)
        self.dyslexia = QCheckBox("Wider letter and word spacing (easier for dyslexic readers)")
        self.dyslexia.setChecked(s.dyslexia_spacing)
        form.addRow("Spacing", self.dyslexia)
        self.next_line = QCheckBox("Show the next line in small type")
        self.next_line.setChecked(s.show_next_line)
        form.addRow("Next line", self.next_line)
        return page

    def _bedtime_page(self, s: Settings) -> QWidget:
        page, form = self._form()
        self.bedtime_start = _time_box(s.bedtime_start, "Bedtime starts")
        self.bedtime_end = _time_box(s.bedtime_end, "Bedtime ends")
        form.addRow("Bedtime starts", self.bedtime_start)
        form.addRow("and ends", self.bedtime_end)
        form.addRow("", self._hint("With automatic colours, touchstory is warm and dim between these times."))
        self.child_lock = QCheckBox("Hold Stop for 2 seconds to leave a story")
        self.child_lock.setChecked(s.child_lock)
        form.addRow("Child lock", self.child_lock)
        form.addRow("", self._hint("So a child's tap cannot end the story by accident."))
        return page

    def _sound_page(self, s: Settings, available: bool) -> QWidget:
        page, form = self._form()
        if not available:
            form.addRow(self._hint("Narration and background sound are not switched on in this version yet. "
                                   "These settings will work as soon as they are."))
        self.narration = QCheckBox("Read the story aloud (hands-free)")
        self.narration.setChecked(s.narration)
        form.addRow("Narration", self.narration)
        self.highlight = QCheckBox("Highlight each word as it is read")
        self.highlight.setChecked(s.highlight_words)
        form.addRow("Highlighting", self.highlight)
        self.voice = QuietCombo()
        self.voice.addItem("The best voice for the story's language", "")
        if s.voice_id:
            self.voice.addItem(s.voice_id, s.voice_id)
            self.voice.setCurrentIndex(1)
        form.addRow("Voice", self.voice)
        self.rate = QSpinBox()
        self.rate.setRange(60, 300)
        self.rate.setSuffix(" words a minute")
        self.rate.setValue(s.rate_wpm)
        form.addRow("Reading speed", self.rate)
        self.volume_sliders: dict[str, QSlider] = {}
        for name, label in (("master", "Volume"), ("voice", "Voice"), ("soundscape", "Background sound")):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setValue(round(getattr(s.volumes, name) * 100))
            slider.setAccessibleName(f"{label} volume")
            self.volume_sliders[name] = slider
            form.addRow(label, slider)
        self.fade = QDoubleSpinBox()
        self.fade.setRange(5, 40)
        self.fade.setDecimals(0)
        self.fade.setSuffix(" seconds")
        self.fade.setValue(s.fade_seconds)
        form.addRow("Fade out at the end", self.fade)
        for widget in (self.narration, self.highlight, self.voice, self.rate, self.fade,
                       *self.volume_sliders.values()):
            widget.setEnabled(available)
        return page

    # -- result ------------------------------------------------------------------------------

    def settings(self) -> Settings:
        """The settings as the dialog shows them (unchanged fields kept)."""
        s = self._original
        start = str(self.bedtime_start.currentData())
        end = str(self.bedtime_end.currentData())
        level = {n: w.value() / 100 for n, w in self.volume_sliders.items()}
        volumes = replace(s.volumes, master=level["master"], voice=level["voice"], soundscape=level["soundscape"])
        return replace(
            s,
            theme=ThemeChoice(self.theme_box.currentData()),
            text_scale=float(self.text_size.currentData()),
            dyslexia_spacing=self.dyslexia.isChecked(),
            show_next_line=self.next_line.isChecked(),
            bedtime_start=start,
            bedtime_end=end,
            child_lock=self.child_lock.isChecked(),
            narration=self.narration.isChecked(),
            highlight_words=self.highlight.isChecked(),
            voice_id=str(self.voice.currentData() or ""),
            rate_wpm=self.rate.value(),
            volumes=volumes,
            fade_seconds=float(self.fade.value()),
        )
