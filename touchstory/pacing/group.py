"""The group session: a class working through a plan with the teacher's clicker.

Each plan step shows one or more slides: a card of words for the class (settle,
ask first, thank you, swap, calm close), each stroke of a story big for "watch
me", or the story's lines (driven by a story `Session` inside the step). Blank
and the symbol / inclusion cards cover the slide; the first click uncovers it.
For a line or circle a round timer says "move on" every N seconds. Qt-free: the
clock is injected and the shell listens to small events, as with `Session`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from touchstory.pacing import session as story_session
from touchstory.pacing.clock import Clock
from touchstory.pacing.group_events import (  # the events are part of this module's interface
    BlankChanged,
    Event,
    MoveOnChanged,
    OverlayChanged,
    PaceChanged,
    PlanChanged,
    RoundEnded,
    SlideChanged,
    Speak,
)
from touchstory.pacing.plan import Formation, Plan, PlanStep, StepKind
from touchstory.pacing.rounds import RoundTimer
from touchstory.pacing.session import (
    EndReason,
    Finished,
    Mode,
    ModeChanged,
    PausedChanged,
    Session,
)
from touchstory.pacing.slides import END_WORDS, Overlay, Slide, SlideKind, default_words
from touchstory.story.duration import TAP_WAIT_SECONDS, reading_seconds, stroke_seconds
from touchstory.story.model import Story, StoryLine
from touchstory.story.packs import Body, PackRegistry, Stroke, StrokePack

MOVE_ON_SECONDS = 5.0  # how long "move on" stays up after a round ends
PACE_RANGE = (0.5, 2.0)
_ESTIMATES = {StepKind.SETTLE: 45.0, StepKind.PERMISSION: 10.0, StepKind.THANKS: 8.0, StepKind.SWAP: 15.0,
              StepKind.CLOSE: 40.0}

def _story_only(story: Story) -> Story:
    """The plan's own ask and thank-you steps stand in for the story's cards."""
    return replace(story, meta=replace(story.meta, ask="", thanks=""))


class GroupSession:
    def __init__(self, plan: Plan, stories: Mapping[Path, Story], packs: PackRegistry, clock: Clock, *,
                 mode: Mode = Mode.READ_ALOUD, pace: float = 1.0, narration_available: bool = True) -> None:
        self.plan = plan
        self.stories = {path: _story_only(story) for path, story in stories.items()}
        self.packs = packs
        self.clock = clock
        self.mode = mode
        self.pace = pace
        self.narration_available = narration_available
        self.step_index = 0
        self.session: Session | None = None
        self.blanked = False
        self.overlay: Overlay | None = None
        self.paused = False
        self._blank_hold = False  # the story was paused by blanking, not by the teacher
        self.end_reason: EndReason | None = None
        self._listeners: list[Callable[[Event], None]] = []
        self._held: list[Event] | None = None
        self._sub = 0  # stroke shown in a watch-me step
        self._started_at: float | None = None
        self._step_started = clock.now()
        self._story_done = False
        self._speech: dict[int, tuple[Session, int]] = {}
        self._token = 0
        self._round = RoundTimer(clock)
        self._move_on_until: float | None = None
        missing = [s.story for s in plan.steps if s.story is not None and s.story not in self.stories]
        if missing:
            raise ValueError(f"stories not loaded for the plan: {missing}")

    # -- listeners ------------------------------------------------------------------
    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def _emit(self, event: Event) -> None:
        if self._held is not None:
            self._held.append(event)
            return
        for listener in list(self._listeners):
            listener(event)

    # -- reading state --------------------------------------------------------------------
    @property
    def step(self) -> PlanStep:
        return self.plan.steps[self.step_index]

    @property
    def started(self) -> bool:
        return self._started_at is not None

    @property
    def ended(self) -> bool:
        return self.end_reason is not None

    @property
    def covered(self) -> bool:
        """Blank or a card hides the slide from the class."""
        return self.blanked or self.overlay is not None

    @property
    def slide(self) -> Slide:
        if self.end_reason is not None:
            return Slide(SlideKind.END, len(self.plan.steps), END_WORDS[self.end_reason])
        return self._slide_for(self.step_index, self._position())

    def next_slide(self) -> Slide | None:
        """What the next click shows (the console's "coming next")."""
        if self.ended:
            return None
        if self._position() + 1 < self._count(self.step_index):
            return self._slide_for(self.step_index, self._position() + 1)
        if self.step_index + 1 < len(self.plan.steps):
            return self._slide_for(self.step_index + 1, 0)
        return Slide(SlideKind.END, len(self.plan.steps), END_WORDS[EndReason.COMPLETED])

    def words_for(self, step: PlanStep) -> str:
        return step.words or default_words(step.kind, self.plan.formation)

    def story_for(self, step: PlanStep) -> Story | None:
        return self.stories.get(step.story) if step.story is not None else None

    def pack_for(self, story: Story | None) -> StrokePack | None:
        return self.packs.get(story.meta.pack) if story is not None else None

    def strokes_for(self, step: PlanStep) -> list[Stroke]:
        story = self.story_for(step)
        pack = self.pack_for(story)
        if story is None or pack is None:
            return []
        return [s for s in (pack.get(i) for i in story.strokes_used()) if s is not None]

    # -- time ------------------------------------------------------------------------------
    def elapsed(self) -> float:
        return 0.0 if self._started_at is None else self.clock.now() - self._started_at

    def step_elapsed(self) -> float:
        return self.clock.now() - self._step_started

    def step_time_left(self) -> float | None:
        """The settle / close countdown, when the plan gives that step a time."""
        seconds = self.step.seconds
        return None if seconds is None or self.ended else max(0.0, seconds - self.step_elapsed())

    def line_seconds(self, line: StoryLine, pack: StrokePack | None) -> float:
        return (reading_seconds(line.text) + stroke_seconds(line, pack) * self.pace + line.pause_seconds
                + (TAP_WAIT_SECONDS if line.waits_for_tap else 0.0))

    def step_seconds(self, index: int, start: int = 0) -> float:
        """About how long step `index` takes from its slide `start` on."""
        step = self.plan.steps[index]
        if step.kind is StepKind.STORY:
            story = self.story_for(step)
            pack = self.pack_for(story)
            lines = story.lines()[start:] if story else ()
            return sum(self.line_seconds(line, pack) for _, line in lines)
        if step.kind is StepKind.DEMONSTRATE:
            return sum(6.0 + s.tempo * 2 for s in self.strokes_for(step)[start:])
        return step.seconds if step.seconds is not None else _ESTIMATES[step.kind]

    def remaining(self) -> float:
        """Estimated time left in the whole plan."""
        if self.ended:
            return 0.0
        here = self.step_seconds(self.step_index, self._position())
        if self.step.kind not in (StepKind.STORY, StepKind.DEMONSTRATE):
            here = max(0.0, here - self.step_elapsed())
        return here + sum(self.step_seconds(i) for i in range(self.step_index + 1, len(self.plan.steps)))

    # -- the round timer ----------------------------------------------------------------------
    @property
    def round_number(self) -> int:
        return self._round.number

    @property
    def rounds_on(self) -> bool:
        return self.plan.uses_rounds and self.step.kind is StepKind.STORY and not self.ended

    def round_left(self) -> float | None:
        if not self.rounds_on or self.plan.round_seconds is None:
            return None
        return max(0.0, self.plan.round_seconds - self._round.elapsed())

    @property
    def move_on_visible(self) -> bool:
        return self._move_on_until is not None

    def _round_running(self) -> bool:
        return self.rounds_on and self.started and not self.paused and not self.blanked

    def _sync_round(self) -> None:
        self._round.run(self._round_running())

    def _reset_round(self) -> None:
        self._round.reset(self._round_running())

    def move_on_now(self) -> None:
        """The teacher calls "move on" early (a line or circle); the timer restarts."""
        if self.plan.formation is Formation.PAIRS or self.step.kind is not StepKind.STORY or self.ended:
            return
        self._round.restart(self._round_running())
        self._round_ended()

    def _round_ended(self) -> None:
        self._emit(RoundEnded(self._round.number))
        self._round.number += 1
        was_visible = self.move_on_visible
        self._move_on_until = self.clock.now() + MOVE_ON_SECONDS
        if not was_visible:
            self._emit(MoveOnChanged(True))

    def tick(self) -> None:
        """Call a few times a second: round timer, "move on" banner, narrated story."""
        if not self.started or self.ended:
            return
        now = self.clock.now()
        if self._round.due(self.plan.round_seconds):
            self._round_ended()
        if self._move_on_until is not None and now >= self._move_on_until:
            self._move_on_until = None
            self._emit(MoveOnChanged(False))
        if self.session is not None:
            self._drive(self.session.tick)

    # -- intents: moving ------------------------------------------------------------------------
    def start(self) -> None:
        if self.started:
            return
        self._started_at = self.clock.now()
        self._enter(0)

    def next(self) -> None:
        if not self._uncover() and self.started and not self.ended:
            if self.session is not None:
                self._drive(self.session.next)
            elif self._sub + 1 < self._count(self.step_index):
                self._sub += 1
                self._emit(SlideChanged(self.slide))
            else:
                self._advance()

    def back(self) -> None:
        if self._uncover() or not self.started or self.ended:
            return
        if self.session is not None and self.session.index > 0:
            self._drive(self.session.back)
        elif self.session is None and self._sub > 0:
            self._sub -= 1
            self._emit(SlideChanged(self.slide))
        elif self.step_index > 0:
            self._enter(self.step_index - 1, at_end=True)

    def home(self) -> None:
        """The first slide of this step."""
        if self.started and not self.ended:
            self._enter(self.step_index)

    def end(self) -> None:
        """The last slide of this step (the next click goes on to the next step)."""
        if self.started and not self.ended:
            self._enter(self.step_index, at_end=True)

    def goto(self, index: int) -> None:
        """Jump to a step (the teacher picked it in the plan on the console)."""
        if self.started and not self.ended and 0 <= index < len(self.plan.steps):
            self._enter(index)

    def stop(self) -> None:
        """End the session gently; always fine."""
        if self.started and not self.ended:
            self._finish(EndReason.STOPPED)

    # -- intents: covering the projector ------------------------------------------------------
    def set_blank(self, blanked: bool) -> None:
        if blanked and self.overlay is not None:
            self.overlay = None
            self._emit(OverlayChanged(None))
        if blanked != self.blanked:
            self.blanked = blanked
            # A narrated story holds while the screen is dark (the class is looking at
            # the teacher) and goes on when it comes back; a pause the teacher chose stays.
            if blanked and not self.paused and self.mode is Mode.NARRATED and self.session is not None:
                self.set_paused(True)
                self._blank_hold = True
            elif not blanked and self._blank_hold:
                self.set_paused(False)
            self._sync_round()
            self._emit(BlankChanged(blanked))

    def toggle_blank(self) -> None:
        self.set_blank(not self.blanked)

    def toggle_overlay(self, overlay: Overlay) -> None:
        """One key puts a card up; the same key (or a click) takes it down."""
        if self.blanked:
            self.set_blank(False)
        self.overlay = None if self.overlay is overlay else overlay
        self._emit(OverlayChanged(self.overlay))

    def clear_overlay(self) -> None:
        if self.overlay is not None:
            self.overlay = None
            self._emit(OverlayChanged(None))

    def _uncover(self) -> bool:
        """A click while the slide is covered only uncovers it: nothing is skipped unseen."""
        if self.overlay is not None:
            self.clear_overlay()
            return True
        if self.blanked:
            self.set_blank(False)
            return True
        return False

    # -- intents: pace and set-up ------------------------------------------------------------------
    def set_paused(self, paused: bool) -> None:
        self._blank_hold = False
        if paused == self.paused or self.ended:
            return
        self.paused = paused
        if self.session is not None:
            self.session.set_paused(paused)
        self._sync_round()
        self._emit(PausedChanged(paused))

    def set_mode(self, mode: Mode) -> None:
        """Read aloud (the teacher reads) or narrated; follow mode is for one reader."""
        if mode is self.mode or mode is Mode.FOLLOW:
            return
        self.mode = mode
        if self.session is not None:
            self._drive(lambda: self.session.set_mode(mode) if self.session else None)
        self._emit(ModeChanged(mode))

    def set_pace(self, pace: float) -> None:
        pace = min(max(pace, PACE_RANGE[0]), PACE_RANGE[1])
        if pace != self.pace:
            self.pace = pace
            if self.session is not None:
                self.session.pace = pace
            self._emit(PaceChanged(pace))

    def set_formation(self, formation: Formation) -> None:
        self._set_plan(replace(self.plan, formation=formation))

    def set_round_seconds(self, seconds: float | None) -> None:
        self._set_plan(replace(self.plan, round_seconds=seconds))

    def _set_plan(self, plan: Plan) -> None:
        if plan == self.plan:
            return
        self.plan = plan
        self._reset_round()
        self._emit(PlanChanged(plan))
        self._emit(SlideChanged(self.slide))  # the words may name the formation

    # -- narration -------------------------------------------------------------------------------
    def speech_finished(self, token: int) -> None:
        found = self._speech.pop(token, None)
        if found is not None and found[0] is self.session:
            self._drive(lambda: found[0].speech_finished(found[1]))

    # -- internals -------------------------------------------------------------------------------
    def _position(self) -> int:
        return self.session.index if self.session is not None else self._sub

    def _count(self, index: int) -> int:
        step = self.plan.steps[index]
        if step.kind is StepKind.STORY:
            story = self.story_for(step)
            return story.line_count if story else 0
        if step.kind is StepKind.DEMONSTRATE:
            return max(1, len(self.strokes_for(step)))
        return 1

    def _slide_for(self, index: int, position: int) -> Slide:
        step = self.plan.steps[index]
        notes = step.notes
        if step.kind is StepKind.STORY:
            story = self.story_for(step)
            assert story is not None
            pack = self.pack_for(story)
            pos, line = story.lines()[position]
            page = story.pages[pos.page]
            stroke = pack.get(line.stroke) if pack and line.stroke else None
            line_notes = tuple(n.text for n in line.notes)
            return Slide(SlideKind.LINE, index, line.text, story.title, step.kind, stroke, line.tag.repeats,
                         line.tag.area or (stroke.area if stroke else None),
                         line.tag.pressure or (stroke.pressure if stroke else None),
                         pack.body if pack else Body.BACK, page.picture, notes + line_notes,
                         position + 1, story.line_count)
        if step.kind is StepKind.DEMONSTRATE:
            strokes = self.strokes_for(step)
            story = self.story_for(step)
            pack = self.pack_for(story)
            if not strokes:
                return Slide(SlideKind.CARD, index, "Watch me", step.kind.label, step.kind, notes=notes)
            stroke = strokes[position]
            return Slide(SlideKind.STROKE, index, stroke.name, "Watch me", step.kind, stroke, 1, stroke.area,
                         stroke.pressure, pack.body if pack else Body.BACK, None, notes, position + 1,
                         len(strokes), stroke.how)
        return Slide(SlideKind.CARD, index, self.words_for(step), step.kind.label, step.kind, notes=notes,
                     seconds=step.seconds)

    def _enter(self, index: int, *, at_end: bool = False) -> None:
        self._held = []
        try:
            if self.session is not None:
                self.session.stop()
            self.session = None
            self._speech.clear()
            self._story_done = False
            self.step_index = index
            self._step_started = self.clock.now()
            if self.paused:
                self.paused = False
                self._emit(PausedChanged(False))
            step = self.step
            self._sub = self._count(index) - 1 if at_end and step.kind is StepKind.DEMONSTRATE else 0
            if step.kind is StepKind.STORY:
                self._start_story(step, at_end=at_end)
            self._reset_round()
        finally:
            held, self._held = self._held, None
        self._emit(SlideChanged(self.slide))
        for event in held:
            self._emit(event)

    def _start_story(self, step: PlanStep, *, at_end: bool) -> None:
        story = self.story_for(step)
        assert story is not None
        session = Session(story, self.pack_for(story), self.clock, mode=self.mode, pace=self.pace,
                          narration_available=self.narration_available)
        self.session = session
        session.subscribe(lambda event: self._on_session_event(session, event))
        session.start()
        if at_end:
            session.end()

    def _on_session_event(self, session: Session, event: story_session.Event) -> None:
        if session is not self.session:
            return
        match event:
            case story_session.StepChanged() if self._held is None:
                self._emit(SlideChanged(self.slide))
            case story_session.SpeakRequested(step=step, part=part):
                self._token += 1
                self._speech[self._token] = (session, session.clip_of(step.index, part))
                self._emit(Speak(self._token, event.text))
            case story_session.Finished(reason=EndReason.COMPLETED):
                self._story_done = True
            case story_session.PausedChanged(paused=paused) if paused != self.paused:
                self.paused = paused
                self._sync_round()
                self._emit(PausedChanged(paused))

    def _drive(self, action: Callable[[], object]) -> None:
        """Run a story-session call, then move on if it finished the story."""
        action()
        if self._story_done:
            self._story_done = False
            self._advance()

    def _advance(self) -> None:
        if self.step_index + 1 < len(self.plan.steps):
            self._enter(self.step_index + 1)
        else:
            self._finish(EndReason.COMPLETED)

    def _finish(self, reason: EndReason) -> None:
        if self.session is not None:
            session, self.session = self.session, None
            session.stop()
        self.end_reason = reason
        self._speech.clear()
        self.set_blank(False)
        self.clear_overlay()
        self._sync_round()
        if self._move_on_until is not None:
            self._move_on_until = None
            self._emit(MoveOnChanged(False))
        self._emit(SlideChanged(self.slide))
        self._emit(Finished(reason))
