"""Follow-my-pace on synthetic tap sequences: a steady reader, a bounce (double
tap, quick skip), a 30 s chat, a gradual slow-down and a sudden one."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstory.pacing.pace import PaceConfig, PaceEstimator, Tap
from touchstory.pacing.session import PaceModel

WEIGHTS = [4.0, 6.0, 3.0, 5.0, 8.0, 4.5, 3.5, 6.5, 5.0, 4.0, 7.0, 3.0, 5.5, 4.0, 6.0, 5.0] * 3


def tap_through(est: PaceEstimator, ratios: list[float], start: float = 100.0,
                weights: list[float] = WEIGHTS) -> list[Tap]:
    """Tap through lines: the tap after line k comes ratios[k] x its weight later."""
    t = start
    results = [est.feed(t, weights[0])]
    for k, ratio in enumerate(ratios):
        t += ratio * weights[k]
        results.append(est.feed(t, weights[k + 1]))
    return results


def test_steady_reader_is_learned_after_four_intervals() -> None:
    est = PaceEstimator()
    rng = random.Random(4)
    ratios = [1.3 * rng.uniform(0.92, 1.08) for _ in range(10)]
    results = tap_through(est, ratios[:3])
    assert results[0] is Tap.STARTED and not est.ready
    assert (est.learned, est.needed) == (3, 4)
    est.interrupt()  # the parent used "back"; carry on from there
    assert tap_through(est, ratios[3:], start=1000.0)[0] is Tap.STARTED
    assert est.ready
    assert est.factor == pytest.approx(1.3, rel=0.06)
    assert est.expected_interval(5.0) == pytest.approx(6.5, rel=0.06)
    assert est.expected_interval(10.0) == pytest.approx(2 * est.expected_interval(5.0))


def test_a_bounce_changes_nothing() -> None:
    est = PaceEstimator()
    tap_through(est, [1.0] * 6)
    before = est.factor
    t = 1000.0
    est.interrupt()
    assert est.feed(t, 4.0) is Tap.STARTED
    assert est.feed(t + 0.12, 4.0) is Tap.TOO_SHORT  # a double tap
    assert est.feed(t + 0.12 + 0.5, 4.0) is Tap.OUTLIER  # skipped a 4 s line in 0.5 s
    assert est.feed(t + 0.62 + 4.1, 5.0) is Tap.ACCEPTED  # back to normal
    assert est.factor == pytest.approx(before, rel=0.05)


def test_a_30_second_chat_is_ignored() -> None:
    est = PaceEstimator()
    tap_through(est, [1.1] * 6)
    before = est.factor
    est.interrupt()
    assert est.feed(500.0, 4.0) is Tap.STARTED
    assert est.feed(530.0, 4.0) is Tap.TOO_LONG  # stopped to talk about the picture
    assert est.feed(534.4, 4.0) is Tap.ACCEPTED
    assert est.factor == pytest.approx(before, rel=0.02)
    assert est.ready


def test_a_shorter_chat_is_dropped_as_an_outlier() -> None:
    est = PaceEstimator()
    tap_through(est, [1.0] * 6)
    est.interrupt()
    est.feed(0.0, 4.0)
    assert est.feed(14.0, 4.0) is Tap.OUTLIER  # 14 s on a 4 s line: under 20 s, but odd
    assert est.factor == pytest.approx(1.0, rel=0.01)


def test_a_gradual_slow_down_is_followed() -> None:
    est = PaceEstimator()
    ratios = [1.0 + 0.05 * k for k in range(16)]  # 1.0 -> 1.75, a sleepier reader
    results = tap_through(est, ratios)
    assert Tap.OUTLIER not in results
    assert est.factor == pytest.approx(1.6, abs=0.1)  # median of the last seven


def test_a_sudden_sustained_change_is_adopted_after_three_taps() -> None:
    est = PaceEstimator()
    results = tap_through(est, [1.0] * 6 + [2.2, 2.1, 2.3, 2.2])
    assert results[7:11] == [Tap.OUTLIER, Tap.OUTLIER, Tap.CHANGED, Tap.ACCEPTED]
    assert est.factor == pytest.approx(2.2, rel=0.05)
    assert est.ready


def test_outliers_in_opposite_directions_are_not_a_trend() -> None:
    est = PaceEstimator()
    results = tap_through(est, [1.0] * 6 + [2.5, 0.3, 2.5, 0.3])
    assert Tap.CHANGED not in results
    assert est.factor == pytest.approx(1.0)


def test_interrupt_and_reset() -> None:
    est = PaceEstimator()
    tap_through(est, [1.2] * 5)
    est.interrupt()  # the parent pressed "next": no interval across it
    assert est.feed(9999.0, 4.0) is Tap.STARTED
    assert est.ready
    est.reset()
    assert not est.ready and est.factor == 1.0 and est.learned == 0


def test_expected_interval_stays_in_the_trusted_range() -> None:
    est = PaceEstimator()
    assert est.expected_interval(0.0) == pytest.approx(0.5)  # min_weight x factor 1.0
    assert est.expected_interval(60.0) == 20.0


def test_config_is_checked() -> None:
    with pytest.raises(ValueError):
        PaceConfig(min_interval=5, max_interval=1)
    with pytest.raises(ValueError):
        PaceConfig(min_samples=8, window=5)
    with pytest.raises(ValueError):
        PaceConfig(outlier_factor=1.0)


@given(st.lists(st.tuples(st.floats(0.0, 40.0), st.floats(0.0, 15.0)), max_size=60))
def test_any_tap_sequence_gives_a_sane_estimate(taps: list[tuple[float, float]]) -> None:
    est = PaceEstimator()
    t = 0.0
    for gap, weight in taps:
        t += gap
        est.feed(t, weight)
    assert est.factor > 0
    cfg = est.config
    # factor = median of ratios of intervals in [0.25, 20] s over weights in [0.5, 15] s
    assert cfg.min_interval / 15.0 <= est.factor <= cfg.max_interval / cfg.min_weight
    assert cfg.min_interval <= est.expected_interval(5.0) <= cfg.max_interval


def test_observe_is_the_session_interface() -> None:
    est: PaceModel = PaceEstimator()
    for interval in (5.0, 5.5, 4.8, 5.2):
        est.observe(interval, 4.0)
    assert est.ready
    assert est.expected_interval(4.0) == pytest.approx(5.1, rel=0.03)
    assert PaceEstimator().observe(0.1, 4.0) is Tap.TOO_SHORT
    assert PaceEstimator().observe(31.0, 4.0) is Tap.TOO_LONG
