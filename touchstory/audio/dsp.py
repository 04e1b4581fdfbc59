"""Numpy building blocks for making loops: everything here is *circular*.

Noise is shaped in the frequency domain over the whole loop, filters and reverb
are circular convolutions and events are added modulo the loop length, so the
last sample of every loop leads into the first one as smoothly as any two
neighbours inside it. That is how the soundscapes loop with no seam.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from touchstory.audio.sound import RATE

Shape = Callable[[np.ndarray], np.ndarray]
"""Amplitude response as a function of frequency in Hz (vectorised)."""


def freqs(n: int, rate: int = RATE) -> np.ndarray:
    return np.fft.rfftfreq(n, 1.0 / rate)


def shaped_noise(
    n: int, rng: np.random.Generator, shape: Shape, *, channels: int = 2, width: float = 1.0
) -> np.ndarray:
    """Periodic Gaussian noise (n, channels) whose amplitude spectrum is `shape(f)`.

    `width` 0 makes the channels identical (mono image), 1 fully independent.
    Output has unit RMS per channel before the caller sets its level.
    """
    f = freqs(n)
    amp = np.asarray(shape(f), dtype=np.float32)
    amp[0] = 0.0  # no DC: it would only eat headroom
    common = _random_spectrum(rng, f.size) if width < 1.0 else None
    out = np.empty((n, channels), np.float32)
    for ch in range(channels):
        if common is None:
            spec = _random_spectrum(rng, f.size)
        else:
            spec = np.sqrt(1.0 - width, dtype=np.float32) * common
            if width > 0.0:
                spec += np.sqrt(width, dtype=np.float32) * _random_spectrum(rng, f.size)
        spec *= amp
        out[:, ch] = np.fft.irfft(spec, n=n)
    rms = float(np.sqrt(np.mean(np.square(out[::7], dtype=np.float64))))
    out /= np.float32(rms or 1.0)
    return out


def _random_spectrum(rng: np.random.Generator, bins: int) -> np.ndarray:
    spec = np.empty(bins, np.complex64)
    spec.real = rng.standard_normal(bins, dtype=np.float32)
    spec.imag = rng.standard_normal(bins, dtype=np.float32)
    return spec


def band(low: float, high: float, *, slope: float = 2.0, top_slope: float | None = None) -> Shape:
    """A soft band-pass: 1 in [low, high], rolling off as (f/edge)^slope outside
    (`top_slope` steeper above `high` when the top must stay dark)."""
    top = slope if top_slope is None else top_slope

    def shape(f: np.ndarray) -> np.ndarray:
        lo = 1.0 / (1.0 + (low / np.maximum(f, 1e-3)) ** (2 * slope))
        hi = 1.0 / (1.0 + (f / high) ** (2 * top))
        return np.sqrt(lo * hi)

    return shape


def tilt(exponent: float, *, low: float = 25.0, high: float = 6000.0, slope: float = 2.0,
         top_slope: float | None = None) -> Shape:
    """Coloured noise: amplitude ~ f^exponent (-0.5 pink, -1 brown) inside a soft band."""
    inner = band(low, high, slope=slope, top_slope=top_slope)

    def shape(f: np.ndarray) -> np.ndarray:
        return inner(f) * np.maximum(f, low) ** exponent

    return shape


def fft_filter(x: np.ndarray, shape: Shape) -> np.ndarray:
    """Zero-phase circular filtering of (n, ch) by an amplitude response."""
    n = x.shape[0]
    spec = np.fft.rfft(x, axis=0)
    spec *= np.asarray(shape(freqs(n)))[:, None]
    return np.fft.irfft(spec, n=n, axis=0).astype(np.float32)


def reverb_ir(rng: np.random.Generator, seconds: float, *, bright: float = 3000.0) -> np.ndarray:
    """A soft room: decorrelated stereo noise tail with an exponential decay to -60 dB,
    darkened so reflections never add sparkle on top."""
    m = int(seconds * RATE)
    t = np.arange(m) / RATE
    decay = np.exp(-6.9 * t / seconds)[:, None]
    tail = fft_filter(rng.standard_normal((m, 2)).astype(np.float32), band(80.0, bright))
    tail *= decay
    onset = np.minimum(1.0, t / 0.01)[:, None]  # no early spike
    tail *= onset
    return (tail / np.sqrt(np.sum(tail**2, axis=0, keepdims=True))).astype(np.float32)


def slow_envelope(
    n: int, rng: np.random.Generator, *, cycles: Iterable[int], depth_db: float
) -> np.ndarray:
    """A smooth periodic gain curve (n,) in linear units, swinging about +-depth_db/2.

    Built from a few sines with whole numbers of cycles per loop so it is periodic.
    """
    m = 4096  # control rate: the curve changes over seconds, no need for every sample
    t = np.arange(m) / m
    curve = np.zeros(m)
    for k in cycles:
        curve += np.sin(2 * np.pi * (k * t + rng.random()))
    peak = np.max(np.abs(curve)) or 1.0
    gains = 10.0 ** ((depth_db / 2) * (curve / peak) / 20.0)
    return periodic_interp(gains, n)


def periodic_interp(points: np.ndarray, n: int) -> np.ndarray:
    """Stretch a periodic control curve of m points to n samples, wrapping at the end."""
    m = len(points)
    x = np.arange(n) * (m / n)
    return np.interp(x, np.arange(m + 1), np.append(points, points[0])).astype(np.float32)


def smooth_random(n: int, rng: np.random.Generator, *, max_hz: float, control: int = 200) -> np.ndarray:
    """Slow periodic random curve (n,) in about [-1, 1]: noise with nothing above max_hz."""
    m = max(16, int(n / RATE * control))
    f = np.fft.rfftfreq(m, 1.0 / control)
    spec = _random_spectrum(rng, f.size) * (f <= max_hz)
    spec[0] = 0
    pts = np.fft.irfft(spec, n=m)
    pts /= np.max(np.abs(pts)) or 1.0
    return periodic_interp(pts, n)


def add_event(out: np.ndarray, event: np.ndarray, start: int, gains: tuple[float, float]) -> None:
    """Mix a mono `event` into stereo `out` at `start`, wrapping past the loop end."""
    n = out.shape[0]
    start %= n
    g = np.asarray(gains, np.float32)
    end = start + len(event)
    if end <= n:
        out[start:end] += event[:, None] * g
    else:
        cut = n - start
        out[start:] += event[:cut, None] * g
        out[: end - n] += event[cut:, None] * g


def pan_gains(pan: float) -> tuple[float, float]:
    """Equal-power pan, -1 left .. +1 right."""
    a = (pan + 1.0) * np.pi / 4.0
    return float(np.cos(a) * np.sqrt(2)), float(np.sin(a) * np.sqrt(2))


def whole_cycles(freq: float, n: int) -> float:
    """Nudge a frequency so it makes a whole number of cycles in n samples (seamless)."""
    loop = n / RATE
    return max(1, round(freq * loop)) / loop
