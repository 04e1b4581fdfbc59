"""The work behind "Make an audio file": one export run in a thread pool, with its
progress, result and any failure sent back to the GUI thread as signals.

The job never touches a widget. Its `ExportSignals` object is made (and lives)
on the GUI thread, so each signal emitted from the worker is queued to the
dialog's slots. Failures are turned into plain sentences here, with the kind
of trouble (no voice, can't write) so the dialog can offer the right way out.
"""

from __future__ import annotations

import errno
import logging
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from touchstory.audio.export import ExportCancelled, ExportResult
from touchstory.audio.sound import Sound
from touchstory.errors import AudioError, SpeechError
from touchstory.export.session import export_story, load_page_soundscapes, load_soundscape
from touchstory.journal.settings import Volumes
from touchstory.speech.cache import CachedEngine
from touchstory.speech.engine import SpeechEngine
from touchstory.speech.factory import default_engine
from touchstory.speech.voices import settings_for
from touchstory.story.model import Story
from touchstory.story.packs import StrokePack

EngineFactory = Callable[[], SpeechEngine]
log = logging.getLogger(__name__)

# Share of the bar each stage gets (they are scaled to the whole when a stage is skipped).
_SOUNDSCAPE, _VOICE, _MIX = 0.1, 0.3, 0.6


class Trouble(Enum):
    NO_VOICE = "no-voice"  # no engine, or it failed: a music-only file is offered
    CANT_WRITE = "cant-write"  # permission, disk full, not a folder: another place is needed
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """Everything one export needs. `soundscape`: None for the story's own (and its
    pages' own), "none" for no soundscape, else a built-in's id, throughout.
    `volumes`: the levels from Settings; `pace`: scales each stroke's time."""

    story: Story
    pack: StrokePack | None
    out: Path
    soundscape: str | None = None
    narration: bool = True
    rate_wpm: int = 125
    voice_id: str | None = None
    fade: float = 20.0
    cache_dir: Path | None = None
    volumes: Volumes = field(default_factory=Volumes)
    pace: float = 1.0


@dataclass(frozen=True, slots=True)
class ExportFailure:
    trouble: Trouble
    message: str


class ExportSignals(QObject):
    """Made on the GUI thread; the job emits, the dialog listens (queued)."""

    progress_changed = Signal(str, float)  # what is happening, fraction of the whole 0..1
    finished = Signal(object)  # ExportResult
    failed = Signal(object)  # ExportFailure
    cancelled = Signal()


class ExportJob(QRunnable):
    def __init__(self, request: ExportRequest, signals: ExportSignals, cancel: threading.Event,
                 engine_factory: EngineFactory = default_engine) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._request, self._signals, self._cancel = request, signals, cancel
        self._engine_factory = engine_factory

    def run(self) -> None:
        try:
            result = run_export(self._request, self._engine_factory, self._report, self._cancel)
        except ExportCancelled:
            self._emit(self._signals.cancelled)
        except Exception as exc:  # every failure becomes a message, never a crash of the app
            if self._cancel.is_set():
                self._emit(self._signals.cancelled)
            else:
                self._emit(self._signals.failed, describe_failure(exc, self._request.out))
        else:  # a cancel in the very last moment comes too late: the file is whole, so it is kept
            self._emit(self._signals.finished, result)

    def _report(self, what: str, fraction: float) -> None:
        self._emit(self._signals.progress_changed, what, fraction)

    @staticmethod
    def _emit(signal: object, *args: object) -> None:
        try:
            signal.emit(*args)  # type: ignore[attr-defined]
        except RuntimeError:
            pass  # the dialog is gone: nobody is waiting for the answer


def run_export(request: ExportRequest, engine_factory: EngineFactory,
               progress: Callable[[str, float], None], cancel: threading.Event) -> ExportResult:
    """Blocking: check the folder, make the soundscape, render the voice, mix and
    encode. `progress(what, fraction)` gets the fraction of the whole job."""
    check_folder(request.out)
    cache = request.cache_dir or Path(tempfile.gettempdir()) / "touchstory-cache"
    soundscape: Sound | None = load_soundscape(
        request.soundscape, request.story, cache,
        progress=lambda f: progress("Making the soundscape", _SOUNDSCAPE * f))
    beds: dict[str, Sound] | None = None
    notes: list[str] = []
    if request.soundscape is None:
        beds = load_page_soundscapes(request.story, cache, soundscape, warn=notes.append,
                                     progress=lambda f: progress("Making the soundscape", _SOUNDSCAPE * f))
        for note in notes:
            log.warning("%s", note)
    if cancel.is_set():
        raise ExportCancelled("The export was cancelled.")
    engine: SpeechEngine | None = None
    if request.narration:
        candidate = engine_factory()
        if not candidate.available:
            raise SpeechError(candidate.problem or "No voice engine was found on this computer.")
        engine = CachedEngine(candidate, cache / "speech")
    voice_share = _VOICE if engine is not None else 0.0
    start_mix = _SOUNDSCAPE + voice_share
    scale = 1.0 / (start_mix + _MIX)

    def staged(what: str, fraction: float) -> None:
        if what.startswith("Preparing"):
            progress("Preparing the voice", (_SOUNDSCAPE + voice_share * fraction) * scale)
        else:
            progress("Mixing the sound", min(1.0, (start_mix + _MIX * fraction) * scale))

    voice = settings_for(request.story.meta.language, request.rate_wpm, voice_id=request.voice_id)
    try:
        made = export_story(request.story, request.pack, request.out, engine=engine, voice=voice,
                            soundscape=soundscape, page_beds=beds, volumes=request.volumes, pace=request.pace,
                            fade=request.fade, progress=staged, cancel=cancel)
        return replace(made, notes=tuple(notes))
    finally:
        if engine is not None:
            engine.close()


def check_folder(out: Path) -> None:
    """Fail at once (not after the voice is made) when the folder can't take the file."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out.parent):
            pass
    except OSError as exc:
        raise AudioError(f"Could not write to {out.parent}: {exc.strerror or exc}") from exc


_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def describe_failure(exc: BaseException, out: Path) -> ExportFailure:
    """A plain sentence for what went wrong, naming the file or folder."""
    text = str(exc)
    if isinstance(exc, SpeechError):
        return ExportFailure(Trouble.NO_VOICE, f"{text} You can still make the file without the voice: "
                                               "the music and the story's timing, for you to read along.")
    cause = exc if isinstance(exc, OSError) else exc.__cause__
    code = cause.errno if isinstance(cause, OSError) else None
    if code in _FULL or "No space left" in text:
        return ExportFailure(Trouble.CANT_WRITE, f"The disk is full: there is no room for {out}. Free some space, "
                                                 "or choose another place (a USB stick, another folder).")
    if code in _NOT_ALLOWED or "Permission denied" in text or "Read-only" in text:
        return ExportFailure(Trouble.CANT_WRITE, f"touchstory is not allowed to save in {out.parent}. "
                                                 "Choose another folder, such as your Music or home folder.")
    if code in (errno.ENOTDIR, errno.ENOENT, errno.EEXIST):
        return ExportFailure(Trouble.CANT_WRITE, f"{_first_missing_folder(out.parent)} is not a folder "
                                                 "touchstory can save in. Choose another folder.")
    if isinstance(exc, (AudioError, OSError)):
        return ExportFailure(Trouble.OTHER, text)
    first = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return ExportFailure(Trouble.OTHER, f"Something went wrong while making the file ({first}). "
                                        "Nothing was saved.")


def _first_missing_folder(folder: Path) -> Path:
    """The outermost part of `folder` that is a file or missing (what the user must fix)."""
    for part in [*reversed(folder.parents), folder]:
        if not part.is_dir():
            return part
    return folder

