"""The group session on a fake clock: what the class sees click by click, covering
the projector (blank, cards), the round timer, narration and the times shown."""

from __future__ import annotations

import pytest

from touchstory.pacing.clock import FakeClock
from touchstory.pacing.group import (
    MOVE_ON_SECONDS,
    BlankChanged,
    GroupSession,
    MoveOnChanged,
    OverlayChanged,
    PaceChanged,
    PlanChanged,
    RoundEnded,
    SlideChanged,
    Speak,
)
from touchstory.pacing.plan import Formation, StepKind, default_plan, parse_plan
from touchstory.pacing.slides import INCLUSION_TEXT, Overlay, SlideKind
from touchstory.pacing.session import (
    EndReason,
    Finished,
    Mode,
    ModeChanged,
    PausedChanged,
)
from touchstory.story.duration import reading_seconds
from touchstory.story.parser import parse_story

STORY = """title: Rain
note: Sit behind your partner.
[calm] Hello, rain.
[sprinkle x3] Drip, drip, drip.
[circle x2] The sun comes out.
"""


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def story(packs, tmp_path):
    path = tmp_path / "rain" / "rain.story"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    return parse_story(STORY, path, packs).story


@pytest.fixture
def make(story, packs, clock):
    def _make(formation=Formation.PAIRS, round_seconds=None, plan=None, **kwargs):
        plan = plan or default_plan(story, formation, round_seconds)
        group = GroupSession(plan, {story.path: story}, packs, clock, **kwargs)
        events: list = []
        group.subscribe(events.append)
        group.start()
        return group, events

    return _make


def texts(group: GroupSession, clicks: int) -> list[tuple[str, str]]:
    seen = []
    for _ in range(clicks):
        slide = group.slide
        seen.append((slide.kind.value, slide.text))
        group.next()
    return seen


def test_the_usual_plan_click_by_click(make):
    group, events = make()
    assert texts(group, 19) == [
        ("card", "Sit with your partner, one behind the other. Hands still, eyes on me."),
        ("stroke", "Calm"), ("stroke", "Sprinkle"), ("stroke", "Circle"),
        ("card", "Ask your partner: may I give you a story massage?"),
        ("line", "Hello, rain."), ("line", "Drip, drip, drip."), ("line", "The sun comes out."),
        ("card", "Say thank you to your partner."),
        ("card", "Thank your partner, turn around, and swap."),
        ("card", "Ask your partner: may I give you a story massage?"),
        ("line", "Hello, rain."), ("line", "Drip, drip, drip."), ("line", "The sun comes out."),
        ("card", "Say thank you to your partner."),
        ("card", "Hands in your lap. Breathe in slowly… and out. Well done, everyone."),
        ("end", "Thank you, everyone."), ("end", "Thank you, everyone."), ("end", "Thank you, everyone."),
    ]
    assert group.ended and events[-1] == Finished(EndReason.COMPLETED)
    # the story's own "Would you like a story massage?" is not doubled: the plan asks
    assert not any(isinstance(e, SlideChanged) and "Would you like" in e.slide.text for e in events)


def test_a_story_line_slide_carries_what_the_projector_needs(make, story):
    group, _ = make()
    group.goto(3)
    group.next()
    slide = group.slide
    assert (slide.kind, slide.text, slide.heading, slide.number, slide.count) == (
        SlideKind.LINE, "Drip, drip, drip.", "Rain", 2, 3)
    assert slide.stroke.id == "sprinkle" and slide.repeats == 3 and slide.area.value == "back"
    group.home()
    assert group.slide.notes == ("Sit behind your partner.",)  # the story's note, for the teacher


def test_watch_me_shows_each_stroke_of_the_story_with_its_how_to(make):
    group, _ = make()
    group.next()
    slide = group.slide
    assert (slide.kind, slide.heading, slide.text, slide.number, slide.count) == (
        SlideKind.STROKE, "Watch me", "Calm", 1, 3)
    assert slide.how and slide.stroke.id == "calm"


def test_back_walks_back_through_steps(make):
    group, _ = make()
    for _ in range(5):
        group.next()
    assert group.slide.text == "Hello, rain."
    group.back()
    assert group.slide.text.startswith("Ask your partner")
    group.back()
    assert (group.slide.kind, group.slide.text) == (SlideKind.STROKE, "Circle")  # the last stroke shown
    group.next()
    group.next()
    group.end()
    assert group.slide.text == "The sun comes out."
    group.home()
    assert group.slide.text == "Hello, rain."
    group.back()
    group.back()
    group.back()
    group.back()
    group.back()
    assert group.step_index == 0
    group.back()  # nothing before the first step
    assert group.step_index == 0


def test_the_console_sees_what_comes_next(make):
    group, _ = make()
    assert group.next_slide().text == "Calm"
    group.goto(3)
    group.end()
    assert group.next_slide().text == "Say thank you to your partner."
    group.goto(9)
    assert group.next_slide().kind is SlideKind.END
    group.next()
    assert group.next_slide() is None


def test_blank_hides_and_the_next_click_only_uncovers(make):
    group, events = make()
    events.clear()
    group.toggle_blank()
    assert group.blanked and events == [BlankChanged(True)]
    group.next()
    assert not group.blanked and group.step_index == 0 and group.slide.kind is SlideKind.CARD
    group.next()
    assert group.slide.text == "Calm"
    group.toggle_blank()
    group.back()
    assert not group.blanked and group.slide.text == "Calm"


def test_cards_one_key_each(make):
    group, events = make()
    events.clear()
    group.toggle_overlay(Overlay.SOFTER)
    group.toggle_overlay(Overlay.STOP)
    group.toggle_overlay(Overlay.STOP)
    assert events == [OverlayChanged(Overlay.SOFTER), OverlayChanged(Overlay.STOP), OverlayChanged(None)]
    assert Overlay.INCLUSION.text == INCLUSION_TEXT and Overlay.FIRMER.text == "Firmer"
    group.toggle_overlay(Overlay.INCLUSION)
    group.next()  # takes the card down only
    assert group.overlay is None and group.step_index == 0
    group.toggle_blank()
    group.toggle_overlay(Overlay.YES)  # a card on a blank projector shows the card
    assert not group.blanked and group.overlay is Overlay.YES
    group.toggle_blank()  # blanking takes the card down too
    assert group.blanked and group.overlay is None


def go_to_story(group: GroupSession) -> None:
    group.goto(next(i for i, s in enumerate(group.plan.steps) if s.kind is StepKind.STORY))


def test_round_timer_says_move_on_every_n_seconds(make, clock):
    group, events = make(Formation.CIRCLE, 45)
    clock.advance(100)
    group.tick()
    assert not any(isinstance(e, RoundEnded) for e in events)  # only during a story
    go_to_story(group)
    events.clear()
    clock.advance(44.9)
    group.tick()
    assert group.round_left() == pytest.approx(0.1) and events == []
    clock.advance(0.1)
    group.tick()
    assert events == [RoundEnded(1), MoveOnChanged(True)] and group.move_on_visible
    assert group.round_number == 2 and group.round_left() == pytest.approx(45)
    clock.advance(MOVE_ON_SECONDS)
    group.tick()
    assert events[-1] == MoveOnChanged(False)
    group.next()  # a new line does not restart the round
    clock.advance(45 - MOVE_ON_SECONDS - 0.1)
    group.tick()
    assert RoundEnded(2) not in events
    clock.advance(0.1)
    group.tick()
    assert RoundEnded(2) in events


def test_round_timer_waits_while_paused_or_blank(make, clock):
    group, events = make(Formation.LINE, 30)
    go_to_story(group)
    clock.advance(20)
    group.set_paused(True)
    clock.advance(100)
    group.tick()
    group.set_paused(False)
    group.toggle_blank()
    clock.advance(100)
    group.tick()
    group.toggle_blank()
    assert group.round_left() == pytest.approx(10) and not any(isinstance(e, RoundEnded) for e in events)
    clock.advance(10)
    group.tick()
    assert RoundEnded(1) in events


def test_round_timer_is_off_for_pairs_and_restarts_each_story(make, clock):
    group, events = make(Formation.PAIRS, 30)
    go_to_story(group)
    clock.advance(120)
    group.tick()
    group.move_on_now()
    assert group.round_left() is None and not any(isinstance(e, RoundEnded) for e in events)
    group.set_formation(Formation.CIRCLE)
    assert isinstance(events[-2], PlanChanged) and group.round_left() == pytest.approx(30)
    assert group.slide.kind is SlideKind.LINE
    clock.advance(20)
    group.move_on_now()  # the teacher calls it early
    assert RoundEnded(1) in events and group.round_left() == pytest.approx(30)
    group.goto(7)
    assert group.round_number == 1 and group.round_left() == pytest.approx(30)


def test_formation_changes_the_words(make):
    group, events = make()
    group.goto(2)
    group.set_formation(Formation.CIRCLE)
    assert group.slide.text == "Ask the person in front: may I give you a story massage?"
    assert events[-1] == SlideChanged(group.slide)
    group.goto(0)
    assert group.slide.text.startswith("Sit in our circle")


def test_plan_words_and_settle_countdown(packs, clock, story, tmp_path):
    text = f"title: T\nsettle: 1 min | Find your space.\npermission: Ready?\nstory: {story.path}\n"
    plan = parse_plan(text, tmp_path / "p.plan", packs).plan
    group = GroupSession(plan, {story.path: story}, packs, clock)
    group.start()
    assert group.slide.text == "Find your space." and group.slide.seconds == 60
    clock.advance(25)
    assert group.step_time_left() == pytest.approx(35)
    clock.advance(100)
    assert group.step_time_left() == 0
    group.next()
    assert group.slide.text == "Ready?" and group.step_time_left() is None


def test_elapsed_and_remaining_time(make, clock, packs, story):
    group, _ = make()
    total = group.remaining()
    assert total == pytest.approx(sum(group.step_seconds(i) for i in range(len(group.plan.steps))))
    clock.advance(30)
    assert group.elapsed() == 30 and group.remaining() == pytest.approx(total - 30)  # the settle step is counting
    go_to_story(group)
    before = group.remaining()
    group.next()
    pack = packs["story"]
    first_line = story.lines()[0][1]
    assert group.remaining() == pytest.approx(before - group.line_seconds(first_line, pack))
    group.set_pace(1.5)
    assert group.remaining() > before - group.line_seconds(first_line, pack)
    group.stop()
    assert group.remaining() == 0


def test_pace_is_kept_within_range(make):
    group, events = make()
    group.set_pace(9)
    group.set_pace(0.1)
    assert events[-2:] == [PaceChanged(2.0), PaceChanged(0.5)]


def test_stop_ends_gently_at_any_time(make):
    group, events = make()
    group.goto(3)
    group.toggle_overlay(Overlay.NO)
    group.stop()
    assert group.ended and group.end_reason is EndReason.STOPPED
    assert group.slide.kind is SlideKind.END and group.slide.text == "That's all for now. Thank you, everyone."
    assert group.overlay is None and events[-1] == Finished(EndReason.STOPPED)
    group.next()
    group.back()
    group.toggle_blank()
    assert group.slide.kind is SlideKind.END


def test_narrated_story_moves_on_by_itself_and_then_to_the_next_step(make, clock, packs):
    group, events = make(mode=Mode.NARRATED)
    go_to_story(group)
    speaks = [e for e in events if isinstance(e, Speak)]
    assert [s.text for s in speaks] == ["Hello, rain."]
    group.speech_finished(speaks[0].token)
    calm = packs["story"]["calm"].tempo
    clock.advance(calm - 0.01)
    group.tick()
    assert group.slide.text == "Hello, rain."  # the teacher's hands still have time for the stroke
    clock.advance(0.02)
    group.tick()
    assert group.slide.text == "Drip, drip, drip."
    stale = speaks[0].token
    group.speech_finished(stale)  # an old line's audio ending does nothing
    assert group.slide.text == "Drip, drip, drip."
    for _ in range(40):
        clock.advance(1)
        group.tick()
        token = [e for e in events if isinstance(e, Speak)][-1].token
        group.speech_finished(token)
    assert group.slide.text == "Say thank you to your partner."  # the plan's step waits for the teacher
    clock.advance(60)
    group.tick()
    assert group.slide.text == "Say thank you to your partner."


def test_blanking_holds_a_narrated_story_and_unblanking_goes_on(make, clock, packs):
    group, events = make(mode=Mode.NARRATED)
    go_to_story(group)
    first = [e for e in events if isinstance(e, Speak)][-1]
    group.set_blank(True)
    assert group.paused and PausedChanged(True) in events  # the voice stops (controller: narrator.stop)
    group.speech_finished(first.token)
    for _ in range(30):  # far longer than the line and its stroke
        clock.advance(1)
        group.tick()
    assert group.slide.text == "Hello, rain."  # nothing went on while the class looked at the teacher
    group.set_blank(False)
    assert not group.paused
    again = [e for e in events if isinstance(e, Speak)][-1]
    assert again.text == "Hello, rain." and again.token != first.token  # the line is said again
    group.speech_finished(again.token)
    clock.advance(packs["story"]["calm"].tempo + 0.01)
    group.tick()
    assert group.slide.text == "Drip, drip, drip."


def test_a_pause_the_teacher_chose_outlasts_a_blank(make, clock):
    group, _ = make(mode=Mode.NARRATED)
    go_to_story(group)
    group.set_paused(True)
    group.set_blank(True)
    group.set_blank(False)
    assert group.paused
    read_aloud, _ = make()
    go_to_story(read_aloud)
    read_aloud.set_blank(True)
    assert not read_aloud.paused  # reading aloud, the teacher holds the pace anyway


def test_narration_gets_on_without_a_voice(make, clock, packs):
    group, events = make(mode=Mode.NARRATED, narration_available=False)
    go_to_story(group)
    assert not any(isinstance(e, Speak) for e in events)
    clock.advance(reading_seconds("Hello, rain.") + packs["story"]["calm"].tempo + 0.01)
    group.tick()
    group.tick()
    assert group.slide.text == "Drip, drip, drip."


def test_pause_and_mode_events(make):
    group, events = make()
    go_to_story(group)
    group.set_paused(True)
    assert group.paused and events[-1] == PausedChanged(True)
    events.clear()
    group.next()  # moving on un-pauses
    assert not group.paused and PausedChanged(False) in events
    group.set_mode(Mode.NARRATED)
    group.set_mode(Mode.FOLLOW)  # follow mode is for one reader, not a class
    assert events[-1] == ModeChanged(Mode.NARRATED) and group.mode is Mode.NARRATED
    assert group.session.mode is Mode.NARRATED
