"""The export dialog's choices as (label, value) tables: the soundscape under the
file, the voice's speed and the stroke pace. Qt-free, so tests read them plainly."""

from __future__ import annotations

from pathlib import Path

from touchstory.audio.soundscapes import ALIASES, SOUNDSCAPES
from touchstory.export.session import NO_SOUNDSCAPE, has_soundscape, page_soundscapes
from touchstory.speech.voices import Speed
from touchstory.story.model import Story

PACE_CHOICES = (  # (label, stroke time scale) for the export dialog; the CLI takes --pace 0.5-2
    ("Brisker: three quarters of the usual time", 0.75),
    ("As the story has it", 1.0),
    ("Unhurried: half as long again", 1.5),
    ("Very slow: twice as long", 2.0),
)

def soundscape_choices(story: Story) -> tuple[list[tuple[str, str | None]], int]:
    """What can play under the file (label, value for ExportRequest.soundscape) and
    which is chosen at first: the story's own (with its pages' own) when it has one."""
    own = story.meta.soundscape
    choices: list[tuple[str, str | None]] = []
    if has_soundscape(story):
        if own and own != NO_SOUNDSCAPE:
            info = SOUNDSCAPES.get(ALIASES.get(own, own))
            label = f"The story's own: {info.name if info else Path(own).name}"
        else:
            label = "The story's own"
        choices.append((label + (", changing with the pages" if page_soundscapes(story) else ""), None))
    choices += [(info.name, key) for key, info in SOUNDSCAPES.items()]
    choices.append(("None: the voice alone", NO_SOUNDSCAPE))
    return choices, 0 if has_soundscape(story) else len(choices) - 1


def speed_choices(rate_wpm: int) -> tuple[list[tuple[str, int]], int]:
    """Voice speeds to offer (label, words a minute), and the one chosen at first:
    the speed from Settings."""
    choices = [(f"{speed.label}, {speed.wpm} words a minute", speed.wpm) for speed in (Speed.BEDTIME, Speed.NORMAL)]
    if all(wpm != rate_wpm for _, wpm in choices):
        choices.append((f"As in Settings, {rate_wpm} words a minute", rate_wpm))
    return choices, next(i for i, (_, wpm) in enumerate(choices) if wpm == rate_wpm)
