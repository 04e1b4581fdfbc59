"""An EBU R128 meter in numpy: integrated loudness (BS.1770-4, from measure.py),
loudness range (EBU Tech 3342) and true peak (4x oversampled, BS.1770 annex 2).

Used to check a rendered bedtime file against the house targets (voice about
-23 LUFS, true peak at most -3 dBTP, range at most 12 LU) in tests and
benchmarks. No pyloudnorm: the K-weighting and gating already live in
measure.py, and true peak is an FFT upsampling done in overlapping chunks so a
ten-minute file needs little memory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from touchstory.audio.measure import _SILENCE_DB, block_loudness, integrated_loudness

OVERSAMPLE = 4
_CHUNK = 1 << 16
_MARGIN = 4096  # FFT edge ringing falls off as 1/distance: negligible past this


@dataclass(frozen=True, slots=True)
class R128:
    """What an R128 meter shows for a whole file."""

    integrated: float  # LUFS
    loudness_range: float  # LU
    true_peak: float  # dBTP
    max_short_term: float  # LUFS, loudest 3 s


def true_peak_db(samples: np.ndarray) -> float:
    """The largest |sample| after 4x band-limited upsampling, in dBTP: catches
    the peaks between samples that a DAC (or an encoder) will make."""
    x = np.asarray(samples, np.float64)
    if x.ndim == 1:
        x = x[:, None]
    n = x.shape[0]
    if n == 0:
        return _SILENCE_DB
    peak = float(np.max(np.abs(x)))
    for start in range(0, n, _CHUNK):
        lo, hi = max(0, start - _MARGIN), min(n, start + _CHUNK + _MARGIN)
        # zeros after the part, so its end does not wrap round onto its start
        part = np.concatenate([x[lo:hi], np.zeros((_MARGIN, x.shape[1]))])
        m = part.shape[0]
        spec = np.fft.rfft(part, axis=0)
        up = np.fft.irfft(spec, n=m * OVERSAMPLE, axis=0) * OVERSAMPLE
        keep = up[(start - lo) * OVERSAMPLE:(min(n, start + _CHUNK) - lo) * OVERSAMPLE]
        if keep.size:
            peak = max(peak, float(np.max(np.abs(keep))))
    return 20 * math.log10(peak) if peak > 0 else _SILENCE_DB


def loudness_range(samples: np.ndarray) -> float:
    """EBU Tech 3342: the spread (10th to 95th percentile) of the 3 s short-term
    loudness, after a -70 LUFS absolute and a -20 LU relative gate."""
    short = block_loudness(samples, window=3.0, step=0.1)
    short = short[short > -70.0]
    if short.size == 0:
        return 0.0
    power = 10 ** ((short + 0.691) / 10)
    relative = -0.691 + 10 * math.log10(float(np.mean(power))) - 20.0
    kept = short[short > relative]
    if kept.size == 0:
        return 0.0
    return float(np.percentile(kept, 95) - np.percentile(kept, 10))


def measure_r128(samples: np.ndarray) -> R128:
    short = block_loudness(samples, window=3.0, step=0.1)
    return R128(integrated_loudness(samples), loudness_range(samples), true_peak_db(samples),
                float(np.max(short)) if short.size else _SILENCE_DB)
