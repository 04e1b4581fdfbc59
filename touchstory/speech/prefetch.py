"""Render-ahead for narration: while one line plays, the next few are rendered
on a background thread, so a tap only looks the next line up in a dictionary.

Qt-free: `on_ready(index, line)` and `on_error(index, error)` are called from
the prefetch thread; the UI marshals them to the GUI thread (a queued signal).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from touchstory.errors import SpeechError
from touchstory.speech.engine import RenderedLine, SpeechEngine, VoiceSettings

_log = logging.getLogger(__name__)

ReadyCallback = Callable[[int, RenderedLine], None]
ErrorCallback = Callable[[int, SpeechError], None]


class Prefetcher:
    """Keeps line `focus` and the `lookahead` lines after it rendered.

    - `focus(i)`: the reader is on line i: render it first, then i+1.. i+lookahead;
      work queued for lines no longer in that window is dropped (a jump cancels
      it). A render already running finishes (synthesis cannot be interrupted
      and takes tens of milliseconds) and is kept.
    - `get(i)`: the rendered line or None, without blocking.
    - Lines with the same text (refrains) are rendered once.
    """

    def __init__(
        self,
        engine: SpeechEngine,
        settings: VoiceSettings,
        lookahead: int = 3,
        on_ready: ReadyCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        if lookahead < 0:
            raise ValueError("lookahead must be 0 or more")
        self._engine = engine
        self._settings = settings
        self.lookahead = lookahead
        self.on_ready = on_ready
        self.on_error = on_error
        self._cond = threading.Condition()
        self._texts: tuple[str, ...] = ()
        self._ready: dict[int, RenderedLine] = {}
        self._failed: dict[int, SpeechError] = {}
        self._by_text: dict[str, RenderedLine] = {}
        self._plan: list[int] = []
        self._focus: int | None = None
        self._generation = 0
        self._closed = False
        self._warm_up = False
        self._thread = threading.Thread(target=self._run, name="speech-prefetch", daemon=True)
        self._thread.start()

    # -- called by the player (any thread) ------------------------------------
    def set_lines(self, texts: Sequence[str]) -> None:
        """A new story (or the same one again): forget line numbers, keep what
        was rendered for the same texts with the same settings. The engine is
        warmed up meanwhile (its worker started), ready for play."""
        with self._cond:
            self._warm_up = True
            self._texts = tuple(texts)
            self._generation += 1
            self._ready = {i: self._by_text[t] for i, t in enumerate(self._texts) if t in self._by_text}
            self._failed = {}
            self._focus = None
            self._plan = []
            self._cond.notify_all()

    def set_settings(self, settings: VoiceSettings) -> None:
        """Voice, speed or volume changed: everything is re-rendered, starting
        again from the current line."""
        with self._cond:
            if settings == self._settings:
                return
            self._settings = settings
            self._generation += 1
            self._ready.clear()
            self._failed.clear()
            self._by_text.clear()
            self._replan()

    @property
    def settings(self) -> VoiceSettings:
        return self._settings

    def focus(self, index: int) -> None:
        with self._cond:
            if not 0 <= index < len(self._texts):
                raise IndexError(f"line {index} is not in this story ({len(self._texts)} lines)")
            self._focus = index
            self._replan()

    def get(self, index: int) -> RenderedLine | None:
        return self._ready.get(index)

    def error(self, index: int) -> SpeechError | None:
        """Why line `index` could not be rendered, if it failed."""
        return self._failed.get(index)

    def wait(self, index: int, timeout: float | None = None) -> RenderedLine | None:
        """Block until line `index` is rendered (or failed, or the timeout
        passes). For tests, benchmarks and audio-only play; never the GUI thread."""
        with self._cond:
            self._cond.wait_for(
                lambda: index in self._ready or index in self._failed or self._closed, timeout
            )
            return self._ready.get(index)

    @property
    def pending(self) -> tuple[int, ...]:
        """Lines queued for rendering, in order (not counting one in progress)."""
        with self._cond:
            return tuple(self._plan)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def close(self, timeout: float = 2.0) -> None:
        with self._cond:
            self._closed = True
            self._plan = []
            self._cond.notify_all()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)

    # -- the prefetch thread -------------------------------------------------
    def _replan(self) -> None:
        if self._focus is None:
            self._plan = []
        else:
            last = min(len(self._texts), self._focus + self.lookahead + 1)
            self._plan = [i for i in range(self._focus, last)
                          if i not in self._ready and i not in self._failed]
        self._cond.notify_all()

    def _next_job(self) -> _Job | None:
        """The next thing to do: render a line, warm the engine up, or None
        when closed. Waits while there is nothing to do."""
        with self._cond:
            while not self._closed:
                while self._plan and (self._plan[0] in self._ready or self._plan[0] in self._failed):
                    self._plan.pop(0)
                if self._plan:
                    self._warm_up = False  # rendering warms the engine anyway
                    index = self._plan.pop(0)
                    text = self._texts[index]
                    # A refrain may already be rendered under another line number.
                    return _Job(index, text, self._settings, self._generation, self._by_text.get(text))
                if self._warm_up:
                    self._warm_up = False
                    return _WARM_UP
                self._cond.wait()
            return None

    def _run(self) -> None:
        while True:
            job = self._next_job()
            if job is None:
                return
            if job is _WARM_UP:
                self._engine.warm_up()
                continue
            line, error = job.line, None
            if line is None:
                try:
                    line = self._engine.render(job.text, job.settings)
                except SpeechError as exc:
                    error = exc
                except Exception as exc:  # noqa: BLE001  (a bug must not kill render-ahead silently)
                    error = SpeechError(f"narration failed: {type(exc).__name__}: {exc}")
            with self._cond:
                if job.generation != self._generation or self._closed:
                    continue  # the story or the voice changed meanwhile
                if line is not None:
                    self._ready[job.index] = line
                    self._by_text[job.text] = line
                else:
                    assert error is not None
                    self._failed[job.index] = error
                self._cond.notify_all()
                on_ready, on_error = self.on_ready, self.on_error
            try:
                if line is not None and on_ready is not None:
                    on_ready(job.index, line)
                elif error is not None and on_error is not None:
                    on_error(job.index, error)
            except Exception:  # noqa: BLE001  (the listener's bug must not stop render-ahead)
                _log.exception("narration listener failed for line %d", job.index)


@dataclass(frozen=True, slots=True)
class _Job:
    index: int
    text: str
    settings: VoiceSettings
    generation: int
    line: RenderedLine | None  # already rendered (a refrain): just report it


_WARM_UP = _Job(-1, "", VoiceSettings(), -1, None)
