"""Gain movements shared by the live mixer and the offline renderer: faders that
glide between levels with a chosen curve, the ducker that lowers soundscapes
under narration, and the slider-to-gain law.

Everything works block by block (`render(frames)`), so the same objects drive a
real-time audio callback and a whole-session export with identical results.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import assert_never

import numpy as np

from touchstory.audio.sound import RATE

Gain = float | np.ndarray
"""A steady gain (float) or one gain per frame (1-D float32 array)."""

SLIDER_RANGE_DB = 45.0
"""A volume slider spans this many dB; its bottom 4% tapers on to silence."""

_TAPER = 0.04


def slider_to_db(value: float) -> float:
    """Slider position 0..1 to dB, evenly spaced in loudness (0 -> -inf)."""
    value = min(max(value, 0.0), 1.0)
    if value <= 0.0:
        return -math.inf
    gain = slider_to_gain(value)
    return 20 * math.log10(gain)


def slider_to_gain(value: float) -> float:
    """Slider position 0..1 to a linear gain: equal steps in dB, silent at 0."""
    value = min(max(value, 0.0), 1.0)
    gain = 10 ** (SLIDER_RANGE_DB * (value - 1.0) / 20)
    if value < _TAPER:  # -43 dB and below would never reach silence in dB steps
        gain *= value / _TAPER
    return gain


class Curve(Enum):
    """How a fader moves. EASE: cubic, falls steadily in loudness and lands on true
    silence; EQUAL_POWER: sine/cosine, keeps the sum even in a crossfade; LINEAR:
    for tiny de-click ramps; SLEEP: the long sleep fade, even steps in dB."""

    LINEAR = "linear"
    EASE = "ease"
    EQUAL_POWER = "equal_power"
    SLEEP = "sleep"  # the sleep fade: shaped in dB (see _sleep_level)


# The sleep fade moves in loudness, not amplitude: for the first 90 % the level
# falls from 0 to -40 dB along (u + u^2) / 2 (gentle at first, at most 1.5x the
# average rate at the end: 1.33 dB per 100 ms even for a 5 s fade), then the last
# 10 % glides (amplitude squared) from -40 dB to true silence (soft, never a cut).
# A cubic amplitude fade fell 2.4 dB per 100 ms at -40 dB over 5 s.
_SLEEP_FLOOR_DB = -40.0
_SLEEP_BODY = 0.9


def _sleep_level(x: np.ndarray) -> np.ndarray:
    """Gain (1 -> 0) of the sleep fade at progress x in [0, 1]."""
    u = np.minimum(x / _SLEEP_BODY, 1.0)
    body = 10.0 ** (_SLEEP_FLOOR_DB * (u + u * u) / 2.0 / 20.0)
    floor = 10.0 ** (_SLEEP_FLOOR_DB / 20.0)
    tail = floor * np.clip((1.0 - x) / (1.0 - _SLEEP_BODY), 0.0, 1.0) ** 2
    return np.where(x < _SLEEP_BODY, body, tail)


def _shape(curve: Curve, rising: bool, x: np.ndarray) -> np.ndarray:
    match curve:
        case Curve.LINEAR:
            return x
        case Curve.EASE:
            return x**3 if rising else 1.0 - (1.0 - x) ** 3
        case Curve.EQUAL_POWER:
            return np.sin(0.5 * np.pi * x) if rising else 1.0 - np.cos(0.5 * np.pi * x)
        case Curve.SLEEP:
            return _sleep_level(1.0 - x) if rising else 1.0 - _sleep_level(x)
        case _:
            assert_never(curve)


class Fader:
    """A gain that glides to a target over a set time, advanced block by block."""

    __slots__ = ("_curve", "_done", "_gain", "_length", "_start", "_target", "rate")

    def __init__(self, gain: float = 1.0, rate: int = RATE) -> None:
        self.rate = rate
        self._gain = self._start = self._target = float(gain)
        self._length = self._done = 0
        self._curve = Curve.LINEAR

    @property
    def gain(self) -> float:
        """The gain reached so far (end of the last rendered block)."""
        return self._gain

    @property
    def target(self) -> float:
        return self._target

    @property
    def moving(self) -> bool:
        return self._done < self._length

    def set(self, gain: float) -> None:
        """Jump at once (only for things not yet audible)."""
        self._gain = self._start = self._target = float(gain)
        self._length = self._done = 0

    def ramp(self, target: float, seconds: float, curve: Curve = Curve.EASE) -> None:
        """Glide from wherever it is now to `target` over `seconds`."""
        self._start = self._gain
        self._target = float(target)
        self._curve = curve
        self._length = max(0, int(round(seconds * self.rate)))
        self._done = 0
        if self._length == 0:
            self._gain = self._target

    def render(self, frames: int) -> Gain:
        """The gain for the next `frames` frames, and advance."""
        if not self.moving or frames <= 0:
            return self._gain
        idx = np.arange(self._done + 1, self._done + frames + 1, dtype=np.float64)
        x = np.minimum(idx / self._length, 1.0)
        s = _shape(self._curve, self._target > self._start, x)
        gains = (self._start + (self._target - self._start) * s).astype(np.float32)
        self._done = min(self._done + frames, self._length)
        self._gain = float(gains[-1])
        if not self.moving:
            self._gain = self._target
        return gains


class Ducker:
    """Lowers soundscapes while narration plays: down `depth_db` over `attack`
    seconds, back up over `release` seconds, moving evenly in dB."""

    __slots__ = ("_db", "attack", "depth_db", "rate", "release")

    def __init__(self, depth_db: float = 8.0, attack: float = 0.5, release: float = 1.0,
                 rate: int = RATE) -> None:
        self.depth_db, self.attack, self.release, self.rate = depth_db, attack, release, rate
        self._db = 0.0

    @property
    def level_db(self) -> float:
        """The current reduction (0 = none, -depth_db = fully ducked)."""
        return self._db

    def render(self, frames: int, active_frames: int) -> Gain:
        """Gains for `frames` frames with narration sounding in the first
        `active_frames` of them (0 = none, frames = all)."""
        active_frames = min(max(active_frames, 0), frames)
        if active_frames == 0 and self._db == 0.0:
            return 1.0
        if active_frames == frames and self._db == -self.depth_db:
            return float(10 ** (self._db / 20))
        levels = np.empty(frames, np.float64)
        if active_frames:
            down = self.depth_db / (self.attack * self.rate)
            steps = np.arange(1, active_frames + 1)
            levels[:active_frames] = np.maximum(self._db - down * steps, -self.depth_db)
            self._db = float(levels[active_frames - 1])
        if active_frames < frames:
            up = self.depth_db / (self.release * self.rate)
            steps = np.arange(1, frames - active_frames + 1)
            levels[active_frames:] = np.minimum(self._db + up * steps, 0.0)
            self._db = float(levels[-1])
        return (10 ** (levels / 20)).astype(np.float32)


def apply(block: np.ndarray, gain: Gain) -> np.ndarray:
    """Scale a (frames, 2) block in place by a steady or per-frame gain."""
    if isinstance(gain, np.ndarray):
        block *= gain[:, None]
    elif gain != 1.0:
        block *= np.float32(gain)
    return block


def combine(a: Gain, b: Gain) -> Gain:
    if isinstance(a, float) and isinstance(b, float):
        return a * b
    return np.asarray(a, np.float32) * np.asarray(b, np.float32)
