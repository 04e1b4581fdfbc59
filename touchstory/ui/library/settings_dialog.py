"""The Settings dialog: how things look, bedtime hours, the child lock, and the
voice and sound (touchstory.ui.library.sound_settings). It edits a copy;
`settings()` gives the result when the dialog is accepted. The voice list is
asked for, off the GUI thread, the first time the "Voice and sound" page is shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QTabWidget, QVBoxLayout, QWidget,
)

from touchstory.journal.settings import Settings, ThemeChoice
from touchstory.speech.engine import Voice
from touchstory.ui.library.filter_bar import QuietCombo
from touchstory.ui.library.sound_settings import SoundPage, sound_rules
from touchstory.ui.library.style import apply_library_theme, hint_label
from touchstory.ui.library.wheel_guard import guard
from touchstory.ui.theme import Theme

MIN_WIDTH = 680


def screen_room(widget: QWidget) -> QSize:
    """The most a dialog may take of the screen it opens on (a margin for the frame)."""
    screen = widget.screen()
    area = screen.availableGeometry().size() if screen is not None else QSize(1280, 800)
    return QSize(area.width() - 40, area.height() - 60)


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
    """`sound_available`: whether there is sound to set at all (False: the page is
    shown, switched off). `voices()`: the engine's voices; blocking, so it is run
    in the thread pool. `preview(voice_id, language_tag, rate_wpm)`: speak a sample
    (non-blocking). `narration_problem`: why there is no narration (with how to
    install it); only the narration controls are then switched off."""

    def __init__(self, settings: Settings, theme: Theme, sound_available: bool = False,
                 parent: QWidget | None = None, *, voices: Callable[[], list[Voice]] | None = None,
                 preview: Callable[[str, str, int], None] | None = None,
                 narration_problem: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setModal(True)
        self._original = settings
        self._theme = theme
        self._voices, self._preview, self._narration_problem = voices, preview, narration_problem
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.tabs = QTabWidget()
        # every tab whole, never behind scroll arrows: the dialog grows to fit them
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self._sized = False
        self.tabs.addTab(self._look_page(settings), "Look and reading")
        self.tabs.addTab(self._bedtime_page(settings), "Bedtime and child lock")
        self.sound = self._sound_page(settings, sound_available)
        self.tabs.addTab(self.sound, "Voice and sound")
        # the page's controls, by the names the dialog always had
        self.narration, self.volume_sliders = self.sound.narration, self.sound.volume_sliders
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Save")
        ok.setProperty("primary", True)
        for button in buttons.buttons():
            button.setIcon(QIcon())  # the style's stock green tick and red cross clash with every theme
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        apply_library_theme(self, theme)
        self.setStyleSheet(self.styleSheet() + sound_rules(theme))
        self._wheel_guard = guard(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._sized:
            # Sized to its content (every page, every tab) but never past the screen;
            # Qt's own first size is at most 2/3 of the screen, which cut the pages.
            self._sized = True
            room = screen_room(self)
            want = self.sizeHint().expandedTo(self.minimumSizeHint()).expandedTo(QSize(MIN_WIDTH, 0))
            self.resize(want.boundedTo(room))
        super().showEvent(event)

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
        self.dyslexia = QCheckBox("Wider letter and word spacing")
        self.dyslexia.setChecked(s.dyslexia_spacing)
        form.addRow("Spacing", self.dyslexia)
        dyslexia_hint = hint_label("Easier for many dyslexic readers.")  # on its own line: never cut off
        dyslexia_hint.setWordWrap(False)
        form.addRow("", dyslexia_hint)
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
        form.addRow("", hint_label("With automatic colours, touchstory is warm and dim between these times."))
        self.child_lock = QCheckBox("Hold Stop for 2 seconds to leave a story")
        self.child_lock.setChecked(s.child_lock)
        form.addRow("Child lock", self.child_lock)
        form.addRow("", hint_label("So a child's tap cannot end the story by accident."))
        return page

    def _sound_page(self, s: Settings, available: bool) -> SoundPage:
        return SoundPage(s, self._theme, available, voices=self._voices, preview=self._preview,
                         narration_problem=self._narration_problem)

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.sound:
            self.sound.load_voices()

    # -- result ------------------------------------------------------------------------------

    def settings(self) -> Settings:
        """The settings as the dialog shows them (unchanged fields kept)."""
        s = self._original
        start = str(self.bedtime_start.currentData())
        end = str(self.bedtime_end.currentData())
        return replace(
            self.sound.settings_from(s),
            theme=ThemeChoice(self.theme_box.currentData()),
            text_scale=float(self.text_size.currentData()),
            dyslexia_spacing=self.dyslexia.isChecked(),
            show_next_line=self.next_line.isChecked(),
            bedtime_start=start,
            bedtime_end=end,
            child_lock=self.child_lock.isChecked(),
        )
