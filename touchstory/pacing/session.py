"""The session state machine: which step of a story is showing, and when to move on.

A session walks the steps "ask permission -> each line -> thank you". The adult moves
it (next/back/tap), or it moves itself: in narrated mode after each line's speech plus
its stroke time, in follow mode at the pace learned from the adult's taps. It never
touches Qt or audio: it emits small events and the shell reacts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol, assert_never

from touchstory.pacing.clock import Clock
from touchstory.pacing.timeline import LineTimes, Say, Tap, Wait, line_times
from touchstory.story.duration import closing_text, opening_text, reading_seconds, stroke_seconds
from touchstory.story.model import Page, Story, StoryLine
from touchstory.story.packs import StrokePack
from touchstory.pacing.modes import Mode as Mode  # re-exported: the session's modes

SPEECH_GRACE = 5.0  # if the audio layer never reports the end of speech, go on after this


class StepKind(Enum):
    ASK = "ask"
    LINE = "line"
    THANKS = "thanks"


class Phase(Enum):
    IDLE = "idle"
    ASKING = "asking"
    PLAYING = "playing"
    ENDED = "ended"


class EndReason(Enum):
    COMPLETED = "completed"
    DECLINED = "declined"  # "Not now" on the permission card
    STOPPED = "stopped"  # the Stop button: always fine, never an error


@dataclass(frozen=True, slots=True)
class Step:
    kind: StepKind
    index: int  # position in Session.steps
    text: str
    line: StoryLine | None = None
    page_index: int = 0
    line_number: int = 0  # 1-based among story lines; 0 for ask/thanks
    times: LineTimes | None = None  # the line's beats on the one timeline (pacing/timeline.py)


# -- events -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StepChanged:
    step: Step
    previous_index: int | None


@dataclass(frozen=True, slots=True)
class SpeakRequested:
    """Say one spoken part of a step (a line's `{pause}` or `{tap}` splits it into
    parts, said one by one where they are written)."""

    step: Step
    part: int = 0

    @property
    def text(self) -> str:
        parts = self.step.times.speech if self.step.times is not None else ()
        return parts[self.part] if parts else self.step.text


@dataclass(frozen=True, slots=True)
class PausedChanged:
    paused: bool


@dataclass(frozen=True, slots=True)
class WaitingForTap:
    step: Step


@dataclass(frozen=True, slots=True)
class ModeChanged:
    mode: Mode


@dataclass(frozen=True, slots=True)
class FollowReady:
    ready: bool


@dataclass(frozen=True, slots=True)
class Finished:
    reason: EndReason


Event = StepChanged | SpeakRequested | PausedChanged | WaitingForTap | ModeChanged | FollowReady | Finished


class PaceModel(Protocol):
    """What follow mode needs from a pace estimator (touchstory.pacing.pace)."""

    @property
    def ready(self) -> bool: ...

    def observe(self, interval: float, weight: float) -> object: ...  # what it made of the tap: unused here

    def expected_interval(self, weight: float) -> float: ...


class Session:
    def __init__(self, story: Story, pack: StrokePack | None, clock: Clock, *, mode: Mode = Mode.READ_ALOUD,
                 pace: float = 1.0, pace_model: PaceModel | None = None, narration_available: bool = True) -> None:
        self.story = story
        self.pack = pack
        self.clock = clock
        self.pace = pace
        self.pace_model = pace_model
        self.narration_available = narration_available
        self._mode = mode
        self._listeners: list[Callable[[Event], None]] = []
        self.steps = self._build_steps(story, pack, pace)
        self.speech_clips = self._clips(self.steps)
        starts, n = [], 0
        for step in self.steps:
            starts.append(n)
            n += max(1, len(step.times.speech)) if step.times is not None else 1
        self._clip_starts = tuple(starts)
        self.index = 0
        self.phase = Phase.IDLE
        self.end_reason: EndReason | None = None
        self.paused = False
        self._due: float | None = None  # when to move on by itself
        self._remaining: float | None = None  # time left when paused
        self._speech_deadline: float | None = None  # waiting for speech to end
        self._respeak = False  # paused mid-speech: say the line again on resume
        self._waiting_tap = False
        self._entered_at = clock.now()
        self._entered_forward = False
        self._follow_ready = False
        self._beat = 0  # narrated: the beat of the line being played (pacing/timeline.py)
        self._mid_line = False  # the due time / tap wait continues the line, not the story

    # -- building ---------------------------------------------------------------
    @staticmethod
    def _build_steps(story: Story, pack: StrokePack | None, pace: float) -> tuple[Step, ...]:
        steps: list[Step] = []
        ask = opening_text(story)
        if ask:
            steps.append(Step(StepKind.ASK, 0, ask))
        for number, (pos, line) in enumerate(story.lines(), 1):
            times = line_times(line, pack, number=number, page=pos.page, pace=pace)
            steps.append(Step(StepKind.LINE, len(steps), line.text, line, pos.page, number, times))
        thanks = closing_text(story)
        if thanks:
            last_page = max(len(story.pages) - 1, 0)
            steps.append(Step(StepKind.THANKS, len(steps), thanks, None, last_page))
        return tuple(steps)

    @staticmethod
    def _clips(steps: tuple[Step, ...]) -> tuple[str, ...]:
        """Every spoken part as one clip, in the order they are heard (so the
        narrator renders the next parts ahead). A story with no line split by a
        `{pause}` or `{tap}` has one clip per step: clip = step index."""
        clips: list[str] = []
        for step in steps:
            clips.extend(step.times.speech or ("",) if step.times is not None else (step.text,))
        return tuple(clips)

    def clip_of(self, index: int, part: int) -> int:
        """The clip number of part `part` of step `index` (see speech_clips)."""
        return self._clip_starts[index] + part

    # -- reading state -----------------------------------------------------------
    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def page(self) -> Page | None:
        pages = self.story.pages
        return pages[self.step.page_index] if pages else None

    @property
    def line_count(self) -> int:
        return self.story.line_count

    @property
    def waiting_for_tap(self) -> bool:
        return self._waiting_tap

    @property
    def ended(self) -> bool:
        return self.phase is Phase.ENDED

    def next_line(self) -> Step | None:
        """The step after this one, for the small "next line" preview."""
        return self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None

    def time_until_advance(self) -> float | None:
        if self.paused:
            return self._remaining
        if self._due is None:
            return None
        return max(0.0, self._due - self.clock.now())

    def weight(self, step: Step) -> float:
        """How long a step usually takes: its words read gently plus its stroke time."""
        if step.line is None:
            return reading_seconds(step.text)
        return reading_seconds(step.text) + self.dwell(step)

    def dwell(self, step: Step) -> float:
        """Time after the words: stroke time x pace plus written pauses."""
        if step.line is None:
            return 0.0
        return stroke_seconds(step.line, self.pack) * self.pace + step.line.pause_seconds

    # -- listeners -----------------------------------------------------------------
    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- intents ---------------------------------------------------------------------
    def start(self) -> None:
        """Show the first step: the permission question, or the first line."""
        if self.phase is not Phase.IDLE:
            return
        first = self.steps[0]
        self.phase = Phase.ASKING if first.kind is StepKind.ASK else Phase.PLAYING
        self._enter(0, None, forward=False)

    def accept(self) -> None:
        """Yes on the permission card."""
        if self.phase is Phase.ASKING:
            self.phase = Phase.PLAYING
            self._go(self.index + 1, forward=False)

    def decline(self) -> None:
        """"Not now": a normal, gentle ending."""
        if self.phase is Phase.ASKING:
            self._finish(EndReason.DECLINED)

    def stop(self) -> None:
        if self.phase in (Phase.ASKING, Phase.PLAYING):
            self._finish(EndReason.STOPPED)

    def next(self) -> None:
        if self.phase is Phase.ASKING:
            self.accept()
        elif self.phase is Phase.PLAYING:
            self._learn_from_tap()
            self._go(self.index + 1, forward=True)

    def back(self) -> None:
        if self.phase is Phase.PLAYING and self.index > 0:
            target = self.index - 1
            if self.steps[target].kind is StepKind.ASK:
                self.phase = Phase.ASKING
            self._go(target, forward=False)

    def home(self) -> None:
        if self.phase is Phase.PLAYING:
            first = next(s.index for s in self.steps if s.kind is StepKind.LINE)
            self._go(first, forward=False)

    def end(self) -> None:
        """Jump to the last line (not past it: the thank-you still comes with a tap)."""
        if self.phase is Phase.PLAYING:
            last = max(s.index for s in self.steps if s.kind is StepKind.LINE)
            self._go(last, forward=False)

    def tap(self) -> None:
        """A tap on the page, the space bar or the clicker's main button."""
        if self.phase is Phase.ASKING:
            self.accept()
            return
        if self.phase is not Phase.PLAYING:
            return
        match self._mode:
            case Mode.READ_ALOUD:
                self.next()
            case Mode.NARRATED:
                if self._waiting_tap and self._mid_line:
                    self._waiting_tap = False
                    self._play_beats(self._beat + 1, self.clock.now())
                elif self._waiting_tap:
                    self._go(self.index + 1, forward=True)
                else:
                    self.set_paused(not self.paused)
            case Mode.FOLLOW:
                self._set_mode(Mode.READ_ALOUD)
                self.next()
            case _ as unreachable:
                assert_never(unreachable)

    def set_paused(self, paused: bool) -> None:
        if paused == self.paused or self.phase is not Phase.PLAYING:
            return
        now = self.clock.now()
        if paused:
            self._remaining = None if self._due is None else max(0.0, self._due - now)
            self._due = None
            # Paused while the words were being said: the shell hushes the voice,
            # and the line is said again from its start on resume.
            self._respeak = self._speech_deadline is not None
            self._speech_deadline = None
        else:
            self._due = None if self._remaining is None else now + self._remaining
            self._remaining = None
        self.paused = paused
        self._emit(PausedChanged(paused))
        if not paused and self._respeak:
            self._respeak = False
            if self._mid_line or self._beat:
                self._play_beats(self._beat, now)  # the part cut off is said again
            else:
                self._schedule(restart_speech=True)

    def set_mode(self, mode: Mode) -> None:
        if mode is Mode.FOLLOW and not (self.pace_model and self.pace_model.ready):
            return
        self._set_mode(mode)
        if self.phase is Phase.PLAYING or (self.phase is Phase.ASKING and mode is Mode.NARRATED):
            self._schedule(restart_speech=True)

    def _set_mode(self, mode: Mode) -> None:
        if mode is self._mode:
            return
        self._mode = mode
        self._due = self._remaining = self._speech_deadline = None
        self._respeak = False
        if self.paused:
            self.paused = False
            self._emit(PausedChanged(False))
        self._emit(ModeChanged(mode))

    # -- narrated mode: the audio layer reports ------------------------------------
    def speech_finished(self, index: int) -> None:
        """The spoken audio of clip `index` has ended (ignored if the reader moved
        on). A step said whole is clip = step index; see `speech_clips`."""
        if self._speech_deadline is None or self.phase is not Phase.PLAYING:
            return
        if index != self.clip_of(self.index, self._said_part()):
            return
        self._speech_deadline = None
        self._after_words(self.clock.now())

    def _said_part(self) -> int:
        """Which spoken part the current beat is (0 for a step without beats)."""
        times = self.step.times
        if times is None:
            return 0
        return sum(1 for b in times.beats[: self._beat] if isinstance(b, Say))

    def tick(self) -> None:
        """Call a few times a second; moves on when a timed step is due."""
        if self.phase is not Phase.PLAYING or self.paused:
            return
        now = self.clock.now()
        if self._speech_deadline is not None and now >= self._speech_deadline:
            deadline, self._speech_deadline = self._speech_deadline, None
            self._after_words(deadline)
        if self._due is not None and now >= self._due and self._mid_line:
            due, self._due = self._due, None
            self._play_beats(self._beat + 1, due)
        if self._due is not None and now >= self._due:
            self._due = None
            if self._mode is Mode.FOLLOW:
                self._entered_forward = False  # a step moved by the app teaches nothing
            self._go(self.index + 1, forward=True)

    # -- internals ---------------------------------------------------------------
    def _learn_from_tap(self) -> None:
        if self._mode is not Mode.READ_ALOUD or self.pace_model is None:
            return
        if self.step.kind is StepKind.LINE and self._entered_forward:
            interval = self.clock.now() - self._entered_at
            self.pace_model.observe(interval, self.weight(self.step))
            if self.pace_model.ready != self._follow_ready:
                self._follow_ready = self.pace_model.ready
                self._emit(FollowReady(self._follow_ready))

    def _go(self, target: int, *, forward: bool) -> None:
        if target >= len(self.steps):
            self._finish(EndReason.COMPLETED)
            return
        previous = self.index
        self._enter(target, previous, forward=forward)
        if self.steps[target].kind is StepKind.THANKS:
            self._finish(EndReason.COMPLETED)

    def _enter(self, target: int, previous: int | None, *, forward: bool) -> None:
        self.index = target
        self._entered_at = self.clock.now()
        self._entered_forward = forward
        self._due = self._remaining = self._speech_deadline = None
        self._waiting_tap = self._mid_line = False
        self._respeak = False
        self._beat = 0
        if self.paused:
            self.paused = False
            self._emit(PausedChanged(False))
        self._emit(StepChanged(self.steps[target], previous))
        self._schedule(restart_speech=True)

    def _schedule(self, *, restart_speech: bool) -> None:
        step = self.step
        now = self.clock.now()
        self._due = self._speech_deadline = None
        self._waiting_tap = self._mid_line = False
        self._beat = 0
        match self._mode:
            case Mode.READ_ALOUD:
                return
            case Mode.NARRATED:
                if step.times is not None and restart_speech:
                    self._play_beats(0, now)
                    return
                if restart_speech and step.text and self.narration_available:
                    self._emit(SpeakRequested(step))
                if step.kind is not StepKind.LINE:
                    return
                if self.narration_available and step.text:
                    self._speech_deadline = now + reading_seconds(step.text) * 2 + SPEECH_GRACE
                else:
                    self._speech_deadline = now + reading_seconds(step.text)
            case Mode.FOLLOW:
                if step.kind is not StepKind.LINE or self.pace_model is None:
                    return
                if step.line is not None and step.line.waits_for_tap:
                    self._wait_for_tap()
                    return
                self._due = now + self.pace_model.expected_interval(self.weight(step))
            case _ as unreachable:
                assert_never(unreachable)

    def _play_beats(self, beat: int, at: float) -> None:
        """Narrated: play the line's beats from `beat` (at time `at`), in the order
        written: say a part, wait a pause, wait for a tap; then the stroke's time."""
        step = self.step
        times = step.times
        assert times is not None
        self._due = self._speech_deadline = None
        self._waiting_tap = False
        self._beat, self._mid_line = beat, True
        if beat >= len(times.beats):
            self._mid_line = False
            if times.ends_with_tap:
                self._wait_for_tap()
            else:
                self._due = at + times.dwell
            return
        match times.beats[beat]:
            case Say(text=text):
                if self.narration_available:
                    self._emit(SpeakRequested(step, self._said_part()))
                    self._speech_deadline = at + reading_seconds(text) * 2 + SPEECH_GRACE
                else:
                    self._speech_deadline = at + reading_seconds(text)
            case Wait(seconds=seconds):
                self._due = at + seconds
            case Tap():
                self._wait_for_tap()

    def _after_words(self, at: float) -> None:
        """The words of this step (or of this part of its line) are over (at time
        `at`): the line goes on, or the stroke's time follows."""
        step = self.step
        if step.times is not None and self._mode is Mode.NARRATED:
            self._play_beats(self._beat + 1, at)
            return
        if step.line is not None and step.line.waits_for_tap:
            self._wait_for_tap()
            return
        self._due = at + self.dwell(step)

    def _wait_for_tap(self) -> None:
        self._waiting_tap = True
        self._emit(WaitingForTap(self.step))

    def _finish(self, reason: EndReason) -> None:
        if self.phase is Phase.ENDED:
            return
        self.phase = Phase.ENDED
        self.end_reason = reason
        self._due = self._remaining = self._speech_deadline = None
        self._waiting_tap = False
        self._emit(Finished(reason))
