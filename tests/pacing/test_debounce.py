"""One press never moves two lines: bounces within 250 ms are dropped."""

from __future__ import annotations

import pytest

from touchstory.pacing.clock import FakeClock
from touchstory.pacing.debounce import BOUNCE_SECONDS, Debouncer


def test_first_press_counts_and_a_quick_second_is_a_bounce():
    clock = FakeClock()
    d = Debouncer(clock)
    assert d.accept("next")
    clock.advance(0.01)
    assert not d.accept("next")
    clock.advance(0.2)
    assert not d.accept("next")  # 210 ms after the first press
    clock.advance(0.05)
    assert d.accept("next")  # 260 ms


def test_timing_runs_from_the_last_accepted_press():
    clock = FakeClock()
    d = Debouncer(clock)
    accepted = []
    for _ in range(12):  # a switch chattering every 100 ms
        accepted.append(d.accept("next"))
        clock.advance(0.1)
    assert accepted == [True, False, False] * 4


def test_a_steady_reader_is_never_ignored():
    clock = FakeClock()
    d = Debouncer(clock)
    for _ in range(20):
        assert d.accept("next")
        clock.advance(0.3)


def test_kinds_are_separate():
    clock = FakeClock()
    d = Debouncer(clock)
    assert d.accept("next")
    assert d.accept("back")
    assert not d.accept("next")
    d.reset()
    assert d.accept("next")


def test_window_is_250_ms_and_must_not_be_negative():
    assert BOUNCE_SECONDS == 0.25
    with pytest.raises(ValueError):
        Debouncer(FakeClock(), -1)
    assert Debouncer(FakeClock(), 0).window == 0


def test_a_press_exactly_a_quarter_second_later_counts():
    # The window is "less than 250 ms": a reader's press at exactly 250 ms is real.
    clock = FakeClock(0.0)
    d = Debouncer(clock)
    assert d.accept("next")
    clock.advance(0.25)
    assert d.accept("next")
    clock.advance(0.125)
    assert not d.accept("next")
