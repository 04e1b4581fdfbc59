"""The sleep timer and the story's ending: when the sound goes, it always fades.

At a story's end the soundscape plays on for a wind-down time, then fades out
over 5-40 s (default 20 s). The sleep timer adds "stop after this story" and
"stop after N minutes"; both end in the same fade. Qt-free with an injected
clock: the app calls `tick()` about once a second (a QTimer), tests call it
with a fake clock.

`on_asleep` is called when a fade has finished. It comes from the mixer's pull
thread (the audio thread) when fades run in the mixer, so the UI must marshal it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

FADE_MIN, FADE_MAX, FADE_DEFAULT = 5.0, 40.0, 20.0
WIND_DOWN_DEFAULT = 30.0


class Fades(Protocol):
    """What the timer needs from the mixer."""

    def fade_out(self, seconds: float, on_done: Callable[[], None] | None = None) -> None: ...

    def cancel_fade(self, seconds: float = 1.0) -> None: ...


class SleepMode(Enum):
    OFF = "off"
    AFTER_STORY = "after_story"
    AFTER_MINUTES = "after_minutes"


class Phase(Enum):
    PLAYING = "playing"  # nothing pending (a minutes timer may be counting)
    WINDING_DOWN = "winding_down"  # story over, soundscape plays on
    FADING = "fading"
    ENDED = "ended"  # silent; a new story may start


@dataclass(frozen=True, slots=True)
class SleepState:
    """What the sleep timer shows the user, as values (the shell puts them into
    words): fading now, or the seconds until the fade (None: nothing to show)."""

    fading: bool = False
    seconds_left: float | None = None

    @property
    def quiet(self) -> bool:
        """Nothing to show: no fade coming that the user asked for."""
        return not self.fading and self.seconds_left is None


class SleepTimer:
    def __init__(self, mixer: Fades, clock: Callable[[], float] = time.monotonic, *,
                 fade_seconds: float = FADE_DEFAULT, wind_down: float = WIND_DOWN_DEFAULT,
                 on_asleep: Callable[[], None] | None = None) -> None:
        self._mixer, self._clock, self.on_asleep = mixer, clock, on_asleep
        self._lock = threading.RLock()
        self._fade = FADE_DEFAULT
        self.fade_seconds = fade_seconds
        self.wind_down = max(0.0, wind_down)
        self._mode = SleepMode.OFF
        self._phase = Phase.PLAYING
        self._deadline: float | None = None  # the minutes timer
        self._wind_down_until: float | None = None
        self._fade_id = 0

    @property
    def fade_seconds(self) -> float:
        return self._fade

    @fade_seconds.setter
    def fade_seconds(self, seconds: float) -> None:
        self._fade = min(max(float(seconds), FADE_MIN), FADE_MAX)

    @property
    def mode(self) -> SleepMode:
        return self._mode

    @property
    def phase(self) -> Phase:
        return self._phase

    def stop_after_story(self) -> None:
        """Let the current story finish, wind down, fade, and go no further."""
        with self._lock:
            self._mode, self._deadline = SleepMode.AFTER_STORY, None

    def stop_after_minutes(self, minutes: float) -> None:
        """Start fading `minutes` from now, whatever is playing then."""
        with self._lock:
            self._mode = SleepMode.AFTER_MINUTES
            self._deadline = self._clock() + max(0.0, minutes) * 60.0

    def cancel(self) -> None:
        """Timer off; a wind-down or fade already under way is called back."""
        with self._lock:
            self._mode, self._deadline = SleepMode.OFF, None
            self._call_back()

    def story_started(self) -> None:
        """A story starts (or restarts): any ending from the last one is undone."""
        with self._lock:
            self._call_back()

    def story_finished(self) -> bool:
        """The story's last line is done: wind down, then fade. Returns True when
        the sleep timer says to stop here (don't start another story)."""
        with self._lock:
            if self._phase in (Phase.PLAYING, Phase.ENDED):
                self._phase = Phase.WINDING_DOWN
                self._wind_down_until = self._clock() + self.wind_down
            stop = self._mode is SleepMode.AFTER_STORY or self._minutes_up()
            self.tick()
            return stop

    def tick(self) -> None:
        """Check the clock; call about once a second."""
        with self._lock:
            now = self._clock()
            wound_down = self._wind_down_until is not None and now >= self._wind_down_until
            if self._phase is Phase.WINDING_DOWN and wound_down:
                self._start_fade()
            if self._phase in (Phase.PLAYING, Phase.WINDING_DOWN) and self._minutes_up():
                self._start_fade()

    def remaining(self) -> float | None:
        """Seconds until the fade begins (minutes timer or wind-down), else None."""
        with self._lock:
            now = self._clock()
            times = []
            if self._deadline is not None and self._phase in (Phase.PLAYING, Phase.WINDING_DOWN):
                times.append(self._deadline - now)
            if self._phase is Phase.WINDING_DOWN and self._wind_down_until is not None:
                times.append(self._wind_down_until - now)
            return max(0.0, min(times)) if times else None

    def _minutes_up(self) -> bool:
        return self._deadline is not None and self._clock() >= self._deadline

    def _start_fade(self) -> None:
        self._phase = Phase.FADING
        self._wind_down_until = None
        self._fade_id += 1
        fade_id = self._fade_id
        self._mixer.fade_out(self._fade, lambda: self._faded(fade_id))

    def _faded(self, fade_id: int) -> None:
        with self._lock:
            if fade_id != self._fade_id or self._phase is not Phase.FADING:
                return  # a fade that was called back
            self._phase = Phase.ENDED
            if self._mode is not SleepMode.OFF:  # a sleep timer is used once
                self._mode, self._deadline = SleepMode.OFF, None
            callback = self.on_asleep
        if callback is not None:
            callback()

    def _call_back(self) -> None:
        if self._phase is Phase.FADING:
            self._fade_id += 1
            self._mixer.cancel_fade()
        self._phase = Phase.PLAYING
        self._wind_down_until = None
