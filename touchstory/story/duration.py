"""How long a story takes, estimated before it is played (see FORMAT.md, section 9)."""

from __future__ import annotations

from touchstory.story.bookends import ENGLISH, bookends_for
from touchstory.story.model import Story, StoryLine
from touchstory.story.packs import StrokePack

READ_ALOUD_WPM = 120  # a gentle bedtime read-aloud pace
TAP_WAIT_SECONDS = 2.0  # what a {tap} usually costs: the child answers, the reader taps
DEFAULT_ASK = ENGLISH.ask  # the English words; other languages: story/bookends.py
DEFAULT_THANKS = ENGLISH.thanks


def reading_seconds(text: str, wpm: int = READ_ALOUD_WPM) -> float:
    return len(text.split()) * 60.0 / wpm


def stroke_seconds(line: StoryLine, pack: StrokePack | None) -> float:
    """The time the line's stroke takes: tempo x repeats (0 for a line with no stroke)."""
    if line.stroke is None or pack is None:
        return 0.0
    stroke = pack.get(line.stroke)
    return stroke.seconds(line.tag.repeats) if stroke else 0.0


def line_seconds(line: StoryLine, pack: StrokePack | None, wpm: int = READ_ALOUD_WPM) -> float:
    return (reading_seconds(line.text, wpm) + stroke_seconds(line, pack) + line.pause_seconds
            + (TAP_WAIT_SECONDS if line.waits_for_tap else 0.0))


def opening_text(story: Story) -> str | None:
    """The permission question that opens the story, or None when left out;
    the app's own question is in the story's language."""
    ask = story.meta.ask
    return bookends_for(story.meta.language).ask if ask is None else (ask or None)


def closing_text(story: Story) -> str | None:
    thanks = story.meta.thanks
    return bookends_for(story.meta.language).thanks if thanks is None else (thanks or None)


def estimate_seconds(story: Story, pack: StrokePack | None, wpm: int = READ_ALOUD_WPM) -> float:
    """Reading time at a gentle pace + stroke repeats x tempo + pauses + taps,
    including the opening question and the thank-you."""
    total = sum(line_seconds(line, pack, wpm) for _, line in story.lines())
    for extra in (opening_text(story), closing_text(story)):
        if extra:
            total += reading_seconds(extra, wpm)
    return total


def format_duration(seconds: float) -> str:
    """"45 s", "3 min", "1 min 30 s" — how a parent reads a length."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    if minutes >= 3 or rest < 8:
        return f"{minutes + (1 if rest >= 30 and minutes >= 3 else 0)} min"
    return f"{minutes} min {rest // 10 * 10} s" if rest >= 10 else f"{minutes} min"
