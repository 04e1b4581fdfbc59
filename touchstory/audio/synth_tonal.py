"""Recipes for the tonal soundscapes: a soft heartbeat, a music-box lullaby, a
warm pad drone, and the page-turn chime the mixer's cue layer plays.

The melodies are public domain: Brahms' "Wiegenlied" (Op. 49 No. 4, 1868) and
the traditional "Ah! vous dirai-je, maman" tune sung as Twinkle Twinkle; the
arrangement (tempo, bass notes, tone) is ours.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np

from touchstory.audio import dsp
from touchstory.audio.sound import RATE, nice_length

Step = Callable[[], None]

# (scale degree in C major, length in eighth notes); degree 8 = C one octave up,
# 0 = rest; "b" in bass lists is the chord root per bar (or half bar).
_BRAHMS = [
    (3, 1), (3, 1),
    (5, 4), (3, 1), (3, 1), (5, 4), (3, 1), (5, 1), (8, 2), (7, 3), (6, 1),
    (6, 2), (5, 2), (2, 1), (3, 1), (4, 2), (2, 2), (2, 1), (3, 1), (4, 4), (2, 1), (4, 1),
    (7, 1), (6, 1), (5, 2), (7, 2), (8, 4), (1, 1), (1, 1),
    (8, 4), (6, 1), (4, 1), (5, 4), (3, 1), (1, 1), (4, 2), (5, 2), (6, 2), (5, 4), (1, 1), (1, 1),
    (8, 4), (6, 1), (4, 1), (5, 4), (3, 1), (1, 1), (4, 2), (3, 2), (2, 2), (1, 6),
]
_BRAHMS_BASS = ["C", "C", "G", "G", "G", "G", "G", "C", "F", "C", "F", "C", "F", "C", "G", "C"]  # one per 3/4 bar after the pickup

_TWINKLE_LINE_A = [(1, 2), (1, 2), (5, 2), (5, 2), (6, 2), (6, 2), (5, 4),
                   (4, 2), (4, 2), (3, 2), (3, 2), (2, 2), (2, 2), (1, 4)]
_TWINKLE_LINE_B = [(5, 2), (5, 2), (4, 2), (4, 2), (3, 2), (3, 2), (2, 4)] * 2
_TWINKLE = _TWINKLE_LINE_A + _TWINKLE_LINE_B + _TWINKLE_LINE_A
_TWINKLE_BASS_A = ["C", "C", "F", "C", "F", "C", "G", "C"]  # one per half bar (4 eighths)
_TWINKLE_BASS = _TWINKLE_BASS_A + ["C", "F", "C", "G", "C", "F", "C", "G"] + _TWINKLE_BASS_A

_DEGREE_SEMITONES = {1: 0, 2: 2, 3: 4, 4: 5, 5: 7, 6: 9, 7: 11, 8: 12}
_ROOT_SEMITONES = {"C": 0, "F": 5, "G": 7}
_C5 = 523.2511


def heartbeat(rng: np.random.Generator, seconds: float, step: Step) -> np.ndarray:
    """A calm heart at 60 bpm heard from close by: a soft low 'lub-dub' with a
    faint warm whoosh, each beat a touch different so it never sounds mechanical."""
    n = int(seconds * RATE)
    out = np.zeros((n, 2), np.float32)
    beats = int(round(seconds))  # 60 bpm: one beat per second, whole beats per loop
    period = n / beats
    lubs = [_thump(rng, 86.0, 52.0, 0.075) for _ in range(4)]
    dubs = [_thump(rng, 100.0, 64.0, 0.06) for _ in range(4)]
    for i in range(beats):
        at = int(i * period + rng.normal(0, 0.006 * RATE))
        size = 10 ** (rng.normal(0, 0.6) / 20)
        dsp.add_event(out, lubs[rng.integers(4)], at, (size, size))
        dsp.add_event(out, dubs[rng.integers(4)], at + int(0.31 * RATE), (0.62 * size, 0.62 * size))
    step()
    whoosh = dsp.shaped_noise(n, rng, dsp.tilt(-1.0, low=40.0, high=320.0), width=0.4)
    pulse = 0.55 + 0.45 * np.cos(2 * np.pi * beats * (np.arange(n) / n - 0.12)) ** 2
    out += whoosh * (0.035 * pulse[:, None])
    step()
    return dsp.fft_filter(out, dsp.band(30.0, 700.0, slope=2.0))


def _thump(rng: np.random.Generator, f_start: float, f_end: float, decay: float) -> np.ndarray:
    length = int(0.4 * RATE)
    t = np.arange(length) / RATE
    freq = f_end + (f_start - f_end) * np.exp(-t / 0.035) * rng.uniform(0.95, 1.05)
    phase = 2 * np.pi * np.cumsum(freq) / RATE
    attack = np.sin(np.pi / 2 * np.minimum(1.0, t / 0.018)) ** 2  # soft, no click
    env = attack * np.exp(-t / decay) * np.minimum(1.0, (length - 1 - np.arange(length)) / 400)
    tone = np.sin(phase) + 0.6 * np.sin(2 * phase) + 0.3 * np.sin(3 * phase) + 0.12 * np.sin(4 * phase)
    return (tone * env).astype(np.float32)


LULLABY_LEAD = 3.2  # seconds of quiet before the first note (> the mixer's FADE_IN)


def lullaby(rng: np.random.Generator, seconds: float, step: Step) -> np.ndarray:
    """A music box playing Brahms' Lullaby, then Twinkle Twinkle, slowly, with soft
    bass notes and a small warm room. The loop length follows the music (> seconds)."""
    brahms_eighth, twinkle_eighth = 0.46, 0.40
    rest = 2.4
    brahms_len = sum(d for _, d in _BRAHMS) * brahms_eighth
    twinkle_len = sum(d for _, d in _TWINKLE) * twinkle_eighth
    total = LULLABY_LEAD + brahms_len + twinkle_len + rest
    total = max(total, seconds)  # a longer loop if asked: the last rest grows
    n = nice_length(round(total * RATE))
    out = np.zeros((n, 2), np.float32)
    # The tune starts after the mixer's 3 s fade-in, so its first notes are heard
    # at full level; the lead is also the rest before the tune comes round again.
    _melody(out, rng, _BRAHMS, LULLABY_LEAD, brahms_eighth)
    pickup = 2 * brahms_eighth
    _bass(out, rng, _BRAHMS_BASS, LULLABY_LEAD + pickup, 6 * brahms_eighth)
    start = LULLABY_LEAD + brahms_len + rest
    _melody(out, rng, _TWINKLE, start, twinkle_eighth)
    _bass(out, rng, _TWINKLE_BASS, start, 4 * twinkle_eighth)
    step()
    # dry + small room + gentle band limit, all as one circular filter
    ir = np.zeros((n, 2), np.float32)
    tail = dsp.reverb_ir(rng, 2.2, bright=2500.0)
    ir[: len(tail)] = tail * 0.45
    ir[0] += 0.8
    response = np.fft.rfft(ir, axis=0) * dsp.band(70.0, 5000.0, slope=1.5)(dsp.freqs(n))[:, None]
    step()
    return np.fft.irfft(np.fft.rfft(out, axis=0) * response, n=n, axis=0).astype(np.float32)


def _melody(out: np.ndarray, rng: np.random.Generator, notes: list[tuple[int, int]],
            start: float, eighth: float) -> None:
    at = start
    for index, (degree, length) in enumerate(notes):
        if degree:
            freq = _C5 * 2 ** (_DEGREE_SEMITONES[degree] / 12)
            size = 10 ** (rng.normal(0, 0.8) / 20) * (1.15 if length >= 4 else 1.0)
            # the tines sit across the comb: notes lean a little left or right in turn
            side = 1.0 if index % 2 else -1.0
            pan = side * (0.1 + 0.1 * (degree - 1) / 7)
            left, right = dsp.pan_gains(float(pan))
            dsp.add_event(out, _music_box_note(freq), int(at * RATE), (left * size, right * size))
        at += length * eighth


def _bass(out: np.ndarray, rng: np.random.Generator, roots: list[str], start: float, every: float) -> None:
    for i, root in enumerate(roots):
        freq = _C5 / 4 * 2 ** (_ROOT_SEMITONES[root] / 12)
        size = 0.38 * 10 ** (rng.normal(0, 0.5) / 20)
        dsp.add_event(out, _music_box_note(freq, bass=True), int((start + i * every) * RATE), (size, size))


@functools.lru_cache(maxsize=64)
def _music_box_note(freq: float, bass: bool = False) -> np.ndarray:
    """A tuned steel tine, softened: a sine-like fundamental with a few faint,
    quickly dying upper partials and a rounded 4 ms onset (no pluck click)."""
    tau = (2.2 if bass else 1.1) * (523.0 / freq) ** 0.35
    length = int(min(4.5, 6.0 * tau) * RATE)
    t = np.arange(length) / RATE
    attack = np.sin(np.pi / 2 * np.minimum(1.0, t / 0.004)) ** 2
    tail = np.minimum(1.0, (length - 1 - np.arange(length)) / (0.05 * RATE))
    partials = [(1.0, 1.0, 1.0), (2.0, 0.18, 0.45), (3.0, 0.05, 0.3), (4.2, 0.03, 0.18), (5.4, 0.012, 0.12)]
    if bass:
        partials = partials[:2]
    tone = np.zeros(length)
    for ratio, amp, life in partials:
        if freq * ratio < 6000.0:
            tone += amp * np.sin(2 * np.pi * freq * ratio * t) * np.exp(-t / (tau * life))
    note = (tone * attack * tail).astype(np.float32)
    note.flags.writeable = False  # shared by every repeat of this pitch
    return note


def drone(rng: np.random.Generator, seconds: float, step: Step) -> np.ndarray:
    """A warm, slowly shimmering pad on an open D chord. Every partial is a narrow
    band of noise (about 0.2 Hz wide), so the sound breathes but never beats or pulses."""
    n = int(seconds * RATE)
    f = dsp.freqs(n)
    amp = np.zeros(f.size)
    chord = [(73.42, 1.0), (110.0, 0.8), (146.83, 0.7), (220.0, 0.45), (185.0, 0.35), (329.63, 0.15)]
    for root, level in chord:
        for h in range(1, 14):
            centre = root * h
            if centre > 2500.0:
                break
            width = 0.12 + 0.05 * h
            lo, hi = np.searchsorted(f, (centre - 6 * width, centre + 6 * width))
            bump = np.exp(-0.5 * ((f[lo:hi] - centre) / width) ** 2)
            amp[lo:hi] += level * h**-1.6 * bump / np.sqrt(width)
    amp *= dsp.band(40.0, 1400.0, slope=1.5)(f)
    step()
    out = np.empty((n, 2), np.float32)
    for ch in range(2):
        spec = amp * (rng.standard_normal(f.size) + 1j * rng.standard_normal(f.size))
        out[:, ch] = np.fft.irfft(spec, n=n)
    step()
    swell = dsp.slow_envelope(n, rng, cycles=(1, 2), depth_db=2.5)
    return out * swell[:, None]


def chime() -> np.ndarray:
    """The page-turn cue: two soft bell notes a fourth apart, quietly ringing out."""
    n = int(2.6 * RATE)
    out = np.zeros((n, 2), np.float32)
    for offset, freq, size, pan in ((0.0, 784.0, 1.0, -0.15), (0.16, 1046.5, 0.75, 0.15)):
        t = np.arange(n - int(offset * RATE)) / RATE
        attack = np.sin(np.pi / 2 * np.minimum(1.0, t / 0.008)) ** 2
        tone = np.zeros_like(t)
        for ratio, amp, tau in ((1.0, 1.0, 0.7), (2.0, 0.12, 0.3), (3.01, 0.04, 0.15)):
            tone += amp * np.sin(2 * np.pi * freq * ratio * t) * np.exp(-t / tau)
        tone *= attack * np.minimum(1.0, (t[-1] - t) / 0.1)
        left, right = dsp.pan_gains(pan)
        out[int(offset * RATE):] += (tone[:, None] * np.array([left, right]) * size).astype(np.float32)
    return out
