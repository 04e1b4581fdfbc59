"""Bounce filtering for presses: a clicker or foot pedal that bounces sends the
same key twice within a few milliseconds, and one press must never move two lines.
Qt-free; time comes from an injected clock."""

from __future__ import annotations

from collections.abc import Hashable

from touchstory.pacing.clock import Clock

BOUNCE_SECONDS = 0.25


class Debouncer:
    """Accepts a press unless the same kind of press was accepted less than
    `window` seconds ago. Timing runs from the last *accepted* press, so a
    chattering switch cannot hold a real press off for ever, and a steady
    reader tapping every 300 ms is never ignored."""

    __slots__ = ("_clock", "_window", "_last")

    def __init__(self, clock: Clock, window: float = BOUNCE_SECONDS) -> None:
        if window < 0:
            raise ValueError("window must not be negative")
        self._clock = clock
        self._window = window
        self._last: dict[Hashable, float] = {}

    @property
    def window(self) -> float:
        return self._window

    def accept(self, kind: Hashable = None) -> bool:
        """True if this press counts; False if it is a bounce of the last one."""
        now = self._clock.now()
        last = self._last.get(kind)
        if last is not None and 0 <= now - last < self._window:
            return False
        self._last[kind] = now
        return True

    def reset(self) -> None:
        self._last.clear()
