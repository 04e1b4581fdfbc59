"""Where the mixer's sound goes: the `AudioOutput` protocol and `NullOutput`.

The real output (a Qt Multimedia sink) lives in `touchstory/ui/sound/audio_sink.py`.
`NullOutput` plays nothing but keeps time: with `realtime=True` it pulls from
the mixer at the speed of a real device, so narration still ends, callbacks
still fire and fades still finish when there is no sound card; tests drive it
by hand with `pump()`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

if TYPE_CHECKING:
    from touchstory.audio.mixer import Mixer

BLOCK = 1024  # frames per pull: ~23 ms, small enough for smooth ducking


@runtime_checkable
class AudioOutput(Protocol):
    """Something that pulls the mixer and delivers the sound."""

    @property
    def available(self) -> bool:
        """True when sound really reaches a device."""
        ...

    @property
    def problem(self) -> str | None:
        """One line for the user when there is no sound, else None."""
        ...

    def start(self, mixer: Mixer) -> None: ...

    def stop(self) -> None: ...


class NullOutput:
    """Silent output. `realtime=True` keeps the mixer moving on a clock in a
    daemon thread; otherwise call `pump(seconds)` (tests)."""

    def __init__(self, *, realtime: bool = False, problem: str | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._realtime, self._problem, self._clock = realtime, problem, clock
        self._mixer: Mixer | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def available(self) -> bool:
        return False

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def running(self) -> bool:
        return self._mixer is not None

    def start(self, mixer: Mixer) -> None:
        self.stop()
        self._mixer = mixer
        if self._realtime:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="touchstory-null-audio", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2.0)
        self._thread = None
        self._mixer = None

    def pump(self, seconds: float, block: int = BLOCK) -> np.ndarray:
        """Pull `seconds` of sound in device-sized blocks and return it."""
        mixer = self._mixer
        if mixer is None:
            raise RuntimeError("NullOutput.pump() before start()")
        total = int(round(seconds * mixer.rate))
        parts = []
        while total > 0:
            take = min(block, total)
            parts.append(mixer.pull(take))
            total -= take
        return np.concatenate(parts) if parts else np.zeros((0, 2), np.float32)

    def _run(self) -> None:
        mixer = self._mixer
        assert mixer is not None
        started, pulled = self._clock(), 0
        while not self._stop.is_set():
            due = int((self._clock() - started) * mixer.rate) - pulled
            if due > 2 * mixer.rate:  # the machine slept: skip ahead, don't race
                pulled += due - mixer.rate
                due = mixer.rate
            if due > 0:
                mixer.pull(due)
                pulled += due
            self._stop.wait(BLOCK / mixer.rate)
