"""The one timeline of a narrated session, as data (see FORMAT.md, sections 4, 9, 10).

Live play (pacing/session.py), the audio file (export/session.py) and the length
estimate all read this, so a story is timed the same way in the room, in the file
and in the library. The rule, per line, in the order it is written:

- each run of words is said (a `Say`);
- a `{pause 2s}` waits where it is written: before it the words are said, then
  the wait, then the rest (a `Wait`);
- a `{tap}` waits for a tap where it is written (a `Tap`); a file cannot be
  tapped, so it gives `tap` seconds there, and the estimate a usual 2 s;
- after the last words, the stroke's time (repeats x tempo x pace) plus any
  pauses written after them; a `{tap}` written after the last words ends the
  line when it comes (the stroke has all the time it needs), and counts after
  the stroke's time.

Pages and their soundscapes are data too: each line carries its page, and the
soundscape that takes over as the line starts (None: no change).
Qt-free; no audio, no clock."""

from __future__ import annotations

from dataclasses import dataclass

from touchstory.story.duration import closing_text, opening_text, reading_seconds, stroke_seconds
from touchstory.story.model import Pause, Story, StoryLine, WaitForTap
from touchstory.story.packs import StrokePack

NO_SOUNDSCAPE = "none"  # a page's soundscape change that fades the sound away


@dataclass(frozen=True, slots=True)
class Say:
    text: str


@dataclass(frozen=True, slots=True)
class Wait:
    seconds: float


@dataclass(frozen=True, slots=True)
class Tap:
    """Wait for a tap here (the words before it are said, the rest after)."""


Beat = Say | Wait | Tap


@dataclass(frozen=True, slots=True)
class LineTimes:
    """One line: its beats before the stroke, the stroke's dwell (stroke time x pace
    plus pauses after the last words), and whether a tap ends it."""

    number: int  # 1-based among the story's lines
    page: int
    beats: tuple[Beat, ...]
    dwell: float
    ends_with_tap: bool
    soundscape: str | None = None  # the page's soundscape takes over here (None: no change)

    @property
    def speech(self) -> tuple[str, ...]:
        """The line's spoken parts, in order (one clip each when narrated)."""
        return tuple(b.text for b in self.beats if isinstance(b, Say))

    def seconds(self, *, tap: float, wpm: int | None = None) -> float:
        """How long the line takes with words read at `wpm` (default: the gentle
        read-aloud pace) and `tap` seconds at every tap."""
        said = sum(_reading(b.text, wpm) for b in self.beats if isinstance(b, Say))
        waits = sum(b.seconds for b in self.beats if isinstance(b, Wait))
        taps = sum(1 for b in self.beats if isinstance(b, Tap)) + (1 if self.ends_with_tap else 0)
        return said + waits + taps * tap + self.dwell


def _reading(text: str, wpm: int | None) -> float:
    return reading_seconds(text) if wpm is None else reading_seconds(text, wpm)


def line_times(line: StoryLine, pack: StrokePack | None, *, number: int = 0, page: int = 0,
               pace: float = 1.0, soundscape: str | None = None) -> LineTimes:
    """Split a line into its beats at its markers, where they are written."""
    beats: list[Beat] = []
    words: list[str] = []

    def said() -> None:
        text = " ".join(" ".join(words).split())
        if text:
            beats.append(Say(text))
        words.clear()

    for part in line.parts:
        if isinstance(part, str):
            words.append(part)
        elif isinstance(part, Pause):
            said()
            beats.append(Wait(part.seconds))
        elif isinstance(part, WaitForTap):
            said()
            beats.append(Tap())
    said()
    # What comes after the last words belongs to the stroke's time.
    last = max((i for i, b in enumerate(beats) if isinstance(b, Say)), default=-1)
    before, after = beats[: last + 1], beats[last + 1:]
    dwell = stroke_seconds(line, pack) * pace + sum(b.seconds for b in after if isinstance(b, Wait))
    return LineTimes(number, page, tuple(before), dwell, any(isinstance(b, Tap) for b in after), soundscape)


@dataclass(frozen=True, slots=True)
class Timeline:
    """A whole session: the opening question, every line, the thank-you."""

    ask: str | None
    lines: tuple[LineTimes, ...]
    thanks: str | None

    def seconds(self, *, tap: float, wpm: int | None = None) -> float:
        """The session's length: the question and thank-you read, every line."""
        extras = sum(_reading(t, wpm) for t in (self.ask, self.thanks) if t)
        return extras + sum(line.seconds(tap=tap, wpm=wpm) for line in self.lines)


def timeline(story: Story, pack: StrokePack | None, pace: float = 1.0) -> Timeline:
    lines: list[LineTimes] = []
    page = 0
    for number, (position, line) in enumerate(story.lines(), 1):
        change = None
        if position.page != page:
            now, before = story.soundscape_on_page(position.page), story.soundscape_on_page(page)
            if now != before:
                change = now or NO_SOUNDSCAPE
            page = position.page
        lines.append(line_times(line, pack, number=number, page=position.page, pace=pace, soundscape=change))
    return Timeline(opening_text(story), tuple(lines), closing_text(story))


__all__ = ["Beat", "LineTimes", "NO_SOUNDSCAPE", "Say", "Tap", "Timeline", "Wait", "line_times", "timeline"]
