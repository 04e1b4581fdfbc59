"""Python's cyclic garbage collector runs only from the event loop, never in the
middle of Qt painting a window it would delete (that crashed CI)."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QWidget

from screenshots.helpers import settle
from touchstory.ui.collector import Collector, collect_now


class _Cyclic(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.me = self  # a window kept alive only by its own reference cycle


def _enough_to_set_off_a_collection() -> list[list[int]]:
    """Objects kept alive, well past the young generation's threshold, so that what
    is freed meanwhile can't bring the count back under it. Bounded: the caller
    must have automatic collection off (it would reset the count)."""
    assert not gc.isenabled()
    keep: list[list[int]] = []
    for _ in range(200_000):
        if gc.get_count()[0] > 3 * gc.get_threshold()[0]:
            return keep
        keep.append([])
    raise AssertionError(f"the collector's count never rose: {gc.get_count()}")


def test_the_collector_turns_automatic_collection_off_and_collects_from_its_timer(qapp):
    gc.enable()
    collector = Collector(interval_ms=20)
    try:
        assert not gc.isenabled()
        ref = weakref.ref(_Cyclic())
        keep = _enough_to_set_off_a_collection()
        assert ref() is not None  # nothing collected it behind the event loop's back
        settle(150)
        assert ref() is None  # the timer did, between events
        del keep
    finally:
        collector.stop()
        assert gc.isenabled()  # handed back as it was
        gc.disable()  # as the test suite runs (tests/conftest.py)


def test_collect_now_follows_pythons_thresholds(qapp):
    gc.disable()
    collect_now(full=True)
    ref = weakref.ref(_Cyclic())
    assert collect_now() == 0 and ref() is not None  # nothing due: nothing done
    keep = _enough_to_set_off_a_collection()
    collect_now()
    assert ref() is None
    del keep
