"""The story model: frozen dataclasses that the parser builds and everything else
reads. Every element carries the place in the source file it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based line and column in a source file."""

    path: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class Area(Enum):
    BACK = "back"
    SHOULDERS = "shoulders"
    ARMS = "arms"
    HANDS = "hands"
    HEAD = "head"
    FACE = "face"
    FEET = "feet"
    LEGS = "legs"
    CHEST = "chest"
    TUMMY = "tummy"


class Pressure(Enum):
    LIGHT = "light"
    MEDIUM = "medium"
    FIRM = "firm"


class Kind(Enum):
    STORY = "story"
    RHYME = "rhyme"
    ROUTINE = "routine"
    CLASSROOM = "classroom"
    CHILD_LED = "child-led"

    @property
    def label(self) -> str:
        return {
            Kind.STORY: "Story",
            Kind.RHYME: "Rhyme",
            Kind.ROUTINE: "Baby routine",
            Kind.CLASSROOM: "Classroom",
            Kind.CHILD_LED: "Child gives",
        }[self]


MOODS: tuple[str, ...] = (
    "calm", "sleepy", "cosy", "playful", "silly", "lively", "seasonal", "curious",
)

BUILTIN_SOUNDSCAPES: tuple[str, ...] = (
    "rain", "sea", "wind", "heartbeat", "noise", "lullaby", "drone", "none",
)


@dataclass(frozen=True, slots=True)
class AgeRange:
    """Ages in whole years; `high` is None for "5+"."""

    low: int
    high: int | None

    def __str__(self) -> str:
        if self.high is None:
            return f"{self.low}+"
        return str(self.low) if self.high == self.low else f"{self.low}-{self.high}"

    def includes(self, age: int) -> bool:
        return self.low <= age and (self.high is None or age <= self.high)


@dataclass(frozen=True, slots=True)
class StrokeTag:
    """The `[circle x2 back firm]` in front of a story line, resolved to a pack id."""

    stroke: str | None  # stroke id in the story's pack; None for `[none]`
    repeats: int
    area: Area | None
    pressure: Pressure | None
    loc: Location
    instead_of: str | None = None  # set by story/adapt.py: the written stroke a child's substitute replaces


@dataclass(frozen=True, slots=True)
class Pause:
    seconds: float
    loc: Location


@dataclass(frozen=True, slots=True)
class WaitForTap:
    loc: Location


Part = str | Pause | WaitForTap


@dataclass(frozen=True, slots=True)
class Note:
    """A note for the reader or teacher; never narrated."""

    text: str
    loc: Location


@dataclass(frozen=True, slots=True)
class StoryLine:
    """One line of the story: what is read, with its stroke, pauses and taps."""

    tag: StrokeTag
    parts: tuple[Part, ...]
    loc: Location
    notes: tuple[Note, ...] = ()
    refrain: str | None = None  # name of the refrain this line belongs to ("" = unnamed)
    _text: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The words to read aloud, without markers, spaces tidied."""
        if self._text is None:
            words = " ".join(p for p in self.parts if isinstance(p, str))
            object.__setattr__(self, "_text", " ".join(words.split()))
        return self._text  # type: ignore[return-value]

    @property
    def pause_seconds(self) -> float:
        return sum(p.seconds for p in self.parts if isinstance(p, Pause))

    @property
    def waits_for_tap(self) -> bool:
        return any(isinstance(p, WaitForTap) for p in self.parts)

    @property
    def stroke(self) -> str | None:
        return self.tag.stroke


@dataclass(frozen=True, slots=True)
class Picture:
    source: str  # as written in the story
    path: Path  # resolved inside the story's folder
    alt: str
    loc: Location
    exists: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    lines: tuple[StoryLine, ...]
    loc: Location
    picture: Picture | None = None
    soundscape: str | None = None
    notes: tuple[Note, ...] = ()  # notes after the page's last line


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    author: str = ""
    language: str = "en-GB"
    ages: AgeRange | None = None
    mood: str = ""
    kind: Kind = Kind.STORY
    pack: str = "story"
    soundscape: str | None = None
    licence: str = ""
    summary: str = ""
    ask: str | None = None  # None: the app's own question; "" : no permission card
    thanks: str | None = None  # None: the app's own thanks; "" : no thank-you card
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Position:
    """Where a line stands in a story: page index and line index on that page."""

    page: int
    line: int


@dataclass(frozen=True, slots=True)
class Story:
    path: Path
    meta: Metadata
    pages: tuple[Page, ...]
    warnings: tuple["Problem", ...] = ()
    _flat: tuple[tuple[Position, StoryLine], ...] = field(default=(), repr=False, compare=False)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def folder(self) -> Path:
        return self.path.parent

    def lines(self) -> tuple[tuple[Position, StoryLine], ...]:
        """Every line in reading order with its page position."""
        if self._flat:
            return self._flat
        flat = tuple(
            (Position(p, i), line)
            for p, page in enumerate(self.pages)
            for i, line in enumerate(page.lines)
        )
        object.__setattr__(self, "_flat", flat)
        return flat

    @property
    def line_count(self) -> int:
        return len(self.lines())

    def strokes_used(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for _, line in self.lines():
            if line.stroke:
                seen.setdefault(line.stroke, None)
        return tuple(seen)

    def first_picture(self) -> Picture | None:
        return next((p.picture for p in self.pages if p.picture), None)

    def soundscape_on_page(self, page: int) -> str | None:
        """The background sound in force on page `page`: a `soundscape:` holds from
        its page on, until another page changes it; before any, the story's own."""
        for earlier in reversed(self.pages[: max(0, page) + 1]):
            if earlier.soundscape:
                return earlier.soundscape
        return self.meta.soundscape


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, with where it is and how to mend it."""

    severity: Severity
    message: str
    loc: Location
    source_line: str = ""
    length: int = 1  # how many characters the caret underlines
    code: str = ""  # a stable id for the kind of problem ("unknown-stroke"), for the UI and translations
    hint: str | None = None  # the suggested word of a "did you mean", as a value (rendered at the edge)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def header(self) -> str:
        return f"{self.loc}: {self.severity.value}: {self.message}"

    def format(self) -> str:
        """`path:line:col: error: message`, then the line and a caret under the spot."""
        if not self.source_line:
            return self.header()
        shown = self.source_line.rstrip("\n").replace("\t", " ")
        caret = " " * (max(self.loc.col, 1) - 1) + "^" * max(1, min(self.length, 60))
        return f"{self.header()}\n  {shown}\n  {caret}"

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.loc.path,
            "line": self.loc.line,
            "col": self.loc.col,
            "severity": self.severity.value,
            "message": self.message,
            "code": self.code,
            "hint": self.hint,
            "source": self.source_line,
        }
