"""Narration reaches the mixer at the bedtime level (issue 19 item 1): about
-23 LUFS, true peak at most -3 dBTP, whatever level espeak rendered it at."""

from __future__ import annotations

import numpy as np
import pytest

from touchstory.audio.measure import integrated_loudness
from touchstory.audio.r128 import true_peak_db
from touchstory.audio.sound import RATE, Sound
from touchstory.audio.voice_level import level_voice


def _speechlike(level: float, seconds: float = 3.0) -> Sound:
    rng = np.random.default_rng(3)
    t = np.arange(int(seconds * RATE)) / RATE
    syllables = (np.sin(2 * np.pi * 4 * t) > 0).astype(np.float64)  # four bursts a second
    voice = level * syllables * (np.sin(2 * np.pi * 180 * t) + 0.3 * rng.normal(size=t.size))
    return Sound(np.stack([voice, voice], axis=1).astype(np.float32))


@pytest.mark.parametrize("level", [0.9, 0.3, 0.05])
def test_a_line_at_any_level_comes_out_at_minus_23_lufs(level: float) -> None:
    out = level_voice(_speechlike(level))
    assert integrated_loudness(out.samples) == pytest.approx(-23.0, abs=0.2)
    assert true_peak_db(out.samples) <= -3.0


def test_a_spiky_line_is_held_by_its_true_peak_not_pushed_into_the_limiter() -> None:
    clicks = np.zeros((RATE, 2), np.float32)
    clicks[::4410] = 0.01  # ten tiny clicks: very quiet, very peaky
    out = level_voice(Sound(clicks))
    assert true_peak_db(out.samples) <= -3.0 + 0.01


def test_silence_is_left_alone() -> None:
    quiet = Sound(np.zeros((RATE, 2), np.float32))
    assert level_voice(quiet) is quiet
