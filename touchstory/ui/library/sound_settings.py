"""The Settings dialog's "Voice and sound" page: narration on or off, the voice
(listed off the GUI thread; "Hear it" tries it), speed, the three levels, the
fade at the end, the sound playing on, and the page-turn chime.

`settings_from(s)` reads the page into a copy of `s`; a value set by hand in
the settings file that a control cannot show exactly is kept as it was."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QLocale, QThreadPool, Qt
from PySide6.QtWidgets import (
    QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSlider, QSpinBox,
    QWidget,
)

from touchstory.journal.settings import Settings
from touchstory.pacing.modes import Mode
from touchstory.speech.engine import Voice
from touchstory.speech.voices import MAX_WPM, MIN_WPM, Speed, preview_text, voice_choices
from touchstory.ui.library.filter_bar import QuietCombo
from touchstory.ui.library.tasks import TaskRunner
from touchstory.ui.theme import Theme

BEST_VOICE = "The best voice for the story's language"
OWN_SPEED = "My own speed"
NO_SOUND_TEXT = ("Sound is not available on this computer right now, so these settings cannot be changed "
                 "here. They are kept as they are.")
LEVELS = (("voice", "Voice"), ("soundscape", "Background"), ("master", "Everything"))


def user_language() -> str:
    """The computer's language as a BCP 47 tag, for previews with "the best voice"."""
    tag = QLocale.system().bcp47Name()
    return tag if tag and tag.upper() != "C" else "en-GB"


def sound_rules(theme: Theme) -> str:
    """Disabled sliders and boxes, and the Hear it button as tall as the menu
    beside it (the sliders themselves come with the theme's style sheet)."""
    p = theme.palette
    return f"""
    QSlider::sub-page:horizontal:disabled {{ background: {p.text_muted}; }}
    QSlider::handle:horizontal:disabled {{ border-color: {p.border}; }}
    QAbstractSpinBox:focus {{ border-color: {p.accent}; }}
    QAbstractSpinBox:disabled, QComboBox:disabled {{ border-color: {p.surface_alt}; }}
    QPushButton#hearButton {{ padding: 6px 20px; min-height: 28px; }}
    """


def _spin_box(name: str, low: int, high: int, value: int, step: int) -> QSpinBox:
    box = QSpinBox()
    box.setAccessibleName(name)
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setValue(value)
    edit = box.findChild(QLineEdit)  # the themed box has no arrows: keep the text off the border
    if edit is not None:
        edit.setTextMargins(10, 0, 10, 0)
    return box


def _kept(shown: int, original: float) -> float:
    """A whole-number control's value, or the original when it shows that rounded."""
    return original if round(original) == shown else float(shown)


def _kept_level(percent: int, original: float) -> float:
    """A 0-100 slider position as a 0.0-1.0 level, the original one if unmoved."""
    return original if round(original * 100) == percent else percent / 100


class SoundPage(QScrollArea):
    """`available`: False shows the page switched off. `narration_problem`: why
    there is no voice engine; only the narration controls are then off."""

    def __init__(self, s: Settings, theme: Theme, available: bool, *,
                 voices: Callable[[], list[Voice]] | None, preview: Callable[[str, str, int], None] | None,
                 narration_problem: str | None) -> None:
        super().__init__()
        self._theme = theme
        self._voices, self._preview = voices, preview
        self._voices_wanted = available and not narration_problem and voices is not None
        self._voices_asked = False
        self._voice_languages: dict[str, str] = {}
        self._runner = TaskRunner(QThreadPool.globalInstance(), self)
        self._build(s, available, narration_problem)
        self._connect_signals()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)

    # -- building --------------------------------------------------------------------------

    def _build(self, s: Settings, available: bool, problem: str | None) -> None:
        page = QWidget()
        self._grid = grid = QGridLayout(page)
        grid.setContentsMargins(20, 14, 20, 14)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        if not available or problem:
            self._add(None, self._notice(NO_SOUND_TEXT if not available else str(problem)))
        self._add(None, self._heading("Reading aloud", first=True))
        self.narration = QCheckBox("Read aloud automatically when a story opens")
        self.narration.setChecked(s.narration)
        self._add("Narration", self.narration)
        self.highlight = QCheckBox("Highlight each word as it is read")
        self.highlight.setChecked(s.highlight_words)
        self._add("Highlighting", self.highlight)
        self._build_voice(s)
        self._build_speed(s)

        self._add(None, self._heading("Loudness"))
        self.volume_sliders: dict[str, QSlider] = {}
        for name, label in LEVELS:
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setSingleStep(5)
            slider.setPageStep(10)
            slider.setValue(round(getattr(s.volumes, name) * 100))
            slider.setAccessibleName(f"{label} volume")
            self.volume_sliders[name] = slider
            self._add(label, slider)

        self._add(None, self._heading("At the end of the story"))
        self.fade = _spin_box("Fade out at the end", 5, 40, round(s.fade_seconds), 5)
        self.fade.setPrefix("Fade out over ")
        self.fade.setSuffix(" seconds")
        self._add("Fade out", self.fade, stretch=False)
        self.wind_down = _spin_box("Let the sound play on after the story", 0,
                                   max(120, round(s.wind_down_seconds)), round(s.wind_down_seconds), 10)
        self.wind_down.setPrefix("Let the sound play on for ")
        self.wind_down.setSuffix(" seconds")
        self.wind_down.setSpecialValueText("Stop the sound with the story")
        self._add("Afterwards", self.wind_down, stretch=False)
        self.chime = QCheckBox("A soft chime when the page turns")
        self.chime.setChecked(s.page_chime)
        self._add("Page turns", self.chime)
        grid.setRowStretch(grid.rowCount(), 1)
        self.setWidget(page)

        self.hear.setEnabled(self._preview is not None)
        narration_controls = (self.narration, self.highlight, self.voice, self.hear, self.speed, self.rate,
                              self.volume_sliders["voice"])
        for widget in (*narration_controls, self.fade, self.wind_down, self.chime, *self.volume_sliders.values()):
            if not available or (problem and widget in narration_controls):
                widget.setEnabled(False)

    def _build_voice(self, s: Settings) -> None:
        self.voice = QuietCombo()
        self.voice.setAccessibleName("Voice")
        self.voice.setMaxVisibleItems(12)
        # sized by the page, not by the longest voice name: the page never scrolls sideways
        self.voice.setSizeAdjustPolicy(QuietCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.voice.setMinimumContentsLength(14)
        self.voice.addItem(BEST_VOICE, "")
        if s.voice_id:
            self.voice.addItem(s.voice_id, s.voice_id)
            self.voice.setCurrentIndex(1)
        self.hear = QPushButton("Hear it")
        self.hear.setObjectName("hearButton")
        self.hear.setAccessibleName("Hear the chosen voice at the chosen speed")
        self.hear.setToolTip(f"Says: “{preview_text(user_language())}”")
        self.voice_status = QLabel()
        self.voice_status.setObjectName("hint")
        self.voice_status.setWordWrap(True)
        self.voice_status.hide()
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.voice, 1)
        row.addWidget(self.hear)
        self._add("Voice", row, buddy=self.voice)
        self._add(None, self.voice_status, column=1)

    def _build_speed(self, s: Settings) -> None:
        self.speed = QuietCombo()
        self.speed.setAccessibleName("Reading speed")
        for speed in (Speed.BEDTIME, Speed.NORMAL):
            self.speed.addItem(speed.label, speed.wpm)
        self.speed.addItem(OWN_SPEED, 0)
        # a speed set by hand outside the range is kept, not clamped
        self.rate = _spin_box("Words a minute", min(MIN_WPM, s.rate_wpm), max(MAX_WPM, s.rate_wpm), s.rate_wpm, 5)
        self.rate.setSuffix(" words a minute")
        named = self.speed.findData(s.rate_wpm)
        self.speed.setCurrentIndex(named if named >= 0 else self.speed.count() - 1)
        self.rate.setEnabled(named < 0)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.speed, 1)
        row.addWidget(self.rate, 1)
        self._add("Reading speed", row, buddy=self.speed)

    def _add(self, label: str | None, field: QWidget | QHBoxLayout, *, buddy: QWidget | None = None,
             column: int = 0, stretch: bool = True) -> None:
        """One row: a label centred on its field (QFormLayout puts labels at the top)."""
        row = self._grid.rowCount()
        span = 2 if label is None and column == 0 else 1
        first = 1 if label is not None else column
        if label is not None:
            text = QLabel(label)
            target = buddy if buddy is not None else field
            if isinstance(target, QWidget):
                text.setBuddy(target)
            self._grid.addWidget(text, row, 0, Qt.AlignmentFlag.AlignVCenter)
        align = Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag(0) if stretch else Qt.AlignmentFlag.AlignLeft)
        if isinstance(field, QWidget):
            self._grid.addWidget(field, row, first, 1, span, align)
        else:
            self._grid.addLayout(field, row, first, 1, span)

    def _heading(self, text: str, *, first: bool = False) -> QLabel:
        label = QLabel(text)
        label.setObjectName("heading")
        label.setFont(self._theme.ui_font(self._theme.fonts.ui_point + 1, bold=True))
        label.setContentsMargins(0, 0 if first else 10, 0, 0)
        return label

    @staticmethod
    def _notice(text: str) -> QFrame:
        box = QFrame()
        box.setObjectName("noticeBar")
        row = QHBoxLayout(box)
        row.setContentsMargins(16, 12, 16, 12)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy the command
        row.addWidget(label)
        return box

    def _connect_signals(self) -> None:
        self.speed.currentIndexChanged.connect(self._on_speed_current_changed)
        self.hear.clicked.connect(self._on_hear_clicked)

    # -- voices ----------------------------------------------------------------------------

    def load_voices(self) -> None:
        """Ask for the voice list once, off the GUI thread (it may start the voice
        engine's worker process); the menu fills in when it arrives."""
        if not self._voices_wanted or self._voices_asked or self._voices is None:
            return
        self._voices_asked = True
        self.voice_status.setText("Looking for voices…")
        self.voice_status.show()
        self._runner.run(self._voices, self._on_voices_done, self._on_voices_failed)

    def _on_voices_done(self, voices: object) -> None:
        chosen = str(self.voice.currentData() or "")
        choices = voice_choices(list(voices or []), user_language())  # type: ignore[call-overload]
        self._voice_languages = {c.id: c.language for c in choices}
        self.voice.blockSignals(True)
        self.voice.clear()
        self.voice.addItem(BEST_VOICE, "")
        for choice in choices:
            self.voice.addItem(choice.label, choice.id)
        if chosen and self.voice.findData(chosen) < 0:
            self.voice.addItem(f"{chosen} (not found on this computer)", chosen)
        self.voice.setCurrentIndex(max(0, self.voice.findData(chosen)))
        self.voice.blockSignals(False)
        if choices:
            self.voice_status.hide()
        else:
            self.voice_status.setText("No voices were found; the voice engine's own voice is used.")

    def _on_voices_failed(self, message: str) -> None:
        first = message.strip().splitlines()[0] if message.strip() else "unknown problem"
        self.voice_status.setText(f"The list of voices could not be read ({first}). "
                                  "Each story is read with the best voice for its language.")
        self.voice_status.show()

    # -- slots -----------------------------------------------------------------------------

    def _on_speed_current_changed(self, index: int) -> None:
        wpm = int(self.speed.itemData(index) or 0)
        own = wpm == 0
        if not own:
            self.rate.setValue(wpm)
        self.rate.setEnabled(own and self.speed.isEnabled())
        if own:
            self.rate.setFocus()

    def _on_hear_clicked(self) -> None:
        if self._preview is None:
            return
        voice_id = str(self.voice.currentData() or "")
        language = self._voice_languages.get(voice_id) or user_language()
        self._preview(voice_id, language, self.rate_wpm())

    # -- result ----------------------------------------------------------------------------

    def rate_wpm(self) -> int:
        return int(self.speed.currentData() or 0) or self.rate.value()

    def settings_from(self, s: Settings) -> Settings:
        """`s` with this page's fields as the page shows them."""
        level = {n: _kept_level(w.value(), getattr(s.volumes, n)) for n, w in self.volume_sliders.items()}
        narration = self.narration.isChecked()
        # Narration on means the narrated pace; off means reading aloud, unless the
        # parent chose "follow my pace": that is kept.
        pace = Mode.NARRATED if narration else (Mode.READ_ALOUD if s.pace is Mode.NARRATED else s.pace)
        return replace(
            s,
            narration=narration,
            pace=pace,
            highlight_words=self.highlight.isChecked(),
            voice_id=str(self.voice.currentData() or ""),
            rate_wpm=self.rate_wpm(),
            volumes=replace(s.volumes, **level),  # type: ignore[arg-type]  # only the float levels are in `level`
            fade_seconds=_kept(self.fade.value(), s.fade_seconds),
            wind_down_seconds=_kept(self.wind_down.value(), s.wind_down_seconds),
            page_chime=self.chime.isChecked(),
        )
