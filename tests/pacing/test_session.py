"""The session state machine on a fake clock: what the adult sees step by step,
in read-aloud, narrated and follow modes."""

from __future__ import annotations

import pytest

from touchstory.pacing.clock import FakeClock
from touchstory.pacing.session import (
    EndReason, Finished, FollowReady, Mode, ModeChanged, PausedChanged, Phase, Session, SpeakRequested,
    StepChanged, StepKind, WaitingForTap,
)

STORY = """title: T
[calm] Once upon a time.
[circle x2] The sun went round.
[sprinkle] Rain fell. {pause 2s}
[drum] Knock knock. {tap}
[walk x3] Home we go.
"""


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def make(parse, packs, clock):
    def _make(text: str = STORY, **kwargs) -> tuple[Session, list]:
        story = parse(text).story
        session = Session(story, packs[story.meta.pack], clock, **kwargs)
        events: list = []
        session.subscribe(events.append)
        return session, events

    return _make


def kinds(events):
    return [type(e).__name__ for e in events]


def test_opens_with_permission_and_ends_with_thanks(make):
    s, events = make()
    assert [st.kind for st in s.steps] == [StepKind.ASK] + [StepKind.LINE] * 5 + [StepKind.THANKS]
    s.start()
    assert s.phase is Phase.ASKING and s.step.text == "Would you like a story massage?"
    s.accept()
    assert s.phase is Phase.PLAYING and s.step.line_number == 1
    for _ in range(5):
        s.next()
    assert s.step.kind is StepKind.THANKS and s.phase is Phase.ENDED
    assert events[-1] == Finished(EndReason.COMPLETED)


def test_not_now_ends_gently(make):
    s, events = make()
    s.start()
    s.decline()
    assert s.ended and s.end_reason is EndReason.DECLINED and events[-1] == Finished(EndReason.DECLINED)
    s.next()
    assert kinds(events).count("StepChanged") == 1, "nothing moves after the end"


def test_stop_at_any_time(make):
    s, events = make()
    s.start(); s.accept(); s.next()
    s.stop()
    assert s.end_reason is EndReason.STOPPED and events[-1] == Finished(EndReason.STOPPED)


def test_own_ask_and_no_thanks_are_not_doubled(make):
    s, _ = make("title: T\nask: May I?\nthanks: none\n[calm] Hi.\n")
    assert [(st.kind, st.text) for st in s.steps] == [(StepKind.ASK, "May I?"), (StepKind.LINE, "Hi.")]
    s.start(); s.accept(); s.next()
    assert s.end_reason is EndReason.COMPLETED


def test_no_permission_card_starts_on_the_first_line(make):
    s, _ = make("title: T\nask: none\n[calm] Hi.\n")
    s.start()
    assert s.phase is Phase.PLAYING and s.step.text == "Hi."


# -- read-aloud navigation -----------------------------------------------------
@pytest.mark.parametrize("keys, line_number, phase", [
    ("n", 1, Phase.PLAYING),            # next on the permission card = yes
    ("nn", 2, Phase.PLAYING),
    ("nnb", 1, Phase.PLAYING),
    ("nbb", 0, Phase.ASKING),           # back from the first line asks again
    ("nE", 5, Phase.PLAYING),           # End: last line, not past it
    ("nnnH", 1, Phase.PLAYING),         # Home: first line
    ("nEn", 0, Phase.ENDED),            # after the last line comes the thank-you
    ("t", 1, Phase.PLAYING),            # a tap on the card is yes too
    ("ttt", 3, Phase.PLAYING),
])
def test_read_aloud_keys(make, keys, line_number, phase):
    s, _ = make()
    s.start()
    actions = {"n": s.next, "b": s.back, "E": s.end, "H": s.home, "t": s.tap}
    for key in keys:
        actions[key]()
    assert (s.step.line_number, s.phase) == (line_number, phase)


def test_read_aloud_never_moves_by_itself(make, clock):
    s, _ = make()
    s.start(); s.accept()
    clock.advance(600); s.tick()
    assert s.step.line_number == 1


# -- narrated mode -------------------------------------------------------------
def test_narrated_speaks_then_waits_the_stroke_time(make, clock, packs):
    s, events = make(mode=Mode.NARRATED)
    s.start()
    assert isinstance(events[-1], SpeakRequested) and events[-1].step.kind is StepKind.ASK
    clock.advance(30); s.tick()
    assert s.phase is Phase.ASKING, "permission is never assumed"
    s.accept()
    assert events[-1] == SpeakRequested(s.step)
    clock.advance(1.5); s.speech_finished(s.index)  # "Once upon a time." spoken
    calm = packs["story"]["calm"].tempo
    clock.advance(calm - 0.01); s.tick()
    assert s.step.line_number == 1
    clock.advance(0.02); s.tick()
    assert s.step.line_number == 2
    s.speech_finished(s.index)
    clock.advance(2 * packs["story"]["circle"].tempo); s.tick()
    assert s.step.line_number == 3


def test_narrated_adds_written_pauses_and_waits_for_tap(make, clock, packs):
    s, events = make(mode=Mode.NARRATED)
    s.start(); s.accept(); s.next(); s.next()  # line 3: sprinkle with {pause 2s}
    s.speech_finished(s.index)
    clock.advance(packs["story"]["sprinkle"].tempo + 1.9); s.tick()
    assert s.step.line_number == 3
    clock.advance(0.2); s.tick()
    assert s.step.line_number == 4
    s.speech_finished(s.index)
    assert isinstance(events[-1], WaitingForTap) and s.waiting_for_tap
    clock.advance(120); s.tick()
    assert s.step.line_number == 4, "a {tap} always waits, even hands-free"
    s.tap()
    assert s.step.line_number == 5


def test_narrated_tap_pauses_and_resumes(make, clock, packs):
    s, events = make(mode=Mode.NARRATED)
    s.start(); s.accept(); s.next()  # circle x2: 6 s after speech
    s.speech_finished(s.index)
    clock.advance(2); s.tap()
    assert s.paused and events[-1] == PausedChanged(True)
    clock.advance(60); s.tick()
    assert s.step.line_number == 2
    s.tap()
    assert not s.paused and s.time_until_advance() == pytest.approx(2 * packs["story"]["circle"].tempo - 2)
    clock.advance(4.01); s.tick()
    assert s.step.line_number == 3


def test_narrated_next_and_back_still_work_and_stale_speech_is_ignored(make, clock):
    s, events = make(mode=Mode.NARRATED)
    s.start(); s.accept()
    first = s.index
    s.next()
    assert isinstance(events[-1], SpeakRequested) and events[-1].step.line_number == 2
    s.speech_finished(first)  # the old line's audio ending must not move anything
    clock.advance(100); s.tick()
    assert s.step.line_number in (2, 3)  # at most the current line's own timing
    s.back()
    assert s.step.line_number in (1, 2)


def test_narrated_goes_on_if_speech_never_reports(make, clock):
    s, _ = make(mode=Mode.NARRATED)
    s.start(); s.accept()
    clock.advance(60); s.tick()
    clock.advance(60); s.tick()
    assert s.step.line_number >= 2, "a lost audio callback must not freeze the story"


def test_pace_setting_scales_stroke_time(make, clock, packs):
    s, _ = make(mode=Mode.NARRATED, pace=2.0)
    s.start(); s.accept(); s.next()
    s.speech_finished(s.index)
    assert s.time_until_advance() == pytest.approx(2 * 2 * packs["story"]["circle"].tempo)


def test_no_voice_uses_reading_time(make, clock):
    s, events = make(mode=Mode.NARRATED, narration_available=False)
    s.start(); s.accept()
    assert not any(isinstance(e, SpeakRequested) for e in events)
    clock.advance(60); s.tick(); s.tick()
    assert s.step.line_number == 2


# -- follow my pace -----------------------------------------------------------------
class StubPace:
    def __init__(self):
        self.observed = []

    @property
    def ready(self):
        return len(self.observed) >= 2

    def observe(self, interval, weight):
        self.observed.append((interval, weight))

    def expected_interval(self, weight):
        return 1.5 * weight


def test_follow_learns_from_taps_then_carries_on_until_the_next_tap(make, clock):
    pace = StubPace()
    s, events = make(pace_model=pace)
    s.start(); s.accept()
    s.set_mode(Mode.FOLLOW)
    assert s.mode is Mode.READ_ALOUD, "follow needs a learned pace first"
    clock.advance(4); s.next()
    assert pace.observed == [], "the first line was entered by Yes, not by a paced tap"
    clock.advance(5); s.next()
    clock.advance(6); s.next()
    assert [round(i) for i, _ in pace.observed] == [5, 6]
    assert FollowReady(True) in events
    s.set_mode(Mode.FOLLOW)
    assert ModeChanged(Mode.FOLLOW) in events and s.mode is Mode.FOLLOW
    assert s.step.line_number == 4 and s.waiting_for_tap, "{tap} still waits in follow mode"
    s.tap()
    assert s.mode is Mode.READ_ALOUD and s.step.line_number == 5


def test_follow_auto_advances_at_the_learned_interval(make, clock):
    pace = StubPace()
    pace.observed = [(1, 1), (1, 1)]
    s, _ = make(pace_model=pace)
    s.start(); s.accept()
    s.set_mode(Mode.FOLLOW)
    due = s.time_until_advance()
    assert due == pytest.approx(1.5 * s.weight(s.step))
    clock.advance(due + 0.01); s.tick()
    assert s.step.line_number == 2 and s.mode is Mode.FOLLOW


def test_events_name_the_previous_step(make):
    s, events = make()
    s.start(); s.accept()
    changes = [e for e in events if isinstance(e, StepChanged)]
    assert [(c.previous_index, c.step.index) for c in changes] == [(None, 0), (0, 1)]


def test_narrated_pause_while_speaking_says_the_line_again_on_resume(make, clock, packs):
    """A tap while the voice is speaking pauses (the shell hushes the voice); the
    audio ending while paused changes nothing; on resume the line is said again
    from its start, and after those words the stroke time follows as usual."""
    s, events = make(mode=Mode.NARRATED)
    s.start(); s.accept(); s.next()  # line 2, circle x2, being spoken
    speaking = s.index
    clock.advance(1.0); s.tap()
    assert s.paused
    s.speech_finished(speaking)  # a late end of the hushed clip
    clock.advance(300); s.tick()
    assert s.step.line_number == 2, "paused means paused, however long the chat"
    events.clear()
    s.tap()
    assert not s.paused
    assert [type(e) for e in events] == [PausedChanged, SpeakRequested]
    assert events[-1].step.line_number == 2
    s.speech_finished(speaking)
    assert s.time_until_advance() == pytest.approx(2 * packs["story"]["circle"].tempo)
    clock.advance(2 * packs["story"]["circle"].tempo + 0.01); s.tick()
    assert s.step.line_number == 3
