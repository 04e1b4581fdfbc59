"""Classroom session plans: a plain-text file of steps (settle, watch me, ask,
story, thanks, swap, close) read and checked like a story (saving them is
plan_store.py). The format is described in stories/plans/PLANS.md."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from touchstory.files import RefusedFile, read_capped
from touchstory.pacing.story_finder import (  # noqa: F401  (also part of this module's interface)
    STORY_SUFFIX, find_story, story_names, story_source,
)
from touchstory.story.model import Location, Problem, Severity, Story
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import load_story
from touchstory.story.problems import MAX_FILE_BYTES, ProblemList, decode_text, did_you_mean

PLAN_SUFFIX = ".plan"
AGAIN = "again"
ROUND_RANGE = (10.0, 600.0)
STEP_TIME_RANGE = (5.0, 900.0)


class Formation(Enum):
    PAIRS = "pairs"  # one child behind the other, then they swap
    LINE = "line"  # everyone faces the back of the child in front
    CIRCLE = "circle"  # "caterpillar style": a line closed into a ring

    @property
    def label(self) -> str:
        return {Formation.PAIRS: "Pairs", Formation.LINE: "A line", Formation.CIRCLE: "A circle"}[self]


class StepKind(Enum):
    SETTLE = "settle"
    DEMONSTRATE = "demonstrate"
    PERMISSION = "permission"
    STORY = "story"
    THANKS = "thanks"
    SWAP = "swap"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {StepKind.SETTLE: "Settle", StepKind.DEMONSTRATE: "Watch me", StepKind.PERMISSION: "Ask first",
           StepKind.STORY: "Story", StepKind.THANKS: "Thank you", StepKind.SWAP: "Swap",
           StepKind.CLOSE: "Calm close"}
STEP_WORDS: dict[str, StepKind] = {k.value: k for k in StepKind} | {
    "watch": StepKind.DEMONSTRATE, "watch-me": StepKind.DEMONSTRATE, "ask": StepKind.PERMISSION,
    "thank-you": StepKind.THANKS, "calm": StepKind.CLOSE}
HEADER_KEYS = ("title", "author", "formation", "round", "chime", "summary")
TIMED_KINDS = (StepKind.SETTLE, StepKind.CLOSE)
STORY_KINDS = (StepKind.STORY, StepKind.DEMONSTRATE)
_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z_-]{0,20})[ \t]*(?::(?P<value>.*))?$")
_DURATION = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>s|secs?|seconds?|m|mins?|minutes?)?$", re.IGNORECASE)
_OFF = ("off", "none", "no")


@dataclass(frozen=True, slots=True)
class PlanStep:
    """One step. `words` is what the projector shows ("" = the usual words for the
    formation); `story` is the resolved .story file of a story or watch-me step."""

    kind: StepKind
    words: str = ""
    seconds: float | None = None  # settle/close: a gentle countdown for the teacher
    story: Path | None = None
    source: str = ""  # the story as written ("again" repeats the story before)
    notes: tuple[str, ...] = ()
    loc: Location | None = None

    @property
    def again(self) -> bool:
        return self.source.lower() == AGAIN


@dataclass(frozen=True, slots=True)
class Plan:
    title: str
    steps: tuple[PlanStep, ...]
    formation: Formation = Formation.PAIRS
    round_seconds: float | None = None  # "move on" every N seconds (a line or circle only)
    chime: bool = True
    author: str = ""
    summary: str = ""
    path: Path | None = None

    @property
    def uses_rounds(self) -> bool:
        return self.round_seconds is not None and self.formation is not Formation.PAIRS

    def story_paths(self) -> tuple[Path, ...]:
        seen: dict[Path, None] = {}
        for step in self.steps:
            if step.story is not None:
                seen.setdefault(step.story, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class PlanResult:
    """A plan (None when it has errors), every problem, and the stories it uses."""

    path: Path
    plan: Plan | None
    problems: tuple[Problem, ...]
    stories: Mapping[Path, Story] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.plan is not None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def parse_duration(text: str) -> float | None:
    """'45s', '45 s', '2 min', '1.5m', '90' (seconds) -> seconds, else None."""
    m = _DURATION.match(text.strip())
    if not m:
        return None
    unit = (m.group("unit") or "s").lower()
    return float(m.group("n")) * (60.0 if unit.startswith("m") else 1.0)


def format_seconds(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min" if whole >= 60 and whole % 60 == 0 else f"{whole:g}s"


# -- reading --------------------------------------------------------------------
class _Reader:
    def __init__(self, text: str, path: Path, packs: PackRegistry, roots: Sequence[Path]) -> None:
        self.path, self.packs, self.roots = path, packs, list(roots)
        self.lines = text.splitlines()
        self.problems = ProblemList(str(path), self.lines)
        self.header: dict[str, tuple[str, int, int]] = {}
        self.steps: list[PlanStep] = []
        self.notes: list[str] = []
        self.stories: dict[Path, Story] = {}
        self.broken: dict[Path, int] = {}  # story -> how many errors it has
        self.wrote_story = False  # any story step written, even a faulty one

    def run(self) -> PlanResult:
        for n, raw in enumerate(self.lines, 1):
            self.line(n, raw.rstrip())
        if self.notes and self.steps:  # notes after the last step belong to it
            self.steps[-1] = replace(self.steps[-1], notes=self.steps[-1].notes + tuple(self.notes))
        return self.finish()

    def line(self, n: int, raw: str) -> None:
        stripped = raw.strip()
        if not stripped or stripped.startswith("//"):
            return
        col = len(raw) - len(raw.lstrip()) + 1
        m = _LINE.match(stripped)
        first = stripped.split()[0].lower()
        if not m and first in STEP_WORDS:
            self.problems.error(n, col + len(first), f'write a colon after "{first}", like '
                                f'"{first}: {stripped[len(first):].strip()}"', 1)
            return
        if not m:
            self.problems.error(n, col, 'this line is not a step: write one step per line, like "settle", '
                                '"story: the-four-seasons" or "swap"', min(len(stripped), 40))
            return
        key, value = m.group("key").lower(), m.group("value")
        value_col = col + (m.start("value") + len(value) - len(value.lstrip()) if value is not None else len(key))
        value = (value or "").strip()
        if key == "note":
            if value:
                self.notes.append(value)
            return
        if key in HEADER_KEYS:
            self.header_key(key, value, n, col, value_col)
        elif key in STEP_WORDS:
            self.step(STEP_WORDS[key], value, n, col, value_col)
        else:
            hint = did_you_mean(key, [*STEP_WORDS, *HEADER_KEYS, "note"])
            self.problems.error(n, col, f'unknown step "{key}"{hint}; the steps are settle, demonstrate, '
                                "permission, story, thanks, swap and close", len(key))

    def header_key(self, key: str, value: str, n: int, col: int, value_col: int) -> None:
        if self.steps:
            self.problems.warning(n, col, f'"{key}:" belongs at the top of the plan, before the first step; '
                                  "it is ignored here", len(key))
        elif key in self.header:
            self.problems.warning(n, col, f'"{key}" is written twice; the first one (line '
                                  f"{self.header[key][1]}) is used", len(key))
        else:
            self.header[key] = (value, n, value_col)

    def step(self, kind: StepKind, value: str, n: int, col: int, value_col: int) -> None:
        self.wrote_story |= kind is StepKind.STORY
        arg, bar, words = value.partition("|")
        arg, words = arg.strip(), words.strip()
        step = PlanStep(kind, notes=tuple(self.notes), loc=Location(str(self.path), n, col))
        self.notes = []
        if kind in TIMED_KINDS:
            if arg[:1].isdigit():
                seconds = parse_duration(arg)
                low, high = STEP_TIME_RANGE
                if seconds is None or not low <= seconds <= high:
                    self.problems.error(n, value_col, f'"{arg}" is not a time from {low:g} s to {high / 60:g} min; '
                                        "write it like 45s or 2 min", len(arg))
                    return
                step = replace(step, seconds=seconds, words=words)
            else:
                step = replace(step, words=value.lstrip("|").strip())
        elif kind in STORY_KINDS:
            if bar:
                self.problems.warning(n, value_col + len(value.partition("|")[0]),
                                      f'the words after "|" are not used for a {kind.value} step', 1)
            found = self.with_story(step, arg, n, value_col)
            if found is None:
                return
            step = found
        else:
            step = replace(step, words=value.lstrip("|").strip())
        self.steps.append(step)

    def with_story(self, step: PlanStep, arg: str, n: int, col: int) -> PlanStep | None:
        if not arg:
            if step.kind is StepKind.DEMONSTRATE:
                return step  # shows the strokes of the story that comes next
            self.problems.error(n, col, 'which story? write its name after "story:", like "story: the-four-seasons"'
                                ', or "story: again" to do the last one again', 1)
            return None
        if arg.lower() == AGAIN:
            before = next((s.story for s in reversed(self.steps) if s.kind is StepKind.STORY and s.story), None)
            if before is None:
                self.problems.error(n, col, 'there is no story above to do again; write "story: NAME" first',
                                    len(arg))
                return None
            return replace(step, story=before, source=AGAIN)
        path = self.resolve(arg, n, col)
        if path is None:
            return None
        self.check_story(path, arg, n, col)
        return replace(step, story=path, source=arg)

    def resolve(self, arg: str, n: int, col: int) -> Path | None:
        if arg.endswith(STORY_SUFFIX) or "/" in arg or "\\" in arg:
            written = Path(arg).expanduser()
            path = written if written.is_absolute() else self.path.parent / written
            if not path.is_file():
                self.problems.error(n, col, f'story file "{arg}" was not found (a path is read from the plan\'s '
                                    "folder; a story's folder name alone also works)", len(arg))
                return None
            return path
        found = find_story(arg, self.roots)
        if found is None:
            hint = did_you_mean(arg, story_names(self.roots))
            self.problems.error(n, col, f'no story called "{arg}"{hint}: write the name of a story\'s folder, '
                                "or a path to a .story file", len(arg))
        return found

    def check_story(self, path: Path, arg: str, n: int, col: int) -> None:
        if path not in self.stories and path not in self.broken:
            result = load_story(path, self.packs)
            if result.story is not None:
                self.stories[path] = result.story
            else:
                self.broken[path] = len(result.errors)
        if path in self.broken:
            count = self.broken[path]
            self.problems.error(n, col, f'the story "{arg}" has {count} error{"s" * (count != 1)}; open it in '
                                f'touchstory or run "touchstory check {path}" to see them', len(arg))

    def finish(self) -> PlanResult:
        title = self.header_value("title")
        last = max(len(self.lines), 1)
        if "title" not in self.header:
            self.problems.error(1, 1, 'the plan has no title: add a line like "title: After lunch in a circle" '
                                "at the top")
        elif not title:
            self.problems.error(self.header["title"][1], self.header["title"][2], 'the title is empty: write the '
                                'plan\'s name after "title:"')
        formation = self.formation()
        round_seconds = self.round_seconds(formation)
        chime = self.header_value("chime").lower() not in _OFF
        steps = self.fill_demonstrations()
        if not self.wrote_story:
            self.problems.error(last, 1, 'the plan has no story step yet: add a line like '
                                '"story: the-four-seasons"')
        self.check_asking(steps)
        problems = tuple(self.problems.sorted())
        if self.problems.has_errors:
            return PlanResult(self.path, None, problems, dict(self.stories))
        plan = Plan(title, tuple(steps), formation, round_seconds, chime, self.header_value("author"),
                    self.header_value("summary"), self.path)
        return PlanResult(self.path, plan, problems, dict(self.stories))

    def header_value(self, key: str) -> str:
        return self.header.get(key, ("", 0, 0))[0]

    def formation(self) -> Formation:
        if "formation" not in self.header:
            return Formation.PAIRS
        value, n, col = self.header["formation"]
        try:
            return Formation(value.lower())
        except ValueError:
            hint = did_you_mean(value, [f.value for f in Formation])
            self.problems.error(n, col, f'unknown formation "{value}"{hint}: write pairs, line or circle',
                                max(len(value), 1))
            return Formation.PAIRS

    def round_seconds(self, formation: Formation) -> float | None:
        if "round" not in self.header:
            return None
        value, n, col = self.header["round"]
        if value.lower() in _OFF:
            return None
        seconds = parse_duration(value)
        low, high = ROUND_RANGE
        if seconds is None or not low <= seconds <= high:
            self.problems.error(n, col, f'round "{value}" must be a time from {low:g} s to {high / 60:g} min, '
                                "like 45s or 2 min (or off)", max(len(value), 1))
            return None
        if formation is Formation.PAIRS:
            self.problems.warning(n, col, 'the round timer is for a line or a circle; with "formation: pairs" '
                                  "it stays off", len(value))
        return seconds

    def word_length(self, loc: Location) -> int:
        """The length of the step's word as written ("watch" or "demonstrate"), for the caret."""
        line = self.lines[loc.line - 1] if 0 < loc.line <= len(self.lines) else ""
        word = re.match(r"[\w-]*", line[loc.col - 1:])
        return max(1, len(word.group(0)) if word else 1)

    def fill_demonstrations(self) -> list[PlanStep]:
        """A bare "demonstrate" shows the strokes of the next story (or the one before)."""
        steps = list(self.steps)
        for i, step in enumerate(steps):
            if step.kind is StepKind.DEMONSTRATE and step.story is None:
                after = [s.story for s in steps[i + 1:] if s.kind is StepKind.STORY and s.story]
                before = [s.story for s in steps[:i] if s.kind is StepKind.STORY and s.story]
                target = after[0] if after else (before[-1] if before else None)
                if target is None and step.loc is not None:
                    self.problems.error(step.loc.line, step.loc.col, "there is no story to demonstrate: add a "
                                        "story step, or name one: \"demonstrate: the-four-seasons\"",
                                        self.word_length(step.loc))
                steps[i] = replace(step, story=target)
        return steps

    def check_asking(self, steps: Sequence[PlanStep]) -> None:
        """Ask first: every story should have a permission step since the last story."""
        asked = False
        for step in steps:
            if step.kind is StepKind.PERMISSION:
                asked = True
            elif step.kind is StepKind.STORY:
                if not asked and step.loc is not None:
                    self.problems.warning(step.loc.line, step.loc.col, 'children ask first: add a "permission" '
                                          "step before this story", self.word_length(step.loc))
                asked = False


def parse_plan(text: str, path: Path | str, packs: PackRegistry, roots: Sequence[Path] = ()) -> PlanResult:
    """Read plan text; never raises for anything in the text. `roots` are the
    folders where stories are found by name (the user's stories, the bundled ones)."""
    return _Reader(text, Path(path), packs, roots).run()


def load_plan(path: Path | str, packs: PackRegistry, roots: Sequence[Path] = ()) -> PlanResult:
    path = Path(path)
    try:
        data = read_capped(path, MAX_FILE_BYTES, "plan file")
    except RefusedFile as exc:
        return PlanResult(path, None, (Problem(Severity.ERROR, exc.reason, Location(str(path), 1, 1)),))
    except OSError as exc:
        unreadable = Problem(Severity.ERROR, f"cannot read the plan ({exc.strerror or exc})",
                             Location(str(path), 1, 1))
        return PlanResult(path, None, (unreadable,))
    text, problem = decode_text(
        data, str(path), too_big="the file is over 1 MB; a plan is a short list of steps (is this the right file?)",
        empty='the plan is empty: write "title: ..." and one step per line (see PLANS.md)',
        binary="this is not a text file; save the plan as plain text")
    if text is None:
        return PlanResult(path, None, (problem,) if problem else ())
    result = parse_plan(text, path, packs, roots)
    if problem is not None:  # read, with a warning (a UTF-16 file)
        result = replace(result, problems=(problem, *result.problems))
    return result


# -- a plan for one story --------------------------------------------------------------
def default_plan(story: Story, formation: Formation = Formation.PAIRS, round_seconds: float | None = None) -> Plan:
    """What a teacher usually does with one story: settle, watch me, ask, the story,
    thanks, swap, ask, the story again, thanks, calm close."""
    path = story.path
    steps = (PlanStep(StepKind.SETTLE), PlanStep(StepKind.DEMONSTRATE, story=path, source=str(path)),
             PlanStep(StepKind.PERMISSION), PlanStep(StepKind.STORY, story=path, source=str(path)),
             PlanStep(StepKind.THANKS), PlanStep(StepKind.SWAP), PlanStep(StepKind.PERMISSION),
             PlanStep(StepKind.STORY, story=path, source=AGAIN), PlanStep(StepKind.THANKS),
             PlanStep(StepKind.CLOSE))
    return Plan(story.title, steps, formation, round_seconds)
