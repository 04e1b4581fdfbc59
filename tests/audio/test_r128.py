"""The R128 meter against the EBU's own test signals (Tech 3341 / 3342 cases
rebuilt from their descriptions)."""

from __future__ import annotations

import numpy as np
import pytest

from touchstory.audio.r128 import loudness_range, measure_r128, true_peak_db
from touchstory.audio.sound import RATE


def _sine(freq: float, dbfs: float, seconds: float, phase: float = 0.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    mono = 10 ** (dbfs / 20) * np.sin(2 * np.pi * freq * t + phase)
    return np.stack([mono, mono], axis=1).astype(np.float32)


def test_a_1khz_tone_at_minus_23_dbfs_reads_minus_23_lufs() -> None:
    meter = measure_r128(_sine(1000.0, -23.0, 20.0))
    assert meter.integrated == pytest.approx(-23.0, abs=0.1)
    assert meter.loudness_range == pytest.approx(0.0, abs=0.1)


def test_loudness_range_of_two_levels_ten_db_apart() -> None:
    signal = np.concatenate([_sine(1000.0, -20.0, 20.0), _sine(1000.0, -30.0, 20.0)])
    assert loudness_range(signal) == pytest.approx(10.0, abs=1.0)


def test_true_peak_finds_the_peak_between_samples() -> None:
    # a quarter-rate sine at 45 degrees: every sample is at 0.707 of the real peak
    tone = _sine(RATE / 4, 0.0, 1.0, phase=np.pi / 4) * 0.5
    sample_peak = 20 * np.log10(np.max(np.abs(tone)))
    assert sample_peak == pytest.approx(-9.0, abs=0.1)
    assert true_peak_db(tone) == pytest.approx(-6.0, abs=0.2)


def test_true_peak_across_chunk_boundaries_of_a_long_file() -> None:
    tone = _sine(997.0, -3.0, 10.0)
    assert true_peak_db(tone) == pytest.approx(-3.0, abs=0.05)
