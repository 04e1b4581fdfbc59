"""Running blocking work (reading stories from disk) off the GUI thread and
getting the answer back on it.

One long-lived `TaskRunner` owns the signal every job reports through, so no
answer is lost to a short-lived QObject being collected before delivery.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], done: SignalInstance) -> None:
        super().__init__()
        self._id, self._work, self._done = job_id, work, done

    def run(self) -> None:
        try:
            result, error = self._work(), None
        except Exception as exc:  # reported to the GUI as a message, never a crash
            import traceback  # deferred for start-up: only a failing job needs it

            result, error = None, f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"
        try:
            self._done.emit(self._id, result, error)
        except RuntimeError:
            pass  # the window closed while this ran: nobody is waiting for the answer


class TaskRunner(QObject):
    """`run(work, on_done, on_error)`: `work()` runs in the pool; `on_done(result)`
    or `on_error(message)` is then called on the GUI thread."""

    _finished = Signal(int, object, object)
    idle = Signal()  # every job has reported back

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._ids = itertools.count(1)
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}
        self._finished.connect(self._on_self_finished)

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[str], None] | None = None) -> int:
        job_id = next(self._ids)
        self._waiting[job_id] = (on_done, on_error)
        self._pool.start(_Job(job_id, work, self._finished))
        return job_id

    def forget_all(self) -> None:
        """Answers still on their way are dropped (the app is closing)."""
        self._waiting.clear()

    def _on_self_finished(self, job_id: int, result: object, error: object) -> None:
        on_done, on_error = self._waiting.pop(job_id, (None, None))
        if error is None and on_done is not None:
            on_done(result)
        elif error is not None and on_error is not None:
            on_error(str(error))
        if not self._waiting:
            self.idle.emit()
