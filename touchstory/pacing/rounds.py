"""The round timer of a line or circle: a stopwatch that counts rounds of N
seconds and runs only while it is told to (a story step, not paused, not
blanked), so a pause or a blank screen never eats into a child's turn."""

from __future__ import annotations

from touchstory.pacing.clock import Clock


class RoundTimer:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.number = 1  # the round under way (1 = the first)
        self._banked = 0.0  # seconds counted before the last stop
        self._since: float | None = None  # running since then, or stopped

    def elapsed(self) -> float:
        running = self._clock.now() - self._since if self._since is not None else 0.0
        return self._banked + running

    def run(self, active: bool) -> None:
        """Run or stop, keeping what has been counted."""
        now = self._clock.now()
        if self._since is not None and not active:
            self._banked += now - self._since
            self._since = None
        elif self._since is None and active:
            self._since = now

    def restart(self, active: bool) -> None:
        """This round starts again from nought (the teacher said "move on")."""
        self._banked, self._since = 0.0, None
        self.run(active)

    def reset(self, active: bool) -> None:
        """Back to round one (a new story step or a new round length)."""
        self.number = 1
        self.restart(active)

    def due(self, length: float | None) -> bool:
        """True once each time a round of `length` seconds is up; the next round
        counts on from then, losing nothing to the moment of the check."""
        if self._since is None or not length:
            return False
        elapsed = self.elapsed()
        if elapsed < length:
            return False
        self._banked, self._since = elapsed % length, self._clock.now()
        return True
