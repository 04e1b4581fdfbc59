"""The app's sound and voice, made once and lent to whichever window plays: the
live sound (one mixer, one output), the voice engine (cached, one worker
process) and the narrator on top of them. Nothing is made at start-up: the
engine when Settings or a story first needs it, the sound with the first story.
app.py holds one of these; the player and classroom get its parts.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from touchstory.journal.settings import Settings
from touchstory.paths import UserPaths

if TYPE_CHECKING:
    from touchstory.audio.output import AudioOutput
    from touchstory.speech.engine import SpeechEngine, Voice
    from touchstory.ui.player.window import PlayerWindow
    from touchstory.ui.sound.live_sound import LiveSound
    from touchstory.ui.sound.narration import Narration

SOUND_OFF_ENV = "TOUCHSTORY_SOUND"  # "off": play silently (a quiet classroom, the tests)


@dataclasses.dataclass(frozen=True, slots=True)
class Backends:
    """How sound and voice are made; each is called once, when first needed.
    Tests pass silent or fake ones."""

    output: Callable[[], AudioOutput] | None = None  # None: the real Qt output
    engine: Callable[[], SpeechEngine] | None = None  # None: pyttsx3 when installed


def real_output() -> AudioOutput:
    if os.environ.get(SOUND_OFF_ENV, "").lower() in ("off", "0", "no"):
        from touchstory.audio.output import NullOutput  # deferred for start-up, like all sound

        return NullOutput(realtime=True)
    from touchstory.ui.sound.audio_sink import QtAudioSink  # imports QtMultimedia: only when a story plays

    return QtAudioSink()


def real_engine() -> SpeechEngine:
    from touchstory.speech.factory import default_engine  # deferred for start-up (~70 ms to probe)

    return default_engine()


class SoundAndVoice(QObject):
    """`problem_changed(text)`: a sound problem to tell the user once (no
    speakers, a sound file that can't be read)."""

    problem_changed = Signal(str)

    def __init__(self, paths: UserPaths, settings: Settings, backends: Backends = Backends(),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths, self.settings, self.backends = paths, settings, backends
        self.sound: LiveSound | None = None  # made with the first story
        self.narration: Narration | None = None  # made with the sound when there is a voice
        self.narration_problem: str | None = None  # why there is no narration (how to install it)
        self._engine: SpeechEngine | None = None
        self._engine_lock = threading.Lock()

    def make(self) -> tuple[LiveSound, Narration | None]:
        """The live sound and the narrator (None without a voice). GUI thread."""
        if self.sound is None:
            from touchstory.ui.sound.live_sound import LiveSound  # deferred for start-up: numpy and the mixer
            from touchstory.ui.sound.narration import Narration

            self.sound = LiveSound((self.backends.output or real_output)(), self.settings,
                                   cache_dir=self.paths.cache / "soundscapes", parent=self)
            self.sound.problem_changed.connect(self.problem_changed)
            engine = self.engine()
            if engine is not None:
                self.narration = Narration(engine, self.sound.mixer, start_output=self.sound.ensure_started,
                                           parent=self)
                self.narration.set_voice(self.settings.voice_id, self.settings.rate_wpm)
        return self.sound, self.narration

    def engine(self) -> SpeechEngine | None:
        """The cached voice engine, made once; None (and `narration_problem` says
        why) when there is none. Any thread: Settings lists voices off the GUI thread."""
        with self._engine_lock:
            if self._engine is None and self.narration_problem is None:
                from touchstory.speech.cache import CachedEngine  # deferred for start-up

                engine = (self.backends.engine or real_engine)()
                if engine.available:
                    self._engine = CachedEngine(engine, self.paths.cache / "speech")
                else:
                    self.narration_problem = engine.problem or "Narration is not available on this computer."
            return self._engine

    def voices(self) -> list[Voice]:
        """Every voice, for Settings (blocking: the dialog calls it in the pool)."""
        engine = self.engine()
        return list(engine.voices()) if engine is not None else []

    def preview(self, voice_id: str, language: str, rate_wpm: int) -> None:
        """Say a sample sentence with this voice and speed (Settings' "Hear it")."""
        _, narration = self.make()
        if narration is not None:
            narration.preview(voice_id, language, rate_wpm)

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.sound is not None:
            self.sound.apply_settings(settings)
        if self.narration is not None:
            self.narration.set_voice(settings.voice_id, settings.rate_wpm)

    # -- lending the narrator to a window ------------------------------------------------------
    def lend_to_player(self, player: PlayerWindow, *, tell_if_missing: bool) -> None:
        """Speech ends, word timing and a giving-up engine reach `player`; with no
        voice it is told why (aloud only if narration was asked for)."""
        if self.narration is not None:
            self.narration.speech_finished.connect(player.speech_finished)
            self.narration.word_changed.connect(player.highlight_word)
            self.narration.unavailable.connect(player.narration_unavailable)
        elif self.narration_problem:
            player.narration_unavailable(self.narration_problem, tell=tell_if_missing)
        if self.sound is not None:
            player.attach_sound(self.sound)

    def take_back(self, window: object) -> None:
        """The window is going: its connections go, and the voice hushes."""
        if self.narration is None:
            return
        for signal, slot in ((self.narration.speech_finished, "speech_finished"),
                             (self.narration.word_changed, "highlight_word"),
                             (self.narration.unavailable, "narration_unavailable")):
            method = getattr(window, slot, None)
            if method is None:
                continue
            try:
                signal.disconnect(method)
            except (RuntimeError, TypeError):
                pass  # never connected (the classroom only hears speech_finished)
        self.narration.stop()

    def shutdown(self) -> None:
        if self.narration is not None:
            self.narration.close()
        if self.sound is not None:
            self.sound.shutdown()
