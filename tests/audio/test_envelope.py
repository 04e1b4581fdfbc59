"""Faders, the ducker and the volume-slider law, measured in dB and seconds."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from touchstory.audio.envelope import Curve, Ducker, Fader, slider_to_db, slider_to_gain
from touchstory.audio.sound import RATE


def test_slider_is_even_in_db_and_silent_at_zero() -> None:
    assert slider_to_gain(0.0) == 0.0
    assert slider_to_gain(1.0) == pytest.approx(1.0)
    steps = [slider_to_db(v) for v in (0.2, 0.4, 0.6, 0.8, 1.0)]
    diffs = np.diff(steps)
    assert np.allclose(diffs, diffs[0]), "equal slider steps are equal dB steps"
    assert slider_to_db(0.5) == pytest.approx(-22.5)
    assert slider_to_db(0.0) == -math.inf
    values = np.linspace(0, 1, 101)
    gains = [slider_to_gain(v) for v in values]
    assert all(b > a for a, b in itertools.pairwise(gains)), "monotonic all the way"


def _run(fader: Fader, seconds: float, block: int = 512) -> np.ndarray:
    out = []
    for _ in range(int(seconds * RATE) // block):
        g = fader.render(block)
        out.append(np.broadcast_to(np.asarray(g, np.float32), (block,)))
    return np.concatenate(out)


def test_ease_fade_out_falls_steadily_to_true_silence() -> None:
    fader = Fader(1.0)
    fader.ramp(0.0, 2.0, Curve.EASE)
    gains = _run(fader, 2.5)
    fade = gains[: 2 * RATE]
    assert np.all(np.diff(fade) <= 0)
    assert gains[-1] == 0.0 and not fader.moving
    db = 20 * np.log10(np.maximum(fade[:: RATE // 10], 1e-9))
    # steady: no 0.1 s step drops more than 6 dB until the last 20 % of the fade
    assert np.max(-np.diff(db[:16])) < 6.0


def test_equal_power_crossfade_keeps_power_even() -> None:
    up, down = Fader(0.0), Fader(1.0)
    up.ramp(1.0, 1.0, Curve.EQUAL_POWER)
    down.ramp(0.0, 1.0, Curve.EQUAL_POWER)
    a, b = _run(up, 1.0), _run(down, 1.0)
    power = a**2 + b**2
    assert np.allclose(power, 1.0, atol=0.01)


def test_ramp_starts_where_the_fader_is() -> None:
    fader = Fader(1.0)
    fader.ramp(0.0, 1.0)
    _run(fader, 0.5)
    mid = fader.gain
    fader.ramp(1.0, 1.0)
    first = np.asarray(fader.render(64))
    assert abs(float(first[0]) - mid) < 0.01, "no jump when a fade is reversed"


def test_ducker_goes_down_8db_in_half_a_second_and_back_in_one() -> None:
    ducker = Ducker()
    gains = np.concatenate([np.asarray(ducker.render(441, 441)) * np.ones(441) for _ in range(100)])
    db = 20 * np.log10(gains)
    reached = np.argmax(db <= -7.99) / RATE
    assert reached == pytest.approx(0.5, abs=0.02)
    assert db[-1] == pytest.approx(-8.0)
    back = np.concatenate([np.asarray(ducker.render(441, 0)) * np.ones(441) for _ in range(200)])
    db = 20 * np.log10(back)
    assert np.argmax(db >= -0.001) / RATE == pytest.approx(1.0, abs=0.02)


def test_ducker_follows_narration_ending_inside_a_block() -> None:
    ducker = Ducker()
    for _ in range(60):
        ducker.render(1024, 1024)
    g = np.asarray(ducker.render(1024, 300))
    assert np.allclose(g[:300], 10 ** (-8 / 20))
    assert np.all(np.diff(g[300:]) > 0), "rises from the frame the voice stopped"
