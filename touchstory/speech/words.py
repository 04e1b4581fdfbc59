"""Word timing for highlighting, derived from the rendered audio.

espeak's word callbacks fire while it synthesises (all at once, long before the
line is heard), so timing has to come from the clip itself. Two sources:
- `estimate_word_timings`: the clip's energy envelope is split into voiced
  stretches (pauses at commas and full stops show up as silence), the words are
  shared out over those stretches by a small dynamic programme that matches each
  stretch's length to its words' weight (letters and syllables) and prefers breaks at
  punctuation; inside a stretch words get time in proportion to their weight.
- `timings_from_marks`: the worker also keeps the audio offset espeak attaches
  to each word event; when present these give word starts directly, and the
  envelope trims each word's end at the following pause.
The audio-free parts (tokenize, word_weight, speaking_time, word_at) live in
`tokens.py` (no numpy) and are re-exported here.
"""

from __future__ import annotations

import bisect
import math
import wave
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from touchstory.speech.engine import WordTiming
from touchstory.speech.tokens import (
    PAUSE_AFTER,
    speaking_time,
    tokenize,
    word_at,
    word_weight,
)

__all__ = [
    "estimate_word_timings", "read_mono", "speaking_time", "timings_from_marks", "tokenize",
    "voiced_segments", "word_at", "word_weight",
]

FRAME = 0.01  # seconds per envelope frame
SILENCE_DB = -40.0  # below the clip's loudest frame: silence
MIN_PAUSE = 0.1  # shorter silences are stop consonants, not pauses


def read_mono(path: Path | str) -> tuple[np.ndarray, int]:
    """A 16-bit PCM WAV as float samples in [-1, 1] (channels averaged)."""
    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2:
            raise ValueError(f"{Path(path).name}: only 16-bit WAV is supported")
        frames = w.readframes(w.getnframes())
        channels, rate = w.getnchannels(), w.getframerate()
    data = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        data = data.reshape(-1, channels).mean(axis=1)
    return data, rate


def envelope_db(samples: np.ndarray, rate: int) -> np.ndarray:
    """Frame energy in dB relative to the loudest frame."""
    hop = max(1, int(rate * FRAME))
    n = len(samples) // hop
    if n == 0:
        return np.zeros(0)
    frames = samples[: n * hop].astype(np.float64).reshape(n, hop)
    rms = np.sqrt((frames**2).mean(axis=1)) + 1e-9
    return 20 * np.log10(rms / rms.max())


def voiced_segments(
    samples: np.ndarray, rate: int, *, silence_db: float = SILENCE_DB, min_pause: float = MIN_PAUSE
) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch of sound, silences shorter than
    `min_pause` bridged."""
    db = envelope_db(samples, rate)
    if db.size == 0 or float(np.max(np.abs(samples))) < 1e-4:
        return []
    voiced = db > silence_db
    segments: list[list[float]] = []
    i = 0
    while i < len(voiced):
        if voiced[i]:
            j = i
            while j < len(voiced) and voiced[j]:
                j += 1
            start, end = i * FRAME, j * FRAME
            if segments and start - segments[-1][1] < min_pause:
                segments[-1][1] = end
            else:
                segments.append([start, end])
            i = j
        else:
            i += 1
    return [(a, b) for a, b in segments]


def _merge_to(segments: list[tuple[float, float]], count: int) -> list[tuple[float, float]]:
    """Bridge the shortest gaps until at most `count` segments remain."""
    segs = list(segments)
    while len(segs) > max(1, count):
        gaps = [segs[k + 1][0] - segs[k][1] for k in range(len(segs) - 1)]
        k = int(np.argmin(gaps))
        segs[k : k + 2] = [(segs[k][0], segs[k + 1][1])]
    return segs


def _split_cost(
    durations: Sequence[float], weights: Sequence[float], pause_after: Sequence[bool]
) -> list[tuple[int, int]]:
    """Split words 0..n-1 into len(durations) contiguous non-empty groups.
    Returns (first, last+1) per segment, minimising the squared log-ratio of
    each segment's duration to its words' expected duration, plus penalties
    for breaks away from punctuation and punctuation inside a segment."""
    s, n = len(durations), len(weights)
    rate = sum(durations) / sum(weights)
    prefix = [0.0]
    for w in weights:
        prefix.append(prefix[-1] + w)
    inside = [0]
    for p in pause_after:
        inside.append(inside[-1] + int(p))

    def cost(i: int, j: int, k: int) -> float:
        expected = rate * (prefix[j] - prefix[i])
        c = math.log((durations[k] + 0.02) / (expected + 0.02)) ** 2
        c += 0.5 * (inside[j - 1] - inside[i])  # punctuation not followed by a pause
        if k < s - 1 and not pause_after[j - 1]:
            c += 0.3  # a pause with no punctuation: possible, less likely
        return c

    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(s + 1)]
    back = [[0] * (n + 1) for _ in range(s + 1)]
    best[0][0] = 0.0
    for k in range(1, s + 1):
        for j in range(k, n - (s - k) + 1):
            for i in range(k - 1, j):
                if best[k - 1][i] == inf:
                    continue
                c = best[k - 1][i] + cost(i, j, k - 1)
                if c < best[k][j]:
                    best[k][j], back[k][j] = c, i
    groups = []
    j = n
    for k in range(s, 0, -1):
        i = back[k][j]
        groups.append((i, j))
        j = i
    return groups[::-1]


def estimate_word_timings(text: str, samples: np.ndarray, rate: int) -> tuple[WordTiming, ...]:
    """Word timings from the audio alone (see the module docstring)."""
    tokens = tokenize(text)
    if not tokens:
        return ()
    duration = len(samples) / rate if rate else 0.0
    segments = voiced_segments(samples, rate) or [(0.0, duration)]
    segments = _merge_to(segments, len(tokens))
    weights = [word_weight(w) for w, _, _ in tokens]
    pause_after = [bool(PAUSE_AFTER.match(text[end:])) for _, _, end in tokens]
    groups = _split_cost([b - a for a, b in segments], weights, pause_after)
    out: list[WordTiming] = []
    for (seg_start, seg_end), (i, j) in zip(segments, groups):
        total = sum(weights[i:j])
        t = seg_start
        for k in range(i, j):
            step = (seg_end - seg_start) * weights[k] / total
            word, a, b = tokens[k]
            out.append(WordTiming(word, t, t + step, a, b))
            t += step
    return tuple(out)


def timings_from_marks(
    text: str, marks: Sequence[Sequence[int]], samples: np.ndarray, rate: int
) -> tuple[WordTiming, ...]:
    """Word timings from espeak's per-word audio offsets `marks`
    ([1-based char position, length, audio ms], ...), ends trimmed at pauses
    found in the envelope. Falls back to `estimate_word_timings` when the
    marks do not cover the words."""
    tokens = tokenize(text)
    if not tokens:
        return ()
    duration = len(samples) / rate
    starts: list[float | None] = [None] * len(tokens)
    token_starts = [a for _, a, _ in tokens]
    for pos, _length, ms in marks:
        k = bisect.bisect_right(token_starts, pos - 1) - 1
        if 0 <= k < len(tokens) and tokens[k][1] <= pos - 1 < tokens[k][2] and starts[k] is None:
            starts[k] = min(max(0.0, ms / 1000.0), duration)
    if starts[0] is None or sum(s is not None for s in starts) < max(1, len(tokens) // 2):
        return estimate_word_timings(text, samples, rate)
    segments = voiced_segments(samples, rate)
    speech_end = segments[-1][1] if segments else duration
    filled = _fill_gaps(starts, [word_weight(w) for w, _, _ in tokens], speech_end)
    out = []
    for k, (word, a, b) in enumerate(tokens):
        start = filled[k]
        nxt = filled[k + 1] if k + 1 < len(tokens) else speech_end
        end = _sound_stops(segments, start, nxt)
        # Every word gets at least 50 ms, so it can be seen lit.
        out.append(WordTiming(word, start, min(duration, max(end, start + 0.05)), a, b))
    return tuple(out)


def _fill_gaps(starts: list[float | None], weights: list[float], end: float) -> list[float]:
    """Give unmarked words a start by sharing the time between their marked
    neighbours by weight; keep starts in order."""
    out = list(starts)
    k = 0
    n = len(out)
    while k < n:
        if out[k] is not None:
            k += 1
            continue
        i = k - 1  # the marked word before the run (k > 0: word 0 is marked)
        j = k
        while j < n and out[j] is None:
            j += 1
        t0 = out[i]
        t1 = out[j] if j < n else end
        assert t0 is not None and t1 is not None
        span_weights = weights[i:j]
        total = sum(span_weights)
        t = t0
        for m in range(i, j - 1):
            t += (t1 - t0) * weights[m] / total
            out[m + 1] = t
        k = j
    result: list[float] = []
    for s in out:
        assert s is not None
        result.append(max(s, result[-1]) if result else s)
    return result


def _sound_stops(segments: list[tuple[float, float]], start: float, limit: float) -> float:
    """When the sound that begins a word at `start` stops before `limit` (the
    next word), return that moment; otherwise `limit`."""
    for a, b in segments:
        if b <= start:
            continue
        if a >= limit:
            break
        if b < limit and b > start:
            return b
    return limit
