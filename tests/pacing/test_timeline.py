"""One timeline: live narrated play (on a fake clock), the audio file's pieces and
the length estimate time every bundled story the same way; a mid-line {pause}
is heard where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from touchstory.export.session import session_pieces
from touchstory.pacing.clock import FakeClock
from touchstory.pacing.session import Mode, Session, SpeakRequested
from touchstory.pacing.timeline import timeline
from touchstory.resources import bundled_stories_dir
from touchstory.story.duration import estimate_seconds, reading_seconds
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import load_story

REGISTRY = PackRegistry.default()
STORIES = sorted(bundled_stories_dir().glob("**/*.story"))
FILE_TAP = 4.0  # what a {tap} gives in a file (FORMAT.md section 9)


def _live_seconds(story, pack, tap: float) -> float:
    """Play the story hands-free on a fake clock: each spoken part takes its gentle
    reading time, a tap comes `tap` s after the session starts waiting for it."""
    clock = FakeClock(0.0)
    s = Session(story, pack, clock, mode=Mode.NARRATED)
    said: list[tuple[int, float]] = []
    s.subscribe(lambda e: said.append((s.clip_of(e.step.index, e.part), reading_seconds(e.text)))
                if isinstance(e, SpeakRequested) else None)
    s.start()
    start = clock.now()
    s.accept()
    for _ in range(100000):
        if s.ended:
            break
        if said:
            clip, seconds = said.pop(0)
            clock.advance(seconds)
            s.speech_finished(clip)
        elif s.waiting_for_tap:
            # A tap that ends the line comes once the stroke has had its time.
            at_end = s.step.times is not None and not s._mid_line
            clock.advance(tap + (s.step.times.dwell if at_end else 0.0))
            s.tap()
        else:
            left = s.time_until_advance()
            assert left is not None, f"{story.path}: stuck at step {s.index}"
            clock.advance(left)
            s.tick()
    return clock.now() - start  # the question's words are said in the queue too


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.parent.name)
def test_live_file_and_estimate_agree(path: Path):
    story = load_story(path, REGISTRY).story
    assert story is not None
    pack = REGISTRY.get(story.meta.pack)
    plan = timeline(story, pack)
    thanks = reading_seconds(plan.thanks) if plan.thanks else 0.0
    live = _live_seconds(story, pack, FILE_TAP) + thanks
    pieces = session_pieces(story, pack)
    extras = (3.0 if plan.ask else 0.0) + (2.0 if plan.thanks else 0.0)  # answer time, thank-you hold
    in_file = sum(reading_seconds(p.text) + p.hold for p in pieces) - extras
    assert live == pytest.approx(plan.seconds(tap=FILE_TAP), abs=1e-6)
    assert in_file == pytest.approx(plan.seconds(tap=FILE_TAP), abs=1e-6)
    assert estimate_seconds(story, pack) == pytest.approx(plan.seconds(tap=2.0), abs=1e-6)


def test_a_mid_line_pause_is_heard_where_it_is_written(tmp_path: Path):
    path = tmp_path / "t.story"
    path.write_text("title: T\nask:\nthanks:\n[calm] The sun went down. {pause 2s} And slept.\n", "utf-8")
    story = load_story(path, REGISTRY).story
    clock = FakeClock(0.0)
    s = Session(story, REGISTRY.get(story.meta.pack), clock, mode=Mode.NARRATED)
    said = []
    s.subscribe(lambda e: said.append(e.text) if isinstance(e, SpeakRequested) else None)
    s.start()
    assert said == ["The sun went down."]
    s.speech_finished(0)
    clock.advance(1.9)
    s.tick()
    assert said == ["The sun went down."], "the pause waits before the rest is said"
    clock.advance(0.2)
    s.tick()
    assert said == ["The sun went down.", "And slept."]
