"""Helpers for the audio tests: synthetic narration WAVs shaped like pyttsx3's
output (mono, 16-bit, 22.05 kHz), test tones and a level meter."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from touchstory.audio.sound import RATE, Sound


def write_voice(path: Path, seconds: float, *, rate: int = 22050, level: float = 0.3, seed: int = 0) -> Path:
    """A speech-like test clip: a 180 Hz buzz with syllable-rate wobble, soft edges."""
    rng = np.random.default_rng(seed)
    n = int(round(seconds * rate))
    t = np.arange(n) / rate
    x = np.sin(2 * np.pi * 180 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))
    x += 0.1 * rng.standard_normal(n)
    edge = np.minimum(1.0, np.minimum(t, t[-1] - t) / 0.01) if n else t
    x *= level * edge
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(np.round(x * 32767).astype("<i2").tobytes())
    return path


def voice_sound(seconds: float, level: float = 0.3) -> Sound:
    """The same clip directly as a 44.1 kHz Sound."""
    n = int(round(seconds * RATE))
    t = np.arange(n) / RATE
    x = level * np.sin(2 * np.pi * 180 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))
    x *= np.minimum(1.0, np.minimum(t, t[-1] - t) / 0.01)
    return Sound(np.stack([x, x], axis=1).astype(np.float32))


def tone(seconds: float, freq: float = 441.0, level: float = 0.25) -> Sound:
    t = np.arange(int(round(seconds * RATE))) / RATE
    x = level * np.sin(2 * np.pi * freq * t)
    return Sound(np.stack([x, x], axis=1).astype(np.float32))


def level_db(block: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    return 20 * np.log10(max(rms, 1e-12))
