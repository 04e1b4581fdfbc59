"""Follow-my-pace: learns how fast a parent moves through a story from their
taps, so "carry on at my pace" can auto-advance at their rhythm.

Each tap brings a line on screen; the time until the next tap, divided by that
line's weight (its expected time: reading time of the text + stroke time), is
one *ratio* (1.0 = exactly as expected, 1.5 = half as slow again). The
estimate is the median of the last few accepted ratios. Intervals under 0.25 s
(a double tap, skipping) and over 20 s (a chat, a cuddle, a question) say
nothing about pace and are ignored; a ratio far from the current estimate is an
outlier and dropped, unless several in a row point the same way: then the pace
really changed (a sleepy child, a slower evening) and the estimate moves to it.

Pure and clock-free: callers pass the tap times (from the injected clock).
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass


def median(values: Iterable[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count), as
    statistics.median gives it; that module and its imports (fractions, decimal)
    cost more at start-up than the few ratios here ever need."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if not ordered:
        raise ValueError("no values")
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


class Tap(enum.Enum):
    """What one tap did to the estimate."""

    STARTED = "started"  # first tap (or first after interrupt()): no interval yet
    ACCEPTED = "accepted"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    OUTLIER = "outlier"  # held back; may become part of a sustained change
    CHANGED = "changed"  # several outliers the same way: the new pace was adopted


@dataclass(frozen=True, slots=True)
class PaceConfig:
    min_interval: float = 0.25  # seconds; shorter intervals are ignored
    max_interval: float = 20.0  # seconds; longer intervals are ignored
    window: int = 7  # the median is over this many recent ratios
    min_samples: int = 4  # accepted intervals before the estimate is `ready`
    outlier_factor: float = 1.6  # a ratio this many times off the median is an outlier
    sustain: int = 3  # consecutive outliers the same way that mean a real change
    min_weight: float = 0.5  # seconds; lighter lines are treated as this heavy

    def __post_init__(self) -> None:
        if not 0 < self.min_interval < self.max_interval:
            raise ValueError("need 0 < min_interval < max_interval")
        if self.min_samples < 1 or self.window < self.min_samples or self.sustain < 1:
            raise ValueError("need 1 <= min_samples <= window and sustain >= 1")
        if self.outlier_factor <= 1.0:
            raise ValueError("outlier_factor must be above 1")


class PaceEstimator:
    """Feed it every tap with `feed(tap_time, line_weight_seconds)`, where the
    weight belongs to the line the tap brings on screen, or give it measured
    intervals with `observe(interval, weight)` (the session's PaceModel
    protocol). Read `ready`, `factor` and `expected_interval(weight)`."""

    def __init__(self, config: PaceConfig = PaceConfig()) -> None:
        self.config = config
        self._ratios: deque[float] = deque(maxlen=config.window)
        self._pending: list[float] = []  # consecutive outliers, newest last
        self._last_tap: float | None = None
        self._last_weight = 0.0

    # -- input ----------------------------------------------------------------
    def feed(self, tap_time: float, line_weight_seconds: float) -> Tap:
        previous, weight = self._last_tap, self._last_weight
        self._last_tap = tap_time
        self._last_weight = max(self.config.min_weight, float(line_weight_seconds))
        if previous is None:
            return Tap.STARTED
        return self.observe(tap_time - previous, weight)

    def observe(self, interval: float, weight: float) -> Tap:
        """One measured interval on a line of `weight` seconds, for callers
        that time lines themselves (the session does). `feed` uses this."""
        if interval < self.config.min_interval:
            return Tap.TOO_SHORT
        if interval > self.config.max_interval:
            self._pending.clear()  # a break: what came before is no run
            return Tap.TOO_LONG
        return self._add(interval / max(self.config.min_weight, float(weight)))

    def interrupt(self) -> None:
        """The sequence was broken (back/next keys, auto-advance, a new page):
        the next tap starts a fresh interval instead of measuring across it."""
        self._last_tap = None
        self._pending.clear()

    def reset(self) -> None:
        """Forget everything (a new reader, a new session)."""
        self._ratios.clear()
        self.interrupt()

    def _add(self, ratio: float) -> Tap:
        cfg = self.config
        if len(self._ratios) < min(3, cfg.min_samples):
            # Too little to call anything an outlier yet.
            self._ratios.append(ratio)
            return Tap.ACCEPTED
        current = median(self._ratios)
        if current / cfg.outlier_factor <= ratio <= current * cfg.outlier_factor:
            self._ratios.append(ratio)
            self._pending.clear()
            return Tap.ACCEPTED
        if self._pending and (self._pending[-1] > current) != (ratio > current):
            self._pending.clear()  # a bounce back and forth is no trend
        self._pending.append(ratio)
        if len(self._pending) >= cfg.sustain:
            self._ratios.clear()
            self._ratios.extend(self._pending)
            self._pending.clear()
            return Tap.CHANGED
        return Tap.OUTLIER

    # -- output ---------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """Enough good intervals to offer "carry on at my pace"."""
        return len(self._ratios) >= self.config.min_samples

    @property
    def learned(self) -> int:
        """Good intervals so far (for a "learning your pace: 2 of 4" hint)."""
        return len(self._ratios)

    @property
    def needed(self) -> int:
        return self.config.min_samples

    @property
    def factor(self) -> float:
        """Reader's time / expected time, the median of recent ratios; 1.0
        before anything is known."""
        return median(self._ratios) if self._ratios else 1.0

    def expected_interval(self, weight: float) -> float:
        """Seconds to dwell on a line of this weight at the learned pace,
        kept inside the range of intervals the estimator itself trusts."""
        seconds = self.factor * max(self.config.min_weight, weight)
        return min(self.config.max_interval, max(self.config.min_interval, seconds))
