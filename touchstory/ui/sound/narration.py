"""Narration in the app: speaks a story's steps through the live mixer.

Lines are rendered ahead by a `Prefetcher` (off the GUI thread, through the
cached speech engine) and decoded there too, so `speak()` at a tap only hands a
ready Sound to the mixer. A line that is not ready yet is played as soon as it
is (or dropped if the reader has moved on). When a clip ends the mixer's audio
thread hands it to the courier (ui/courier.py), and `speech_finished(index)`
reaches the player on the GUI thread; word highlighting follows the mixer's
heard position.

Faults: a line that cannot be rendered is skipped (the story goes on); when the
engine gives up (its worker crashed too often) or is missing, `unavailable(text)`
says so plainly once and narration turns itself off.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from touchstory.audio.mixer import Mixer
from touchstory.audio.sound import Sound
from touchstory.audio.voice_level import read_voice
from touchstory.errors import AudioError, SpeechError
from touchstory.speech.engine import RenderedLine, SpeechEngine, Voice, VoiceSettings, WordTiming
from touchstory.speech.prefetch import Prefetcher
from touchstory.speech.tokens import word_at
from touchstory.speech.voices import MAX_WPM, MIN_WPM, Speed, preview_text
from touchstory.ui.courier import deliver

log = logging.getLogger(__name__)

WORD_MS = 40  # how often the highlighted word is checked (25 times a second)
LOOKAHEAD = 4


class Narration(QObject):
    """Signals (all on the GUI thread): `speech_finished(index)` when the audio of
    step `index` has been heard to its end; `word_changed(index | None)` for the
    word to highlight; `unavailable(text)` when narration cannot go on."""

    speech_finished = Signal(int)
    word_changed = Signal(object)
    unavailable = Signal(str)

    def __init__(self, engine: SpeechEngine, mixer: Mixer, *, start_output: Callable[[], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.mixer = mixer
        self._start_output = start_output
        self._voice_id = ""
        self._rate = Speed.BEDTIME.wpm
        self._language = "en-GB"
        self._texts: tuple[str, ...] = ()
        self._sounds: dict[int, tuple[Sound, tuple[WordTiming, ...]]] = {}
        self._lock = threading.Lock()
        self._generation = 0
        self._pending: int | None = None  # asked to speak, not rendered yet
        self._report: dict[int, int] = {}  # line index -> the caller's own token
        self._playing: int | None = None
        self._words: tuple[WordTiming, ...] = ()
        self._word: int | None = None
        self._told = False
        self._prefetcher: Prefetcher | None = None
        self._previewer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="touchstory-preview")
        self._word_timer = QTimer(self)
        self._word_timer.setInterval(WORD_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._word_timer.timeout.connect(self._on_word_timer_timeout)

    # -- state --------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return bool(self.engine.available)

    @property
    def problem(self) -> str | None:
        return self.engine.problem

    def voice_settings(self) -> VoiceSettings:
        rate = max(MIN_WPM, min(MAX_WPM, int(self._rate)))
        return VoiceSettings(self._voice_id or None, self._language, rate, 1.0)

    def set_voice(self, voice_id: str, rate_wpm: int) -> None:
        """The user's voice ("" = the best for the story's language) and speed."""
        if (voice_id, rate_wpm) == (self._voice_id, self._rate):
            return
        self._voice_id, self._rate = voice_id, rate_wpm
        self._forget()
        if self._prefetcher is not None:
            self._prefetcher.set_settings(self.voice_settings())

    def voices(self) -> list[Voice]:
        """Every voice the engine has. Blocking (may start the voice worker): call
        it off the GUI thread."""
        try:
            return list(self.engine.voices())
        except SpeechError:
            return []

    # -- the player's calls -----------------------------------------------------------------
    def prepare(self, texts: Sequence[str], language: str) -> None:
        """A story is about to be narrated: these are its steps' texts (by step
        index). The engine warms up and the first lines render straight away."""
        if not self.available:
            self._give_up()
            return
        self._language = language or "en-GB"
        self._texts = tuple(texts)
        self._report.clear()
        self._forget()
        prefetcher = self._ensure_prefetcher()
        prefetcher.set_settings(self.voice_settings())
        prefetcher.set_lines(self._texts)
        if self._texts:
            prefetcher.focus(0)

    def speak(self, index: int, text: str) -> None:
        """Say step `index` now (replacing whatever is being said)."""
        if self._start_output is not None:
            self._start_output()
        self._stop_clip()
        if not self.available:
            self._give_up()
            return
        if self._prefetcher is not None and 0 <= index < len(self._texts) and self._texts[index] == text:
            self._report.pop(index, None)
        else:
            # Not prepared (the classroom speaks by its own tokens): adopt the text,
            # and report its end under the caller's token.
            token, index = index, self._adopt(text)
            self._report[index] = token
        assert self._prefetcher is not None
        self._prefetcher.focus(index)
        with self._lock:
            ready = self._sounds.get(index)
        if ready is None:
            self._pending = index
            failed = self._prefetcher.error(index)
            if failed is not None:  # it failed before it was asked for: skip it now
                self._on_failed(index, str(failed))
            return
        self._play(index, *ready)

    def _adopt(self, text: str) -> int:
        """The index of `text` among the lines to render, appending it if new."""
        if text in self._texts:
            return self._texts.index(text)
        self._texts = (*self._texts, text)
        self._ensure_prefetcher().set_lines(self._texts)  # earlier lines keep their renderings
        return len(self._texts) - 1

    def stop(self) -> None:
        """Hush at once (with the mixer's 30 ms close, never a click); no
        `speech_finished` follows."""
        self._stop_clip()

    def close(self) -> None:
        self._stop_clip()
        self._previewer.shutdown(wait=False, cancel_futures=True)
        if self._prefetcher is not None:
            self._prefetcher.close(timeout=1.0)
            self._prefetcher = None
        self.engine.close()

    def preview(self, voice_id: str, language: str, rate_wpm: int) -> None:
        """Say a short calm sentence with this voice and speed (for Settings)."""
        if not self.available:
            self._give_up()
            return
        if self._start_output is not None:
            self._start_output()
        settings = VoiceSettings(voice_id or None, language or "en-GB",
                                 max(MIN_WPM, min(MAX_WPM, int(rate_wpm))), 1.0)
        self._previewer.submit(self._render_preview, preview_text(language or "en"), settings)

    # -- render-ahead (prefetch thread) --------------------------------------------------------
    def _ensure_prefetcher(self) -> Prefetcher:
        if self._prefetcher is None:
            self._prefetcher = Prefetcher(self.engine, self.voice_settings(), LOOKAHEAD,
                                          on_ready=self._on_prefetched, on_error=self._on_prefetch_error)
        return self._prefetcher

    def _on_prefetched(self, index: int, line: RenderedLine) -> None:
        """Prefetch thread: decode here, so the GUI thread only hands it over."""
        generation = self._generation
        try:
            sound = read_voice(line.path)  # at the bedtime voice level (audio/voice_level.py)
        except AudioError as exc:
            deliver(self._on_failed, index, str(exc))
            return
        with self._lock:
            if generation != self._generation or not (0 <= index < len(self._texts)) \
                    or self._texts[index] != line.text:
                return  # a new story or voice meanwhile
            self._sounds[index] = (sound, line.words)
        deliver(self._on_ready, index)

    def _on_prefetch_error(self, index: int, error: SpeechError) -> None:
        deliver(self._on_failed, index, str(error))

    def _render_preview(self, text: str, settings: VoiceSettings) -> None:
        try:
            line = self.engine.render(text, settings)
            deliver(self._on_preview_ready, read_voice(line.path), "")
        except (SpeechError, AudioError) as exc:
            deliver(self._on_preview_ready, None, str(exc))

    # -- GUI thread ---------------------------------------------------------------------------
    def _on_ready(self, index: int) -> None:
        if index == self._pending:
            with self._lock:
                ready = self._sounds.get(index)
            if ready is not None:
                self._pending = None
                self._play(index, *ready)

    def _on_failed(self, index: int, text: str) -> None:
        log.warning("narration of step %d failed: %s", index, text)
        if not self.engine.available:
            self._give_up()
        if index == self._pending:
            self._pending = None
            self.speech_finished.emit(self._report.get(index, index))  # skip the words; the stroke time follows

    def _on_preview_ready(self, sound: object, problem: str) -> None:
        if isinstance(sound, Sound):
            self._stop_clip()
            self.mixer.play_voice(sound)
        elif problem:
            log.warning("voice preview failed: %s", problem)
            if not self.engine.available:
                self._give_up()

    def _play(self, index: int, sound: Sound, words: tuple[WordTiming, ...]) -> None:
        self._pending = None
        self._playing = index
        self._words, self._word = words, None
        self.mixer.play_voice(sound, on_finished=lambda: deliver(self._on_clip_done, index))
        if words:
            self._word_timer.start()

    def _on_clip_done(self, index: int) -> None:
        if index != self._playing:
            return
        self._playing = None
        self._end_words()
        self.speech_finished.emit(self._report.get(index, index))

    def _on_word_timer_timeout(self) -> None:
        position = self.mixer.voice_position()
        word = word_at(self._words, position) if position is not None else None
        if word != self._word:
            self._word = word
            self.word_changed.emit(word)

    def _stop_clip(self) -> None:
        self._pending = None
        if self._playing is not None:
            self._playing = None
            self.mixer.stop_voice()
        self._end_words()

    def _end_words(self) -> None:
        self._word_timer.stop()
        self._words = ()
        if self._word is not None:
            self._word = None
            self.word_changed.emit(None)

    def _forget(self) -> None:
        with self._lock:
            self._generation += 1
            self._sounds.clear()

    def _give_up(self) -> None:
        if not self._told:
            self._told = True
            self.unavailable.emit(self.engine.problem or "Narration is not available on this computer.")


__all__ = ["Narration"]
