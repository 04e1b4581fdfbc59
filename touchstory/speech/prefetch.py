"""Render-ahead for narration: while one line plays, the next few are rendered
on a background thread, so a tap only looks the next line up in a dictionary.

Qt-free: `on_ready(index, line)` and `on_error(index, error)` are called from
the prefetch thread; the UI marshals them to the GUI thread (a queued signal).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

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
        self._busy_with: int | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="speech-prefetch", daemon=True)
        self._thread.start()

    # -- called by the player (any thread) ------------------------------------
    def set_lines(self, texts: Sequence[str]) -> None:
        """A new story (or the same one again): forget line numbers, keep what
        was rendered for the same texts with the same settings."""
        with self._cond:
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

    def _next_job(self) -> tuple[int, str, VoiceSettings, int, RenderedLine | None] | None:
        with self._cond:
            while not self._closed:
                while self._plan and (self._plan[0] in self._ready or self._plan[0] in self._failed):
                    self._plan.pop(0)
                if self._plan:
                    index = self._plan.pop(0)
                    text = self._texts[index]
                    self._busy_with = index
                    # A refrain already rendered under another line number.
                    return index, text, self._settings, self._generation, self._by_text.get(text)
                self._cond.wait()
            return None

    def _run(self) -> None:
        while True:
            job = self._next_job()
            if job is None:
                return
            index, text, settings, generation, line = job
            error: SpeechError | None = None
            if line is None:
                try:
                    line = self._engine.render(text, settings)
                except SpeechError as exc:
                    error = exc
                except Exception as exc:  # a bug must not kill render-ahead silently
                    error = SpeechError(f"narration failed: {type(exc).__name__}: {exc}")
            with self._cond:
                self._busy_with = None
                if generation != self._generation or self._closed:
                    continue  # the story or the voice changed meanwhile
                if line is not None:
                    self._ready[index] = line
                    self._by_text[text] = line
                else:
                    assert error is not None
                    self._failed[index] = error
                self._cond.notify_all()
                on_ready, on_error = self.on_ready, self.on_error
            try:
                if line is not None and on_ready is not None:
                    on_ready(index, line)
                elif error is not None and on_error is not None:
                    on_error(index, error)
            except Exception:  # the listener's bug must not stop render-ahead
                _log.exception("narration listener failed for line %d", index)
