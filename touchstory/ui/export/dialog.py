""""Make an audio file": the whole narrated session of one story (the permission
question, every line with its stroke time, pauses, the thank-you) over a
soundscape, ending in a fade, saved as one OGG, MP3 or WAV for a phone or a
speaker by the bed. The same export as `touchstory render`, with a progress bar.

The export runs in the dialog's own one-thread pool (`job.py`); the dialog
only reacts to the job's signals. Cancel stops the job, which leaves no file.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from enum import Enum, auto
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget,
)

from touchstory.audio.export import ExportResult
from touchstory.audio.sleep import FADE_MAX, FADE_MIN
from touchstory.export.files import FILE_KINDS, file_name_for, length_text
from touchstory.export.session import NO_SOUNDSCAPE, estimate_seconds, has_soundscape
from touchstory.journal.settings import Settings
from touchstory.speech.engine import INSTALL_HINT
from touchstory.speech.factory import default_engine
from touchstory.story.duration import format_duration
from touchstory.story.model import Story
from touchstory.story.packs import StrokePack
from touchstory.ui.export.choices import PACE_CHOICES, soundscape_choices, speed_choices
from touchstory.ui.export.job import (
    EngineFactory, ExportFailure, ExportJob, ExportRequest, ExportSignals, Trouble,
)
from touchstory.ui.library.filter_bar import QuietCombo
from touchstory.ui.library.style import apply_library_theme, hint_label
from touchstory.ui.theme import Theme

def export_rules(theme: Theme) -> str:
    """The dialog's own looks, added to the library's style sheet."""
    p = theme.palette
    return f"""
    QLabel#exportHeading {{ font-size: {round(theme.fonts.ui_point * 1.45 * theme.text_scale)}pt;
        font-weight: 600; }}
    QLabel#exportWarning {{ color: {p.accent}; }}
    QLineEdit {{ padding: 6px 12px; min-height: 28px; }}
    QPushButton#chooseButton {{ padding: 6px 18px; min-height: 28px; }}
    QLabel#exportStatus {{ color: {p.text}; }}
    QLabel#exportStatus[trouble="true"] {{ color: {p.accent}; font-weight: 600; }}
    QProgressBar {{ background: {p.surface}; border: 2px solid {p.border}; border-radius: 9px;
        min-height: 14px; max-height: 14px; }}
    QProgressBar::chunk {{ background: {p.accent}; border-radius: 7px; }}
    """


class State(Enum):
    READY = auto()
    WORKING = auto()
    SAVED = auto()


def default_folder() -> Path:
    """The user's Music folder when there is one, else their home folder."""
    music = Path(platformdirs.user_music_dir())
    return music if music.is_dir() else Path.home()


class ExportDialog(QDialog):
    """Choose the file, soundscape, voice and speed, then "Make the file"."""

    file_saved = Signal(object)  # ExportResult, once the file is complete

    def __init__(self, story: Story, pack: StrokePack | None, *, theme: Theme,
                 settings: Settings | None = None, cache_dir: Path | None = None,
                 folder: Path | None = None, engine_factory: EngineFactory = default_engine,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._story, self._pack = story, pack
        self._settings = settings or Settings()
        self._cache_dir, self._engine_factory = cache_dir, engine_factory
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancel: threading.Event | None = None
        self._signals: ExportSignals | None = None
        self._state = State.READY
        self.export_result: ExportResult | None = None  # not `result`: that would hide QDialog.result()
        self.setWindowTitle("Make an audio file")
        self.setModal(True)
        self.setMinimumWidth(680)
        self._voice_problem = self._probe_voice()
        self._build(folder or default_folder())
        self._connect_signals()
        apply_library_theme(self, theme)
        self.setStyleSheet(self.styleSheet() + export_rules(theme))
        self._update_estimate()
        self._show_state(State.READY)

    # -- building -------------------------------------------------------------------------------

    def _build(self, folder: Path) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(12)
        self.heading = QLabel(f"Make an audio file of “{self._story.title}”")
        self.heading.setObjectName("exportHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        intro = hint_label("The whole session, ready for a phone or speaker by the bed: asking first, every "
                           "line with time for its stroke, the pauses and the thank-you, over the soundscape, "
                           "ending in a slow fade.")
        layout.addWidget(intro)

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 8, 0, 4)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.path_edit = QLineEdit(str(folder / file_name_for(self._story.title)))
        self.path_edit.setAccessibleName("File name")
        self.choose_button = QPushButton("Choose…")
        self.choose_button.setObjectName("chooseButton")
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        form.addRow("Save as", row)
        self.format_box = QuietCombo()
        for suffix, label, _ in FILE_KINDS:
            self.format_box.addItem(label, suffix)
        form.addRow("Kind of file", self.format_box)
        self.soundscape_box = QuietCombo()
        self._fill_soundscapes()
        form.addRow("Soundscape", self.soundscape_box)
        self.narration = QCheckBox("Read the story aloud")
        self.narration.setChecked(self._voice_problem is None)
        self.narration.setEnabled(self._voice_problem is None)
        form.addRow("Voice", self.narration)
        self.speed_box = QuietCombo()
        self._fill(self.speed_box, *speed_choices(self._settings.rate_wpm))
        form.addRow("Voice speed", self.speed_box)
        self.pace_box = QuietCombo()
        self._fill(self.pace_box, list(PACE_CHOICES), 1)
        self.pace_box.setAccessibleName("Time for each stroke")
        form.addRow("Time for strokes", self.pace_box)
        self.estimate = hint_label("")
        self.estimate.setWordWrap(False)  # one short line; wrapping it in a form row clips it
        form.addRow("", self.estimate)
        for box in (self.format_box, self.soundscape_box, self.speed_box, self.pace_box):
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.form_box)

        self.warning = hint_label("")
        self.warning.setObjectName("exportWarning")
        layout.addWidget(self.warning)
        if self._voice_problem is not None:
            self.warning.setText(self._voice_problem)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Progress")
        self.status = QLabel("")
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.music_only_button = QPushButton("Make a music-only file")
        self.open_folder_button = QPushButton("Open folder")
        extra = QHBoxLayout()
        extra.addWidget(self.music_only_button)
        extra.addWidget(self.open_folder_button)
        extra.addStretch(1)
        layout.addLayout(extra)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton("Cancel")
        self.make_button = QPushButton("Make the file")
        self.make_button.setProperty("primary", True)
        self.make_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.make_button)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.format_box.currentIndexChanged.connect(self._on_format_box_current_index_changed)
        self.path_edit.textEdited.connect(self._on_path_edit_text_edited)
        self.soundscape_box.currentIndexChanged.connect(self._update_estimate)
        self.narration.toggled.connect(self._on_narration_toggled)
        self.speed_box.currentIndexChanged.connect(self._update_estimate)
        self.pace_box.currentIndexChanged.connect(self._update_estimate)
        self.make_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.music_only_button.clicked.connect(self._on_music_only_button_clicked)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)

    def _fill_soundscapes(self) -> None:
        self._fill(self.soundscape_box, *soundscape_choices(self._story))

    @staticmethod
    def _fill(box: QuietCombo, choices: Sequence[tuple[str, object]], current: int) -> None:
        for label, data in choices:
            box.addItem(label, data)
        box.setCurrentIndex(current)

    def _probe_voice(self) -> str | None:
        """Why there can be no voice, or None. Making an engine starts nothing."""
        engine = self._engine_factory()
        try:
            if engine.available:
                return None
        finally:
            engine.close()
        return ("No voice engine was found on this computer, so the file can't have the story read aloud. "
                "It can still be made as a music-only file, with the soundscape and the story's timing, "
                f"for you to read along. {INSTALL_HINT}")

    # -- public ---------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def out_path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def request(self) -> ExportRequest:
        return ExportRequest(
            self._story, self._pack, self.out_path, soundscape=self.soundscape_box.currentData(),
            narration=self.narration.isChecked(), rate_wpm=int(self.speed_box.currentData()),
            voice_id=self._settings.voice_id or None,
            fade=max(FADE_MIN, min(FADE_MAX, self._settings.fade_seconds)), cache_dir=self._cache_dir,
            volumes=self._settings.volumes, pace=float(self.pace_box.currentData()))

    def start(self) -> None:
        """Begin the export (the "Make the file" button)."""
        if self._state is State.WORKING:
            return
        problem = self._check_choices()
        if problem:
            self._fail(ExportFailure(Trouble.CANT_WRITE, problem))
            return
        self.export_result = None
        self._cancel = threading.Event()
        self._signals = ExportSignals(self)
        self._signals.progress_changed.connect(self._on_job_progress_changed)
        self._signals.finished.connect(self._on_job_finished)
        self._signals.failed.connect(self._on_job_failed)
        self._signals.cancelled.connect(self._on_job_cancelled)
        self.progress.setValue(0)
        self.status.setText("Starting…")
        self._show_state(State.WORKING)
        self._pool.start(ExportJob(self.request(), self._signals, self._cancel, self._engine_factory))

    def cancel(self) -> None:
        """Stop a running export; it removes its half-made file."""
        if self._cancel is not None and self._state is State.WORKING:
            self._cancel.set()
            self.status.setText("Stopping…")
            self.cancel_button.setEnabled(False)

    def wait(self, msecs: int = 10_000) -> bool:
        """Until the job has ended (tests, and closing the dialog)."""
        return self._pool.waitForDone(msecs)

    # -- slots ----------------------------------------------------------------------------------

    def _on_job_progress_changed(self, what: str, fraction: float) -> None:
        if self._state is not State.WORKING or self._cancel is None or self._cancel.is_set():
            return
        percent = round(fraction * 100)
        self.progress.setValue(max(self.progress.value(), percent))
        self.status.setText(f"{what}… {self.progress.value()} %")

    def _on_job_finished(self, result: ExportResult) -> None:
        self.export_result = result
        self.progress.setValue(100)
        length = length_text(result.duration).replace(" ", "\u00a0")  # "(3 min 12 s)" never breaks
        self.status.setText(f"Saved: {result.path} ({length})")
        self._show_state(State.SAVED)
        if result.notes:  # made all the same, but not quite as the story asks
            self.warning.setText(" ".join(result.notes))
            self.warning.setVisible(True)
        self.file_saved.emit(result)

    def _on_job_failed(self, failure: ExportFailure) -> None:
        self._fail(failure)

    def _on_job_cancelled(self) -> None:
        self.status.setText("Stopped. No file was saved.")
        self._show_state(State.READY)

    def _on_cancel_button_clicked(self) -> None:
        if self._state is State.WORKING:
            self.cancel()
        else:
            self.reject()

    def _on_music_only_button_clicked(self) -> None:
        self.narration.setChecked(False)
        self.start()

    def _on_open_folder_button_clicked(self) -> None:
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.path.parent)))

    def _on_choose_button_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # only when asked for (see library menus)

        suffix = self.format_box.currentData()
        filters = ";;".join(f"{label.split(':')[0]} files (*{s})" for s, label, _ in FILE_KINDS)
        chosen = next(f for f in filters.split(";;") if f.endswith(f"(*{suffix})"))
        name, picked = QFileDialog.getSaveFileName(self, "Save the audio file as", str(self.out_path),
                                                   filters, chosen)
        if name:
            path = Path(name)
            if path.suffix.lower() not in (s for s, _, _ in FILE_KINDS):
                path = path.with_name(path.name + next(s for s, label, _ in FILE_KINDS
                                                       if picked.startswith(label.split(':')[0])))
            self.path_edit.setText(str(path))
            self._on_path_edit_text_edited(str(path))

    def _on_format_box_current_index_changed(self, _index: int) -> None:
        suffix = self.format_box.currentData()
        path = self.out_path
        if path.suffix.lower() != suffix and self.path_edit.text().strip():
            base = path.with_suffix("") if path.suffix.lower() in (s for s, _, _ in FILE_KINDS) else path
            self.path_edit.setText(str(base.with_name(base.name + suffix)))
        self._update_estimate()

    def _on_path_edit_text_edited(self, text: str) -> None:
        suffix = Path(text.strip()).suffix.lower()
        found = self.format_box.findData(suffix)
        if found >= 0 and found != self.format_box.currentIndex():
            self.format_box.blockSignals(True)
            self.format_box.setCurrentIndex(found)
            self.format_box.blockSignals(False)
        self._update_estimate()

    def _on_narration_toggled(self, on: bool) -> None:
        self.speed_box.setEnabled(on)
        self._update_estimate()

    # -- helpers --------------------------------------------------------------------------------

    def _check_choices(self) -> str | None:
        text = self.path_edit.text().strip()
        if not text:
            return "Type a file name first, or press Choose…."
        if self.out_path.suffix.lower() not in (s for s, _, _ in FILE_KINDS):
            return f"“{self.out_path.name}” needs to end in .ogg, .mp3 or .wav."
        if self.out_path.is_dir():
            return f"{self.out_path} is a folder: add a file name, such as {file_name_for(self._story.title)}."
        chosen = self.soundscape_box.currentData()
        silent_bed = chosen == NO_SOUNDSCAPE or (chosen is None and not has_soundscape(self._story))
        if not self.narration.isChecked() and silent_bed:
            return "With no voice and no soundscape the file would be silent. Choose a soundscape."
        return None

    def seconds_estimate(self) -> float:
        """How long the file will be (see touchstory.export.session.estimate_seconds)."""
        wpm = int(self.speed_box.currentData()) if self.narration.isChecked() else None
        chosen = self.soundscape_box.currentData()
        beds = chosen != NO_SOUNDSCAPE if chosen is not None else has_soundscape(self._story)
        request = self.request()
        return estimate_seconds(self._story, self._pack, rate_wpm=wpm, soundscape=beds, fade=request.fade,
                                pace=request.pace)

    def _update_estimate(self, *_args: object) -> None:
        seconds = self.seconds_estimate()
        rate = next((r for s, _, r in FILE_KINDS if s == self.out_path.suffix.lower()), FILE_KINDS[0][2])
        megabytes = max(1, round(seconds * rate / 1_000_000))
        self.estimate.setText(f"About {format_duration(seconds)} long, about {megabytes} MB.")
        self._update_warning()

    def _update_warning(self) -> None:
        if self._state is not State.READY:
            return
        if self._voice_problem is not None:
            self.warning.setText(self._voice_problem)
        elif self.out_path.is_file():
            self.warning.setText(f"There is already a file called “{self.out_path.name}” there; "
                                 "making this one replaces it.")
        else:
            self.warning.setText("")
        self.warning.setVisible(bool(self.warning.text()))

    def _fail(self, failure: ExportFailure) -> None:
        self._show_state(State.READY)
        self.status.setText(failure.message)
        self.status.setVisible(True)
        self._set_trouble(True)
        offer = failure.trouble is Trouble.NO_VOICE and self.narration.isChecked()
        self.music_only_button.setVisible(offer)
        if failure.trouble is Trouble.CANT_WRITE:
            self.path_edit.setFocus()
            self.path_edit.selectAll()

    def _show_state(self, state: State) -> None:
        self._state = state
        working = state is State.WORKING
        self.form_box.setEnabled(not working)
        self.speed_box.setEnabled(not working and self.narration.isChecked())
        self.progress.setVisible(state is not State.READY)
        self.status.setVisible(state is not State.READY or bool(self.status.text()))
        self._set_trouble(False)
        self.music_only_button.setVisible(False)
        self.open_folder_button.setVisible(state is State.SAVED)
        self.make_button.setVisible(not working)
        self._name_make_button()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText({State.WORKING: "Cancel", State.SAVED: "Close"}.get(state, "Cancel"))
        if state is State.SAVED:
            self.warning.setVisible(False)
        elif state is State.READY:
            self._update_warning()
        (self.cancel_button if working else self.make_button).setFocus()
        QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        """Grow (never shrink) to show what a state added: the saved line, a message."""
        layout = self.layout()
        assert layout is not None  # made in __init__
        width = self.width()
        wanted = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if wanted > self.height():
            self.resize(width, wanted)

    def _name_make_button(self) -> None:
        if self._state is State.SAVED:
            text = "Make another"
        elif self._voice_problem is not None:
            text = "Make a music-only file"
        else:
            text = "Make the file"
        self.make_button.setText(text)

    def _set_trouble(self, on: bool) -> None:
        if bool(self.status.property("trouble")) != on:
            self.status.setProperty("trouble", on)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)

    # -- closing ----------------------------------------------------------------------------------

    def done(self, code: int) -> None:
        # Closing while the file is being made stops it first (and so leaves no file).
        if self._state is State.WORKING and self._cancel is not None:
            self._cancel.set()
            self.wait()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._state is State.WORKING and self._cancel is not None:
            self._cancel.set()
            self.wait()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._state is State.WORKING:
            self.cancel()  # Esc stops the export; a second Esc (after it stopped) closes
            return
        super().keyPressEvent(event)
