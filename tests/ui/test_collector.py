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
    keep: list[list[int]] = []
    while gc.get_count()[0] <= gc.get_threshold()[0]:
        keep.append([])
    return keep


def test_the_collector_turns_automatic_collection_off_and_collects_from_its_timer(qapp):
    gc.enable()
    collector = Collector(interval_ms=20)
    try:
        assert not gc.isenabled()
        ref = weakref.ref(_Cyclic())
        keep = _enough_to_set_off_a_collection()
        assert ref() is not None  # nothing collected it behind the event loop's back
        settle(120)
        assert ref() is None  # the timer did, between events
        del keep
    finally:
        collector.stop()
    assert gc.isenabled()  # handed back as it was
    gc.disable()  # as the test suite runs (tests/conftest.py)


def test_collect_now_follows_pythons_thresholds(qapp):
    ref = weakref.ref(_Cyclic())
    keep = _enough_to_set_off_a_collection()
    collect_now()
    assert ref() is None
    del keep
    assert collect_now() == 0  # nothing due: nothing done
