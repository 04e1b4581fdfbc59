"""The sound under a story while it plays: one mixer, one long-lived output, the
soundscape of the story (or of its page, or the user's choice) and the sleep timer.

The player tells it what happens (`story_started`, `page_changed`,
`story_finished`, `stop_gently`); it decides what is heard. Nothing is ever
abrupt: soundscapes fade in over 3 s and crossfade between pages, the end of a
story winds down and fades over the chosen 5-40 s, Stop fades over 2 s.

Soundscapes are made (first time, ~1 s) or read from the cache on one worker
thread; the result comes back to the GUI thread through a queued signal.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from touchstory.audio.mixer import Layer, Mixer
from touchstory.audio.output import AudioOutput
from touchstory.audio.sleep import Phase as SleepPhase
from touchstory.audio.sleep import SleepMode, SleepState, SleepTimer
from touchstory.audio.sound import Sound
from touchstory.audio.soundscapes import SOUNDSCAPES, cache_path, get_soundscape, resolve_id
from touchstory.audio.userfile import load_user_soundscape
from touchstory.errors import AudioError
from touchstory.journal.settings import Settings
from touchstory.story.model import Page, Story
from touchstory.ui.courier import deliver

log = logging.getLogger(__name__)

TICK_MS = 1000
_USER_SUFFIXES = (".wav", ".ogg", ".oga", ".opus", ".mp3", ".flac")
_KEEP_SOUNDS = 3  # soundscapes kept in memory (about 21 MB each)


def soundscape_label(name: str | None) -> str:
    """"rain" -> "Soft rain"; a file -> its name; None -> "no background sound"."""
    if not name or name == "none":
        return "no background sound"
    if Path(name).suffix.lower() in _USER_SUFFIXES:
        return Path(name).name
    try:
        return SOUNDSCAPES[resolve_id(name)].name
    except AudioError:
        return name


class LiveSound(QObject):
    """Signals: `problem_changed(text)` for things the user should hear about once
    (no sound device, a sound file that can't be read); `preparing(text)` while a
    soundscape is made for the first time ("" when done); `sleep_changed(SleepState)`
    each second a sleep timer or wind-down counts down (a quiet state when none);
    `asleep()` when a sleep or end-of-story fade has finished."""

    problem_changed = Signal(str)
    preparing = Signal(str)
    sleep_changed = Signal(object)  # SleepState
    asleep = Signal()

    def __init__(self, output: AudioOutput, settings: Settings, *, cache_dir: Path,
                 clock: Callable[[], float] = time.monotonic, mixer: Mixer | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.output = output
        self.mixer = mixer or Mixer()
        self.cache_dir = cache_dir
        self.settings = settings
        self.sleep = SleepTimer(self.mixer, clock, fade_seconds=settings.fade_seconds,
                                wind_down=settings.wind_down_seconds, on_asleep=self._faded_elsewhere)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="touchstory-soundscape")
        self._sounds: dict[str, Sound] = {}
        self._story: Story | None = None
        self._page: Page | None = None
        self._wanted: str | None = None  # the soundscape asked for now
        self._token = 0
        self._started = False
        self._told: set[str] = set()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._connect_signals()
        self.apply_settings(settings)

    def _connect_signals(self) -> None:
        self._tick.timeout.connect(self._on_tick_timeout)
        problem_changed = getattr(self.output, "problem_changed", None)
        if problem_changed is not None:
            problem_changed.connect(self._tell)

    # -- what the player tells ------------------------------------------------------------
    @property
    def available(self) -> bool:
        return bool(self.output.available)

    def ensure_started(self) -> None:
        """Start the output (once; it then plays silence whenever nothing sounds)."""
        if not self._started:
            self._started = True
            self.output.start(self.mixer)
            if not self.output.available and self.output.problem:
                self._tell(self.output.problem)
            self._tick.start()

    def story_started(self, story: Story) -> None:
        """A story opens (or is read again): its soundscape fades in."""
        self.ensure_started()
        self.mixer.cancel_fade(1.0)  # a Stop or a sleep fade of the story before is undone
        self.sleep.story_started()
        self._story = story
        self._page = story.pages[0] if story.pages else None
        self._choose()

    def page_changed(self, page: Page | None, *, forward: bool = True) -> None:
        """The reader turned to `page`: its own soundscape crossfades in, and the
        page-turn chime sounds when asked for."""
        if page is self._page:
            return
        self._page = page
        if forward and self.settings.page_chime:
            self.mixer.play_cue()
        self._choose()

    def wake(self) -> None:
        """A story goes on after the sleep timer faded everything: its sound fades in again."""
        if self._story is not None and self._wanted is None and self.sleep.phase is SleepPhase.ENDED:
            self.sleep.story_started()
            self._choose()

    def story_finished(self) -> bool:
        """The last line is done: the sound plays on for the wind-down, then fades.
        True when the sleep timer says this is the last story."""
        return self.sleep.story_finished()

    def stop_gently(self) -> None:
        """Stop or Not now: everything fades over about two seconds."""
        self._wanted = None
        self.mixer.stop_gently()

    def play_cue(self) -> None:
        """The soft chime (page turns, the classroom's round timer)."""
        self.ensure_started()
        self.mixer.play_cue()

    def set_sleep(self, mode: str, minutes: float = 0.0) -> None:
        """"off", "after_story" or "after_minutes" (with `minutes`)."""
        match mode:
            case "after_story":
                self.sleep.stop_after_story()
            case "after_minutes":
                self.sleep.stop_after_minutes(minutes)
            case _:
                self.sleep.cancel()
        self._on_tick_timeout()

    def sleep_choice(self) -> tuple[str, float]:
        """The sleep timer as the sound panel shows it: (mode, minutes left)."""
        remaining = self.sleep.remaining()
        if self.sleep.mode is SleepMode.AFTER_MINUTES:
            return "after_minutes", (remaining or 0.0) / 60.0
        return self.sleep.mode.value, 0.0

    def apply_settings(self, settings: Settings) -> None:
        """Levels, mutes, fade and wind-down lengths, and the chosen soundscape."""
        old, self.settings = self.settings, settings
        v = settings.volumes
        mixer = self.mixer
        mixer.set_master_volume(v.master)
        mixer.set_muted(Layer.NARRATION, v.master_muted or v.voice_muted)
        mixer.set_volume(Layer.NARRATION, v.voice)
        for layer in (Layer.SOUNDSCAPE_1, Layer.SOUNDSCAPE_2):
            mixer.set_volume(layer, v.soundscape)
            mixer.set_muted(layer, v.master_muted or v.soundscape_muted)
        mixer.set_volume(Layer.CUES, v.cues)
        mixer.set_muted(Layer.CUES, v.master_muted or v.cues_muted)
        self.sleep.fade_seconds = settings.fade_seconds
        self.sleep.wind_down = max(0.0, settings.wind_down_seconds)
        if settings.soundscape_override != old.soundscape_override and self._story is not None:
            self._choose()

    def wanted_soundscape(self) -> str | None:
        """What should play now: the user's choice, else the one in force on this
        page (a page's `soundscape:` holds until another page changes it), else the
        story's."""
        override = self.settings.soundscape_override.strip()
        if override == "none":
            return None
        if override:
            return override
        if self._story is None:
            return None
        index = next((i for i, p in enumerate(self._story.pages) if p is self._page), 0)
        return self._story.soundscape_on_page(index)

    def shutdown(self) -> None:
        self._tick.stop()
        self._worker.shutdown(wait=False, cancel_futures=True)
        self.output.stop()

    # -- loading ---------------------------------------------------------------------------
    def _choose(self) -> None:
        name = self.wanted_soundscape()
        if name is not None and name.lower() == "none":
            name = None
        if name == self._wanted and (name is None or self.mixer.soundscape(Layer.SOUNDSCAPE_1) is not None):
            return
        self._wanted = name
        self._token += 1
        if name is None:
            self.mixer.set_soundscape(Layer.SOUNDSCAPE_1, None)
            return
        key = self._key(name)
        if key in self._sounds:
            self._play(key, self._sounds[key])
            return
        if key.startswith("builtin:") and not cache_path(name, self.cache_dir).is_file():
            self.preparing.emit(f"Making the {soundscape_label(name).lower()} sound (only the first time)…")
        token, folder = self._token, self._story.folder if self._story is not None else Path.cwd()
        self._worker.submit(_load, self._on_loaded, self.cache_dir, token, key, name, folder)

    def _key(self, name: str) -> str:
        if Path(name).suffix.lower() in _USER_SUFFIXES:
            return "file:" + name
        try:
            return "builtin:" + resolve_id(name)
        except AudioError:
            return "builtin:" + name

    def _on_loaded(self, token: int, result: object, problem: str) -> None:
        self.preparing.emit("")
        if problem:
            self._tell(problem)
            return
        assert isinstance(result, tuple)
        key, sound = result
        self._sounds[key] = sound
        while len(self._sounds) > _KEEP_SOUNDS:
            self._sounds.pop(next(iter(self._sounds)))
        if token == self._token:
            self._play(key, sound)

    def _play(self, key: str, sound: Sound) -> None:
        self._sounds[key] = self._sounds.pop(key)  # most recently used last
        self.mixer.set_soundscape(Layer.SOUNDSCAPE_1, sound)

    # -- timers and notices --------------------------------------------------------------
    def _on_tick_timeout(self) -> None:
        self.sleep.tick()
        remaining = self.sleep.remaining()
        phase = self.sleep.phase
        if phase is SleepPhase.FADING:
            state = SleepState(fading=True)
        elif remaining is None or (phase is SleepPhase.WINDING_DOWN and self.sleep.mode is SleepMode.OFF):
            state = SleepState()  # the usual end of a story needs no countdown
        else:
            state = SleepState(seconds_left=remaining)
        self.sleep_changed.emit(state)

    def _faded_elsewhere(self) -> None:
        """The sleep timer's call, which may come from the audio thread."""
        deliver(self._on_faded)

    def _on_faded(self) -> None:
        self._wanted = None
        self.asleep.emit()

    def _tell(self, text: str) -> None:
        if text and text not in self._told:
            self._told.add(text)
            self.problem_changed.emit(text)


def _load(done: Callable[[int, object, str], None], cache_dir: Path, token: int, key: str, name: str,
          folder: Path) -> None:
    """On the worker thread: touches no QObject; the answer goes back by courier
    (so a LiveSound deleted meanwhile is simply not told)."""
    try:
        if key.startswith("file:"):
            path = Path(name).expanduser()
            sound = load_user_soundscape(path if path.is_absolute() else folder / path)
        else:
            sound = get_soundscape(name, cache_dir=cache_dir)
        deliver(done, token, (key, sound), "")
    except AudioError as exc:
        deliver(done, token, None, str(exc))
    except Exception as exc:  # noqa: BLE001  (a bad sound must never stop the story)
        log.exception("soundscape %s failed", name)
        deliver(done, token, None, f"The background sound could not be played ({exc}); "
                                   "the story goes on without it.")


__all__ = ["LiveSound", "soundscape_label"]
