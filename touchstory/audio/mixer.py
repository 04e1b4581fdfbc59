"""The real-time mixer: narration, two soundscape layers and soft cues, pulled
block by block by an output (Qt sink, null output) or by the offline renderer.

Nothing here starts or stops abruptly: soundscapes fade in over 3 s and
crossfade when switched, narration ducks them by 8 dB, stopping fades over 2 s,
and volume changes glide. Every public method is thread-safe.

Callbacks (`on_finished`, `on_done`) run on the thread that calls `pull()`,
usually the audio thread, after the mixer's lock is released. The UI must
marshal them to the GUI thread (e.g. emit a Qt signal) before touching widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import Enum

import numpy as np

from touchstory.audio.envelope import (
    Curve,
    Ducker,
    Fader,
    apply,
    combine,
    slider_to_gain,
)
from touchstory.audio.sound import RATE, Sound
from touchstory.audio.soundscapes import chime_sound

log = logging.getLogger(__name__)

Callback = Callable[[], None]

FADE_IN = 3.0
"""Seconds a soundscape takes to fade in, or to crossfade to another."""
STOP_FADE = 2.0
"""Seconds of fade for Stop / Not now (`stop_gently`)."""
_DECLICK = 0.03  # a voice cut mid-word still gets 30 ms to close, never a click
_VOLUME_GLIDE = 0.08
_MUTE_FADE = 0.4
_LIMIT = 0.89  # soft-knee ceiling (-1 dBFS): several loud layers bend, never clip


class Layer(Enum):
    NARRATION = "narration"
    SOUNDSCAPE_1 = "soundscape_1"
    SOUNDSCAPE_2 = "soundscape_2"
    CUES = "cues"


SOUNDSCAPE_LAYERS = (Layer.SOUNDSCAPE_1, Layer.SOUNDSCAPE_2)


class _Player:
    """One sound being played (looped or once), with its own fader."""

    __slots__ = ("dying", "fader", "loop", "on_finished", "pos", "sound")

    def __init__(self, sound: Sound, *, loop: bool, gain: float = 1.0,
                 on_finished: Callback | None = None) -> None:
        self.sound, self.loop, self.on_finished = sound, loop, on_finished
        self.pos = 0
        self.fader = Fader(gain)
        self.dying = False

    @property
    def ended(self) -> bool:
        return not self.loop and self.pos >= self.sound.frames

    def read(self, frames: int) -> tuple[np.ndarray, int]:
        """The next `frames` frames (a new array) and how many of them are sound."""
        data, n = self.sound.samples, self.sound.frames
        if not self.loop:
            out = np.zeros((frames, 2), np.float32)
            take = max(0, min(frames, n - self.pos))
            out[:take] = data[self.pos:self.pos + take]
            self.pos += take
            return out, take
        out = np.empty((frames, 2), np.float32)
        filled = 0
        while filled < frames:  # wrap as often as needed: gapless by construction
            take = min(frames - filled, n - self.pos)
            out[filled:filled + take] = data[self.pos:self.pos + take]
            filled += take
            self.pos = (self.pos + take) % n
        return out, frames


class _Level:
    """A layer's volume slider and mute switch, heard through a gliding fader."""

    __slots__ = ("fader", "muted", "volume")

    def __init__(self, volume: float = 1.0) -> None:
        self.volume, self.muted = volume, False
        self.fader = Fader(slider_to_gain(volume))

    def update(self, seconds: float) -> None:
        target = 0.0 if self.muted else slider_to_gain(self.volume)
        self.fader.ramp(target, seconds, Curve.LINEAR if seconds <= _VOLUME_GLIDE else Curve.EASE)


class Mixer:
    """Pull-based stereo mixer at 44.1 kHz; see the module docstring for threads."""

    def __init__(self, rate: int = RATE, *, duck_db: float = 8.0, duck_attack: float = 0.5,
                 duck_release: float = 1.0, cue: Sound | None = None) -> None:
        if rate != RATE:
            raise ValueError(f"the mixer runs at {RATE} Hz, not {rate}")
        self.rate = rate
        self._lock = threading.RLock()
        self._levels = {layer: _Level() for layer in Layer}
        self._master = _Level()
        self._ducker = Ducker(duck_db, duck_attack, duck_release, rate)
        self._voice: _Player | None = None
        self._tails: list[_Player] = []  # voices cut short, closing over _DECLICK
        self._loops: dict[Layer, list[_Player]] = {layer: [] for layer in SOUNDSCAPE_LAYERS}
        self._cues: list[_Player] = []
        self._cue_sound = cue
        self._session = Fader(1.0)  # the whole-mix fade of fade_out / stop_gently
        self._fade_done: list[Callback] = []
        self._fading = False
        self._frames = 0
        self._latency = 0.0

    # -- pulling -----------------------------------------------------------

    def pull(self, frames: int) -> np.ndarray:
        """The next `frames` frames of the mix, (frames, 2) float32 in [-1, 1]."""
        frames = int(frames)
        if frames <= 0:
            return np.zeros((0, 2), np.float32)
        with self._lock:
            out, callbacks = self._mix(frames)
        for callback in callbacks:
            try:
                callback()
            except Exception:  # a UI bug must not stop the sound
                log.exception("audio callback failed")
        return out

    def _mix(self, frames: int) -> tuple[np.ndarray, list[Callback]]:
        mix = np.zeros((frames, 2), np.float32)
        callbacks: list[Callback] = []
        narration = self._levels[Layer.NARRATION]
        voice_gain = narration.fader.render(frames)
        spoken = 0
        if self._voice is not None:
            block, spoken = self._voice.read(frames)
            mix += apply(block, voice_gain)
            if self._voice.ended:
                if self._voice.on_finished is not None:
                    callbacks.append(self._voice.on_finished)
                self._voice = None
        for tail in list(self._tails):
            block, _ = tail.read(frames)
            mix += apply(block, combine(voice_gain, tail.fader.render(frames)))
            if not tail.fader.moving or tail.ended:
                self._tails.remove(tail)
        duck = self._ducker.render(frames, spoken if narration.fader.target > 0 else 0)
        for layer in SOUNDSCAPE_LAYERS:
            layer_gain = combine(self._levels[layer].fader.render(frames), duck)
            for player in list(self._loops[layer]):
                block, _ = player.read(frames)
                mix += apply(block, combine(layer_gain, player.fader.render(frames)))
                if player.dying and not player.fader.moving:
                    self._loops[layer].remove(player)
        cue_gain = self._levels[Layer.CUES].fader.render(frames)
        for cue in list(self._cues):
            block, _ = cue.read(frames)
            mix += apply(block, cue_gain)
            if cue.ended:
                self._cues.remove(cue)
        apply(mix, combine(self._master.fader.render(frames), self._session.render(frames)))
        if self._fading and not self._session.moving:
            callbacks.extend(self._finish_fade())
        self._frames += frames
        return _soft_limit(mix), callbacks

    def _finish_fade(self) -> list[Callback]:
        self._voice = None
        self._tails.clear()
        for players in self._loops.values():
            players.clear()
        self._cues.clear()
        self._session.set(1.0)
        self._ducker = Ducker(self._ducker.depth_db, self._ducker.attack, self._ducker.release, self.rate)
        self._fading = False
        done, self._fade_done = self._fade_done, []
        return done

    # -- narration ---------------------------------------------------------

    def play_voice(self, sound: Sound, on_finished: Callback | None = None) -> None:
        """Play a narration clip now, replacing any clip still playing (which closes
        softly and never calls its own on_finished). `on_finished` fires from
        pull() once the clip's last frame has been mixed."""
        _check_rate(sound)
        with self._lock:
            self._retire_voice()
            self._voice = _Player(sound, loop=False, on_finished=on_finished)

    def stop_voice(self) -> None:
        """Stop narration at once but without a click; on_finished is not called."""
        with self._lock:
            self._retire_voice()

    def _retire_voice(self) -> None:
        if self._voice is not None:
            self._voice.fader.ramp(0.0, _DECLICK, Curve.LINEAR)
            self._tails.append(self._voice)
            self._voice = None

    def voice_position(self) -> float | None:
        """Seconds into the playing narration clip as heard (output latency taken
        off), or None when no clip plays. For word highlighting."""
        with self._lock:
            if self._voice is None:
                return None
            return max(0.0, self._voice.pos / self.rate - self._latency)

    def voice_playing(self) -> bool:
        with self._lock:
            return self._voice is not None

    def set_output_latency(self, seconds: float) -> None:
        """Told by the output: how far behind pull() the listener hears."""
        with self._lock:
            self._latency = max(0.0, float(seconds))

    # -- soundscapes and cues ------------------------------------------------

    def set_soundscape(self, layer: Layer, sound: Sound | None, *, fade: float = FADE_IN) -> None:
        """Start looping `sound` on a soundscape layer with a fade-in, crossfading
        from what played there; None fades the layer out. Setting the sound that
        is already playing changes nothing (no restart)."""
        if layer not in SOUNDSCAPE_LAYERS:
            raise ValueError(f"{layer} is not a soundscape layer")
        if sound is not None:
            _check_rate(sound)
        with self._lock:
            live = [p for p in self._loops[layer] if not p.dying]
            if sound is not None and live and live[-1].sound is sound:
                return
            curve = Curve.EQUAL_POWER if (live and sound is not None) else Curve.EASE
            for player in live:
                player.dying = True
                player.fader.ramp(0.0, fade, curve)
            if sound is not None:
                player = _Player(sound, loop=True, gain=0.0)
                player.fader.ramp(1.0, fade, curve)
                self._loops[layer].append(player)

    def soundscape(self, layer: Layer) -> Sound | None:
        """The sound a soundscape layer is playing or fading in (not out)."""
        with self._lock:
            live = [p for p in self._loops[layer] if not p.dying]
            return live[-1].sound if live else None

    def play_cue(self, sound: Sound | None = None) -> None:
        """Play a cue over everything (default: the soft page-turn chime)."""
        if sound is None:
            sound = self._default_cue()
        _check_rate(sound)
        with self._lock:
            self._cues.append(_Player(sound, loop=False))

    def _default_cue(self) -> Sound:
        if self._cue_sound is None:  # made on first use: most sessions never chime
            self._cue_sound = chime_sound()
        return self._cue_sound

    # -- levels ----------------------------------------------------------------

    def set_volume(self, layer: Layer, value: float) -> None:
        """Layer volume as a 0..1 slider position (even steps in dB, 0 = silent)."""
        with self._lock:
            level = self._levels[layer]
            level.volume = min(max(float(value), 0.0), 1.0)
            level.update(_VOLUME_GLIDE)

    def volume(self, layer: Layer) -> float:
        with self._lock:
            return self._levels[layer].volume

    def set_muted(self, layer: Layer, muted: bool) -> None:
        """Mute or unmute a layer; it fades over 0.4 s rather than cutting."""
        with self._lock:
            level = self._levels[layer]
            if level.muted != muted:
                level.muted = bool(muted)
                level.update(_MUTE_FADE)

    def is_muted(self, layer: Layer) -> bool:
        with self._lock:
            return self._levels[layer].muted

    def set_master_volume(self, value: float) -> None:
        with self._lock:
            self._master.volume = min(max(float(value), 0.0), 1.0)
            self._master.update(_VOLUME_GLIDE)

    def master_volume(self) -> float:
        with self._lock:
            return self._master.volume

    # -- endings -----------------------------------------------------------------

    def fade_out(self, seconds: float, on_done: Callback | None = None, *, curve: Curve = Curve.SLEEP) -> None:
        """Fade everything to silence over `seconds`, then stop every layer and
        call `on_done` (from pull()). A second call re-times the running fade;
        every on_done given is called once. A narration clip cut by the fade does
        not call its on_finished. Sound started during the fade fades with the
        rest and is stopped at its end: call cancel_fade() first to keep it."""
        with self._lock:
            self._session.ramp(0.0, max(0.0, seconds), curve)
            self._fading = True
            if on_done is not None:
                self._fade_done.append(on_done)

    def stop_gently(self, on_done: Callback | None = None) -> None:
        """Stop / Not now: everything fades out over about two seconds."""
        self.fade_out(STOP_FADE, on_done, curve=Curve.EASE)  # two seconds: quicker than a sleep fade

    def cancel_fade(self, seconds: float = 1.0) -> None:
        """Bring the sound back from a fade that has not finished; its on_done
        callbacks are dropped."""
        with self._lock:
            if self._fading:
                self._fading = False
                self._fade_done.clear()
                self._session.ramp(1.0, seconds, Curve.EASE)

    @property
    def fading(self) -> bool:
        with self._lock:
            return self._fading

    def time(self) -> float:
        """Seconds of audio pulled so far: the mixer's own clock."""
        with self._lock:
            return self._frames / self.rate

    def idle(self) -> bool:
        """True when nothing at all is playing or fading."""
        with self._lock:
            return (self._voice is None and not self._tails and not self._cues
                    and not any(self._loops.values()))


def _check_rate(sound: Sound) -> None:
    if sound.rate != RATE:
        raise ValueError(f"sounds must be {RATE} Hz, this one is {sound.rate} Hz")


def _soft_limit(mix: np.ndarray) -> np.ndarray:
    peak = float(np.max(np.abs(mix))) if mix.size else 0.0
    if peak <= _LIMIT:
        return mix
    mag = np.abs(mix)
    over = mag > _LIMIT
    knee = 1.0 - _LIMIT
    mag[over] = _LIMIT + knee * np.tanh((mag[over] - _LIMIT) / knee)
    return (np.sign(mix) * mag).astype(np.float32)
