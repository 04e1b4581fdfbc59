"""Render-ahead: the current line first, then the next ones; a jump drops the
stale queue; a tap finds its line already rendered."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tests.speech.conftest import EN
from touchstory.errors import SpeechError
from touchstory.speech.engine import RenderedLine, VoiceSettings
from touchstory.speech.fake import FakeSpeechEngine
from touchstory.speech.prefetch import Prefetcher

STORY = [f"Line {n}: the little boat rocks on the sea." for n in range(12)]


def _wait_until(predicate, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


@pytest.fixture
def prefetcher(fake_engine: FakeSpeechEngine):
    p = Prefetcher(fake_engine, EN, lookahead=3)
    yield p
    p.close()


def test_focus_renders_current_line_first_then_the_next_three(
    fake_engine: FakeSpeechEngine, prefetcher: Prefetcher
) -> None:
    prefetcher.set_lines(STORY)
    prefetcher.focus(4)
    for i in range(4, 8):
        assert prefetcher.wait(i, 5) is not None
    time.sleep(0.05)
    assert fake_engine.rendered == STORY[4:8]
    assert prefetcher.get(8) is None and prefetcher.get(3) is None


def test_get_is_non_blocking_and_a_tap_is_a_lookup(
    fake_engine: FakeSpeechEngine, prefetcher: Prefetcher
) -> None:
    fake_engine.delay = 0.2  # slow synthesis
    prefetcher.set_lines(STORY)
    start = time.perf_counter()
    assert prefetcher.get(0) is None
    prefetcher.focus(0)
    assert prefetcher.get(0) is None
    assert time.perf_counter() - start < 0.05, "focus/get must not wait for synthesis"
    assert prefetcher.wait(1, 5) is not None
    t = time.perf_counter()
    prefetcher.focus(1)  # the tap
    line = prefetcher.get(1)
    assert line is not None and line.text == STORY[1]
    assert time.perf_counter() - t < 0.005


def test_a_jump_cancels_queued_work(fake_engine: FakeSpeechEngine) -> None:
    gate = threading.Event()
    fake_engine.gate = gate
    started = threading.Event()
    original = fake_engine.render

    def render(text: str, voice: VoiceSettings) -> RenderedLine:
        started.set()
        return original(text, voice)

    fake_engine.render = render  # type: ignore[method-assign]
    prefetcher = Prefetcher(fake_engine, EN, lookahead=3)
    try:
        prefetcher.set_lines(STORY)
        prefetcher.focus(0)
        assert started.wait(2)  # line 0 is being rendered (held at the gate)
        prefetcher.focus(8)  # the reader jumps ahead
        assert prefetcher.pending == (8, 9, 10, 11)
        gate.set()
        assert prefetcher.wait(11, 5) is not None
        time.sleep(0.05)
        # Line 0 was already in progress and is kept; 1-3 were never rendered.
        assert fake_engine.rendered == [STORY[i] for i in (0, 8, 9, 10, 11)]
        assert prefetcher.get(0) is not None and prefetcher.get(1) is None
    finally:
        prefetcher.close()


def test_on_ready_is_called_from_the_prefetch_thread(
    fake_engine: FakeSpeechEngine, prefetcher: Prefetcher
) -> None:
    calls: list[tuple[int, str, str]] = []
    done = threading.Event()

    def on_ready(index: int, line: RenderedLine) -> None:
        calls.append((index, line.text, threading.current_thread().name))
        if index == 2:
            done.set()

    prefetcher.on_ready = on_ready
    prefetcher.set_lines(STORY[:3])
    prefetcher.focus(0)
    assert done.wait(5)
    assert [(i, t) for i, t, _ in calls] == [(0, STORY[0]), (1, STORY[1]), (2, STORY[2])]
    assert all(name == "speech-prefetch" for _, _, name in calls)


def test_refrains_are_rendered_once(fake_engine: FakeSpeechEngine, prefetcher: Prefetcher) -> None:
    chorus = "Row, row, row, gently home."
    lines = ["The tide comes in.", chorus, "The gulls call out.", chorus]
    ready: list[int] = []
    prefetcher.on_ready = lambda i, line: ready.append(i)
    prefetcher.set_lines(lines)
    prefetcher.focus(0)
    assert prefetcher.wait(3, 5) is not None
    _wait_until(lambda: len(ready) == 4)
    assert fake_engine.rendered.count(chorus) == 1
    assert prefetcher.get(1) == prefetcher.get(3)
    assert sorted(ready) == [0, 1, 2, 3]


def test_new_settings_re_render_from_the_current_line(
    fake_engine: FakeSpeechEngine, prefetcher: Prefetcher
) -> None:
    prefetcher.set_lines(STORY)
    prefetcher.focus(2)
    assert prefetcher.wait(5, 5) is not None
    bedtime = VoiceSettings(None, "en-GB", 125, 1.0)
    prefetcher.set_settings(bedtime)
    assert prefetcher.get(2) is None  # old renderings are dropped at once
    line = prefetcher.wait(2, 5)
    assert line is not None
    assert line.duration > fake_engine.render(STORY[2], EN).duration * 1.2


def test_failures_are_reported_and_do_not_stop_the_rest(
    fake_engine: FakeSpeechEngine, prefetcher: Prefetcher
) -> None:
    fake_engine.fail_texts = {STORY[1]}
    errors: list[tuple[int, SpeechError]] = []
    prefetcher.on_error = lambda i, e: errors.append((i, e))
    prefetcher.set_lines(STORY)
    prefetcher.focus(0)
    assert prefetcher.wait(3, 5) is not None
    assert prefetcher.wait(1, 1) is None
    assert [i for i, _ in errors] == [1]
    assert isinstance(prefetcher.error(1), SpeechError)
    prefetcher.focus(1)  # a failed line is not retried in a loop
    time.sleep(0.05)
    assert fake_engine.rendered.count(STORY[1]) == 1


def test_a_broken_listener_does_not_stop_render_ahead(
    fake_engine: FakeSpeechEngine, prefetcher: Prefetcher
) -> None:
    def boom(index: int, line: RenderedLine) -> None:
        raise RuntimeError("listener bug")

    prefetcher.on_ready = boom
    prefetcher.set_lines(STORY)
    prefetcher.focus(0)
    assert prefetcher.wait(3, 5) is not None


def test_new_story_drops_old_work_and_focus_checks_range(
    fake_engine: FakeSpeechEngine, prefetcher: Prefetcher, tmp_path: Path
) -> None:
    prefetcher.set_lines(STORY)
    prefetcher.focus(0)
    assert prefetcher.wait(0, 5) is not None
    other = ["A new story begins.", "It is short."]
    prefetcher.set_lines(other)
    assert prefetcher.get(0) is None
    with pytest.raises(IndexError):
        prefetcher.focus(2)
    prefetcher.focus(0)
    assert prefetcher.wait(1, 5).text == "It is short."


def test_close_stops_the_thread(fake_engine: FakeSpeechEngine) -> None:
    prefetcher = Prefetcher(fake_engine, EN)
    prefetcher.set_lines(STORY)
    prefetcher.close()
    prefetcher.focus(0)  # harmless after close
    assert not prefetcher.running


def test_opening_a_story_warms_the_engine_up(fake_engine: FakeSpeechEngine) -> None:
    prefetcher = Prefetcher(fake_engine, EN)
    try:
        assert not fake_engine.warmed_up
        prefetcher.set_lines(STORY)
        _wait_until(lambda: fake_engine.warmed_up)
        assert fake_engine.rendered == []  # nothing is rendered before play
    finally:
        prefetcher.close()
