"""Recipes for the noise-based soundscapes: rain, sea waves, wind in leaves and
soft pink-brown noise. Each returns one raw loop (frames, 2); levels are set later
by `soundscapes.py`, which normalises every loop to the same loudness.

All of them are built circularly (see dsp.py), kept dark (little above 5 kHz,
nothing sharp) and free of sudden events: changes happen over seconds.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from touchstory.audio import dsp
from touchstory.audio.sound import RATE

Step = Callable[[], None]
"""Called after each stage of a recipe so a progress bar can move."""


def rain(rng: np.random.Generator, seconds: float, step: Step) -> np.ndarray:
    """Steady soft rain: a dark hiss, a distant roof-and-gutter body, and many tiny
    soft drops, with the shower's strength drifting slowly."""
    n = int(seconds * RATE)
    hiss = dsp.shaped_noise(n, rng, dsp.tilt(-0.4, low=350.0, high=3800.0, slope=1.5, top_slope=3.0), width=0.9)
    step()
    body = dsp.shaped_noise(n, rng, dsp.tilt(-0.9, low=60.0, high=900.0), width=0.7)
    step()
    drift = dsp.slow_envelope(n, rng, cycles=(1, 2, 3), depth_db=3.0)[:, None]
    out = (hiss * 0.55 + body * 0.45) * drift
    out += _drops(n, rng, per_second=45.0) * drift
    step()
    return out


def _drops(n: int, rng: np.random.Generator, per_second: float) -> np.ndarray:
    """Drops as tiny damped 'plinks' (1-3 kHz) with soft 1.5 ms onsets: texture, not ticks."""
    out = np.zeros((n, 2), np.float32)
    kernels = []
    for freq in np.geomspace(900.0, 2600.0, 8):
        t = np.arange(int(0.025 * RATE)) / RATE
        env = np.exp(-t / rng.uniform(0.004, 0.008)) * np.minimum(1.0, t / 0.0015)
        kernels.append((np.sin(2 * np.pi * freq * t) * env).astype(np.float32))
    count = int(per_second * n / RATE)
    starts = rng.integers(0, n, count)
    # log-uniform sizes: most drops are faint, a few a little nearer
    sizes = 10 ** (rng.uniform(-1.6, -0.5, count))
    pans = rng.uniform(-0.9, 0.9, count)
    picks = rng.integers(0, len(kernels), count)
    for start, size, pan, pick in zip(starts, sizes, pans, picks):
        left, right = dsp.pan_gains(float(pan))
        dsp.add_event(out, kernels[pick], int(start), (left * size, right * size))
    return out


def sea(rng: np.random.Generator, seconds: float, step: Step) -> np.ndarray:
    """Waves on a sandy beach: each wave swells over a few seconds, breaks softly
    and draws back, about every 8-11 s, a little to the left or right."""
    n = int(seconds * RATE)
    waves = max(3, int(round(seconds / 9.5)))
    periods = rng.uniform(0.85, 1.15, waves)
    bounds = np.concatenate([[0.0], np.cumsum(periods / periods.sum())])
    m = int(seconds * 50)  # envelope at a 50 Hz control rate, stretched at the end
    env = np.zeros((m, 2))
    t = np.arange(m) / m
    for i in range(waves):
        start, length = bounds[i], bounds[i + 1] - bounds[i]
        # position inside this wave (0..1), wrapping so the last wave's tail
        # is the first wave's start: the envelope itself is periodic
        phase = ((t - start) % 1.0) / (1.6 * length)
        rise, peak_at = 0.38, rng.uniform(0.8, 1.0)
        shape = np.where(
            phase < rise,
            np.sin(np.pi / 2 * phase / rise) ** 2,
            np.exp(-((phase - rise) / 0.28) ** 2 * 1.8),
        )
        shape = np.where(phase < 1.0, shape, 0.0) * peak_at
        left, right = dsp.pan_gains(float(rng.uniform(-0.45, 0.45)))
        env[:, 0] += shape * left
        env[:, 1] += shape * right
    env = 0.18 + env / env.max()
    env = np.stack([dsp.periodic_interp(env[:, ch], n) for ch in range(2)], axis=1)
    step()
    wash = dsp.shaped_noise(n, rng, dsp.tilt(-0.9, low=45.0, high=2200.0), width=0.8)
    foam = dsp.shaped_noise(n, rng, dsp.band(700.0, 3500.0, slope=1.5, top_slope=3.0), width=0.9)
    step()
    rumble = dsp.shaped_noise(n, rng, dsp.tilt(-1.2, low=30.0, high=260.0), width=0.5)
    out = wash * env**1.5 + foam * (0.35 * env**3) + rumble * 0.25
    step()
    return out


def wind(rng: np.random.Generator, seconds: float, step: Step) -> np.ndarray:
    """Wind in leaves: slow gusts of air with a leafy rustle riding on the stronger
    ones; the air gets a little brighter as a gust builds, as real wind does."""
    n = int(seconds * RATE)
    gust = 0.5 + 0.5 * dsp.smooth_random(n, rng, max_hz=0.07)  # 0..1, slow
    lag = dsp.smooth_random(n, rng, max_hz=0.12)
    gust = np.clip(0.75 * gust + 0.25 * (0.5 + 0.5 * lag), 0.0, 1.0)
    step()
    low = dsp.shaped_noise(n, rng, dsp.tilt(-0.6, low=70.0, high=500.0, top_slope=2.5), width=0.7)
    mid = dsp.shaped_noise(n, rng, dsp.band(350.0, 1400.0, slope=1.5, top_slope=3.0), width=0.8)
    step()
    leaves = dsp.shaped_noise(n, rng, dsp.band(1500.0, 3600.0, slope=1.5, top_slope=3.5), width=1.0)
    flutter = 0.55 + 0.45 * dsp.smooth_random(n, rng, max_hz=5.0)
    step()
    g = gust[:, None]
    out = (
        low * (0.35 + 0.65 * g) ** 1.5
        + mid * (0.12 + 0.6 * g**2)
        + leaves * (0.05 + 0.3 * g**3) * flutter[:, None]
    )
    step()
    return out


def noise(rng: np.random.Generator, seconds: float, step: Step) -> np.ndarray:
    """Soft noise between pink and brown: the steady 'shhh' many babies settle to."""
    n = int(seconds * RATE)
    out = dsp.shaped_noise(n, rng, dsp.tilt(-0.8, low=30.0, high=4500.0, slope=1.5), width=0.7)
    step()
    return out
