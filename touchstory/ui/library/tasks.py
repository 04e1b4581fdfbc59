"""Running blocking work (reading stories from disk) off the GUI thread and
getting the answer back on it.

Jobs hand their answers to the courier (touchstory/ui/courier.py), which calls
the runner back on the GUI thread if it still exists: a job never emits on a
QObject that the GUI thread might be deleting at that moment.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from touchstory.ui.courier import deliver


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], done: Callable[[int, object, object], None]) -> None:
        super().__init__()
        self._id, self._work, self._done = job_id, work, done

    def run(self) -> None:
        try:
            result, error = self._work(), None
        except Exception as exc:  # reported to the GUI as a message, never a crash
            import traceback  # deferred for start-up: only a failing job needs it

            result, error = None, f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"
        deliver(self._done, self._id, result, error)  # dropped if the runner is gone meanwhile


class TaskRunner(QObject):
    """`run(work, on_done, on_error)`: `work()` runs in the pool; `on_done(result)`
    or `on_error(message)` is then called on the GUI thread."""

    idle = Signal()  # every job has reported back

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._ids = itertools.count(1)
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[str], None] | None = None) -> int:
        job_id = next(self._ids)
        self._waiting[job_id] = (on_done, on_error)
        self._pool.start(_Job(job_id, work, self._on_job_finished))
        return job_id

    def forget_all(self) -> None:
        """Answers still on their way are dropped (the app is closing)."""
        self._waiting.clear()

    def _on_job_finished(self, job_id: int, result: object, error: object) -> None:
        on_done, on_error = self._waiting.pop(job_id, (None, None))
        if error is None and on_done is not None:
            on_done(result)
        elif error is not None and on_error is not None:
            on_error(str(error))
        if not self._waiting:
            self.idle.emit()
