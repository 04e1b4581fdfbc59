"""Each child's own way: a pure function that takes a story and a child's
preferences and gives the story as it will be played for that child.

Avoided strokes are swapped for their substitute (or left out, the words still
read, when none is known), the place and pressure follow the child, and a story
longer than the child's length cap can be cut to the whole pages that fit ("a
short version"). The adapted story is an ordinary `Story`, so everything that
reads a story (the timeline, the estimate, the printer) follows the substitute's
tempo without knowing about profiles. Qt-free.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from touchstory.story.duration import estimate_seconds
from touchstory.story.model import Area, Page, Position, Pressure, Story, StoryLine, StrokeTag
from touchstory.story.packs import StrokePack


class Placement(StrEnum):
    """Where the strokes go for this child."""

    AS_WRITTEN = "as-written"  # usually the back, sitting up
    CHEST = "chest"  # lying on their back: strokes on the chest and tummy
    HANDS = "hands"
    FEET = "feet"
    CHILD_GIVES = "child-gives"  # the child gives the massage to the grown-up

    @property
    def label(self) -> str:
        return _PLACEMENT_LABELS[self]


_PLACEMENT_LABELS = {
    Placement.AS_WRITTEN: "where the story says (usually the back)",
    Placement.CHEST: "chest and tummy, lying down",
    Placement.HANDS: "hands",
    Placement.FEET: "feet",
    Placement.CHILD_GIVES: "the child gives the massage",
}


class PressureWay(StrEnum):
    LIGHTER = "lighter"
    AS_WRITTEN = "as-written"
    FIRMER = "firmer"  # for a touch-sensitive child: firm, never tickly


# Suggested swaps for strokes a child dislikes: calmer, or less tickly, strokes of
# the story pack. A profile's own choice always wins; a pack without the
# substitute gets none (the line is then read with no stroke).
DEFAULT_SUBSTITUTES: Mapping[str, str] = {
    "drum": "sprinkle",
    "claw": "wave",
    "bounce": "circle",
    "sprinkle": "fan",
    "squeeze": "calm",
    "walk": "wave",
    "fan": "circle",
    "wave": "circle",
    "circle": "calm",
}

_AREA_FOR: Mapping[Placement, Area] = {
    Placement.CHEST: Area.CHEST,
    Placement.HANDS: Area.HANDS,
    Placement.FEET: Area.FEET,
}
# Areas a lying-down child can still be reached on as written.
_FRONT = frozenset({Area.CHEST, Area.TUMMY, Area.ARMS, Area.HANDS, Area.LEGS, Area.FEET, Area.FACE, Area.HEAD})

_LIGHTER = {Pressure.FIRM: Pressure.MEDIUM, Pressure.MEDIUM: Pressure.LIGHT, Pressure.LIGHT: Pressure.LIGHT}
_FIRMER = {Pressure.LIGHT: Pressure.MEDIUM, Pressure.MEDIUM: Pressure.FIRM, Pressure.FIRM: Pressure.FIRM}


@dataclass(frozen=True, slots=True)
class ChildWay:
    """What the adaptation needs to know about a child. Empty: the story as written."""

    loves: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    substitutes: tuple[tuple[str, str], ...] = ()  # (avoided stroke id, substitute id; itself: leave out)
    placement: Placement = Placement.AS_WRITTEN
    pressure: PressureWay = PressureWay.AS_WRITTEN
    cap_minutes: float | None = None

    def substitute_for(self, stroke: str, pack: StrokePack | None) -> str | None:
        """The stroke played instead of `stroke`, or None to leave it out."""
        own = dict(self.substitutes).get(stroke)
        if own == stroke:
            return None  # the child's way names the stroke itself: leave it out, no suggestion
        # The child's own choice first; when this story's pack lacks it, the suggestion.
        for chosen in (own, DEFAULT_SUBSTITUTES.get(stroke)):
            if chosen is None or chosen in self.avoid or chosen == stroke:
                continue
            if pack is None or pack.get(chosen) is not None:
                return chosen
        return None


@dataclass(frozen=True, slots=True)
class LineChange:
    """What the child's way changed on one line (for the card's "instead of")."""

    instead_of: str | None  # the written stroke id, when it was swapped or left out
    left_out: bool = False  # avoided with no substitute: words read, no stroke


@dataclass(frozen=True, slots=True)
class Adapted:
    story: Story
    changes: Mapping[Position, LineChange]  # positions in the adapted story
    shortened: bool  # pages were left out to fit the cap
    over_cap: bool  # the full (adapted) story is longer than the child's cap
    full_seconds: float  # the adapted story before shortening
    seconds: float  # as it will be played


def adapt(story: Story, pack: StrokePack | None, way: ChildWay | None, short: bool = False) -> Adapted:
    """The story as played for a child. `short`: cut to the whole pages that fit the
    child's length cap (the first pages, and the last page so it still ends)."""
    way = way or ChildWay()
    pages: list[Page] = []
    changes: dict[Position, LineChange] = {}
    for p, page in enumerate(story.pages):
        lines = []
        for i, line in enumerate(page.lines):
            new_line, change = _adapt_line(line, pack, way)
            lines.append(new_line)
            if change is not None:
                changes[Position(p, i)] = change
        pages.append(dataclasses.replace(page, lines=tuple(lines)))
    full = dataclasses.replace(story, pages=tuple(pages), _flat=())
    full_seconds = estimate_seconds(full, pack)
    cap = way.cap_minutes * 60 if way.cap_minutes else None
    over = cap is not None and full_seconds > cap
    if not (short and over and cap is not None):
        return Adapted(full, changes, False, over, full_seconds, full_seconds)
    kept = _pages_that_fit(full, pack, cap)
    shorter = dataclasses.replace(full, pages=tuple(full.pages[k] for k in kept), _flat=())
    moved = {Position(kept.index(pos.page), pos.line): c for pos, c in changes.items() if pos.page in kept}
    return Adapted(shorter, moved, True, over, full_seconds, estimate_seconds(shorter, pack))


def _adapt_line(line: StoryLine, pack: StrokePack | None, way: ChildWay) -> tuple[StoryLine, LineChange | None]:
    tag = line.tag
    change: LineChange | None = None
    stroke = tag.stroke
    if stroke is not None and stroke in way.avoid:
        stroke = way.substitute_for(stroke, pack)
        change = LineChange(tag.stroke, left_out=stroke is None)
    area, pressure = tag.area, tag.pressure
    if stroke is not None:
        written = pack.get(stroke) if pack is not None else None
        if change is not None:
            area = pressure = None  # the substitute is done its own way, not the old stroke's
        base_area = area or (written.area if written else None)
        area = _area(base_area, way.placement) if way.placement is not Placement.AS_WRITTEN else area
        base_pressure = pressure or (written.pressure if written else None)
        if way.pressure is not PressureWay.AS_WRITTEN and base_pressure is not None:
            pressure = (_LIGHTER if way.pressure is PressureWay.LIGHTER else _FIRMER)[base_pressure]
    else:
        area = pressure = None
    new_tag = StrokeTag(stroke, tag.repeats, area, pressure, tag.loc,
                        instead_of=change.instead_of if change else None)
    if new_tag == tag:
        return line, None
    return dataclasses.replace(line, tag=new_tag), change


def _area(area: Area | None, placement: Placement) -> Area | None:
    if placement is Placement.CHEST:
        return area if area in _FRONT else Area.CHEST
    return _AREA_FOR.get(placement, area)


def _pages_that_fit(story: Story, pack: StrokePack | None, cap: float) -> list[int]:
    """Indexes of the pages kept: the last page (the ending) always, then pages from
    the start while the whole still fits; the first page when nothing fits."""
    last = len(story.pages) - 1
    if last <= 0:
        return [0] if story.pages else []
    kept = [last]
    for index in range(last):
        trial = sorted([*kept, index])
        if estimate_seconds(_with_pages(story, trial), pack) > cap:
            break
        kept = trial
    if estimate_seconds(_with_pages(story, kept), pack) > cap and len(kept) == 1:
        kept = [0]  # not even the ending fits: the opening page on its own
    return kept


def _with_pages(story: Story, kept: list[int]) -> Story:
    return dataclasses.replace(story, pages=tuple(story.pages[k] for k in kept), _flat=())


def suits(story: Story, way: ChildWay | None, pack: StrokePack | None) -> bool:
    """True when the story has none of the child's avoided strokes, or every one
    of them has a substitute."""
    if way is None:
        return True
    return all(way.substitute_for(s, pack) is not None for s in story.strokes_used() if s in way.avoid)


def loved_count(story: Story, way: ChildWay | None) -> int:
    """How many of the child's loved strokes the story uses (for sorting)."""
    return 0 if way is None else sum(1 for s in story.strokes_used() if s in way.loves)
