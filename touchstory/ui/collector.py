"""Python's cyclic garbage collector, run only from the event loop.

A window nobody refers to any more (a closed player, say) is often kept alive
only by a reference cycle of its own (a signal connected to its own method).
Left to itself, Python collects such cycles whenever enough objects have been
made, which can be in the middle of Qt painting that very window (Python code
runs inside paintEvent): its widgets are deleted under Qt's feet and the app
dies with a segmentation fault. This was seen in CI, and reproduced by closing
players quickly while their pictures were drawn.

So the automatic collector is turned off, and `Collector` runs it from a timer
instead, with Python's own thresholds, where deleting a widget is as safe as
`deleteLater()`. Tests call `collect_now()` between tests.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500  # a young-generation pass costs well under a millisecond


def collect_now(*, full: bool = False) -> int:
    """Collect what is due (by Python's thresholds), or everything if `full`.
    Call only where no Qt event is being handled further up the stack."""
    if full:
        return gc.collect()
    thresholds, counts = gc.get_threshold(), gc.get_count()
    generation = -1
    for level in range(3):
        if counts[level] > thresholds[level]:
            generation = level
    return gc.collect(generation) if generation >= 0 else 0


class Collector(QObject):
    """While it exists the automatic collector is off and this collects instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        collect_now()

    def stop(self) -> None:
        """Collect once more and hand collection back to Python."""
        self._timer.stop()
        collect_now(full=True)
        if self._was_enabled:
            gc.enable()


_installed: Collector | None = None


def install(parent: QObject | None = None) -> Collector:
    """The app's collector (made once; pass the QApplication as parent)."""
    global _installed
    if _installed is None:
        _installed = Collector(parent)
    return _installed


__all__ = ["Collector", "collect_now", "install"]
