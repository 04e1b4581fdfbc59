"""Measuring sound the way a listener would notice it: loudness (ITU-R BS.1770 /
EBU R128, in LUFS), level and peak in dBFS, brightness, seams and gaps.

Used to normalise every soundscape to one target, and by tests and benchmarks.
The K-weighting is applied in the frequency domain (loops are circular anyway),
with the standard's biquads re-derived for 44.1 kHz as libebur128 does.
"""

from __future__ import annotations

import functools
import math

import numpy as np

from touchstory.audio.sound import RATE, nice_length

_SILENCE_DB = -150.0


def db(value: float) -> float:
    return 20.0 * math.log10(value) if value > 0 else _SILENCE_DB


def _biquad_response(b: tuple[float, ...], a: tuple[float, ...], w: np.ndarray) -> np.ndarray:
    z = np.exp(-1j * w)
    return (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)


def k_weighting(f: np.ndarray, rate: int = RATE) -> np.ndarray:
    """Complex response of the BS.1770 pre-filter (high shelf + high pass) at f Hz.

    Re-derived for any rate by the bilinear transform as libebur128 does (at 48 kHz
    it gives the standard's own coefficients, +0.70 dB at 1 kHz, which the -0.691
    in the loudness formula takes off). An earlier cookbook-style shelf read
    0.26 dB low at 1 kHz."""
    w = 2 * np.pi * f / rate
    # Stage 1: +4 dB high shelf around 1.7 kHz (head effects).
    gain, f0, q = 3.999843853973347, 1681.974450955533, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain / 20)
    vb = vh ** 0.4996667741545416
    a0 = 1.0 + k / q + k * k
    b1 = ((vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0)
    a1 = (1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0)
    # Stage 2: the RLB high pass at 38 Hz.
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1.0 + k / q + k * k
    b2 = (1.0, -2.0, 1.0)
    a2 = (1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0)
    return _biquad_response(b1, a1, w) * _biquad_response(b2, a2, w)


@functools.lru_cache(maxsize=8)
def _k_response(size: int) -> np.ndarray:
    response = k_weighting(np.fft.rfftfreq(size, 1.0 / RATE)).astype(np.complex64)[:, None]
    response.flags.writeable = False
    return response


def _k_weighted(samples: np.ndarray) -> np.ndarray:
    n = samples.shape[0]
    size = nice_length(n)  # zero padding to a fast FFT size; loops are measured whole
    spec = np.fft.rfft(np.asarray(samples, np.float32), n=size, axis=0)
    spec *= _k_response(size)
    return np.fft.irfft(spec, n=size, axis=0)[:n]


def block_loudness(samples: np.ndarray, window: float = 0.4, step: float = 0.1) -> np.ndarray:
    """Loudness (LUFS) of overlapping windows: 0.4 s = momentary, 3 s = short-term."""
    power = np.sum(np.square(_k_weighted(samples), dtype=np.float64), axis=1)
    win, hop = int(window * RATE), int(step * RATE)
    if power.size < win:
        return np.array([-0.691 + 10 * math.log10(max(float(np.mean(power)), 1e-30))])
    csum = np.concatenate([[0.0], np.cumsum(power)])
    starts = np.arange(0, power.size - win + 1, hop)
    means = (csum[starts + win] - csum[starts]) / win
    return -0.691 + 10 * np.log10(np.maximum(means, 1e-30))


def integrated_loudness(samples: np.ndarray) -> float:
    """Gated integrated loudness in LUFS (BS.1770-4: -70 LUFS and -10 LU gates)."""
    blocks = block_loudness(samples)
    power = 10 ** ((blocks + 0.691) / 10)
    kept = blocks > -70.0
    if not np.any(kept):
        return _SILENCE_DB
    relative = -0.691 + 10 * math.log10(float(np.mean(power[kept]))) - 10.0
    kept &= blocks > relative
    return -0.691 + 10 * math.log10(float(np.mean(power[kept])))


def rms_db(samples: np.ndarray) -> float:
    return db(float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))))


def peak_db(samples: np.ndarray) -> float:
    return db(float(np.max(np.abs(samples)))) if samples.size else _SILENCE_DB


class Spectrum:
    """Power spectrum of the mid (L+R) signal, for brightness checks."""

    def __init__(self, samples: np.ndarray) -> None:
        mid = samples.mean(axis=1) if samples.ndim == 2 else samples
        mid = np.asarray(mid, np.float32)
        self.power = np.abs(np.fft.rfft(mid, n=nice_length(mid.size))) ** 2
        self.freqs = np.fft.rfftfreq(nice_length(mid.size), 1.0 / RATE)
        self.total = max(float(np.sum(self.power, dtype=np.float64)), 1e-30)

    @property
    def centroid(self) -> float:
        """Power-weighted mean frequency in Hz."""
        return float(np.sum(self.freqs * self.power, dtype=np.float64)) / self.total

    def share_above_db(self, above: float) -> float:
        """Power above `above` Hz relative to all power, in dB (harshness check)."""
        high = float(np.sum(self.power[self.freqs > above], dtype=np.float64))
        return 10 * math.log10(max(high, 1e-30) / self.total)


def spectral_centroid(samples: np.ndarray) -> float:
    return Spectrum(samples).centroid


def band_share_db(samples: np.ndarray, above: float) -> float:
    return Spectrum(samples).share_above_db(above)


def seam_step(samples: np.ndarray) -> tuple[float, float]:
    """(step across the loop point, largest step between neighbours inside the loop)."""
    inside = float(np.max(np.abs(np.diff(samples, axis=0))))
    seam = float(np.max(np.abs(samples[0] - samples[-1])))
    return seam, inside


def window_rms_db(samples: np.ndarray, window: float) -> np.ndarray:
    """RMS level (dBFS) of consecutive non-overlapping windows."""
    win = max(1, int(window * RATE))
    count = samples.shape[0] // win
    trimmed = samples[: count * win].reshape(count, win, -1)
    rms = np.sqrt(np.mean(np.square(trimmed, dtype=np.float64), axis=(1, 2)))
    return 20 * np.log10(np.maximum(rms, 1e-12))
