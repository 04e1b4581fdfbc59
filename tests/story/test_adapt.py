"""The adaptation of a story to one child, table-driven: each row is a child's
way and what a reader would see on the stroke card for one written line."""

from __future__ import annotations

import pytest

from touchstory.resources import packs_dir
from touchstory.story.adapt import (ChildWay, Placement, PressureWay, adapt, loved_count, suits)
from touchstory.story.duration import estimate_seconds, line_seconds
from touchstory.story.model import Area, Position, Pressure
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import parse_story_text

PACKS = PackRegistry.from_dirs(packs_dir())
PACK = PACKS.get("story")

TEXT = """title: Rain on the Roof
pack: story

# Clouds
[drum x4] Pitter patter, rain on the roof.
[circle x2 shoulders firm] The clouds roll round and round.

# Puddles
[claw x2] Little claws scratch at the window.
[walk x3] Splash, splash, through the puddles.

# Home
[calm] Home again, warm and dry.
"""


def _story():
    return parse_story_text(TEXT, "rain.story", PACKS)


def _first(story, page=0, line=0):
    return story.pages[page].lines[line]


# (child's way, page, line, expected stroke, area, pressure, instead of)
TABLE = [
    (ChildWay(), 0, 0, "drum", None, None, None),
    (ChildWay(avoid=("drum",)), 0, 0, "sprinkle", None, None, "drum"),
    (ChildWay(avoid=("drum",), substitutes=(("drum", "circle"),)), 0, 0, "circle", None, None, "drum"),
    (ChildWay(avoid=("drum", "sprinkle")), 0, 0, None, None, None, "drum"),
    (ChildWay(avoid=("claw",)), 1, 0, "wave", None, None, "claw"),
    (ChildWay(avoid=("drum",), substitutes=(("drum", "drum"),)), 0, 0, None, None, None, "drum"),  # leave out
    (ChildWay(avoid=("drum",), substitutes=(("drum", "no-such-stroke"),)), 0, 0, "sprinkle", None, None, "drum"),
    (ChildWay(placement=Placement.CHEST), 0, 0, "drum", Area.CHEST, None, None),
    (ChildWay(placement=Placement.CHEST), 0, 1, "circle", Area.CHEST, Pressure.FIRM, None),
    (ChildWay(placement=Placement.HANDS), 1, 1, "walk", Area.HANDS, None, None),
    (ChildWay(placement=Placement.FEET), 2, 0, "calm", Area.FEET, None, None),
    (ChildWay(pressure=PressureWay.FIRMER), 0, 0, "drum", None, Pressure.MEDIUM, None),
    (ChildWay(pressure=PressureWay.FIRMER), 0, 1, "circle", Area.SHOULDERS, Pressure.FIRM, None),
    (ChildWay(pressure=PressureWay.LIGHTER), 0, 1, "circle", Area.SHOULDERS, Pressure.MEDIUM, None),
    (ChildWay(pressure=PressureWay.LIGHTER), 1, 1, "walk", None, Pressure.LIGHT, None),
    # the substitute is done its own way: the circle's "shoulders firm" is not carried over
    (ChildWay(avoid=("circle",)), 0, 1, "calm", None, None, "circle"),
    (ChildWay(avoid=("drum",), pressure=PressureWay.FIRMER, placement=Placement.HANDS),
     0, 0, "sprinkle", Area.HANDS, Pressure.MEDIUM, "drum"),
]


@pytest.mark.parametrize("way, page, line, stroke, area, pressure, instead", TABLE)
def test_each_line_follows_the_child(way, page, line, stroke, area, pressure, instead):
    adapted = adapt(_story(), PACK, way)
    tag = adapted.story.pages[page].lines[line].tag
    assert (tag.stroke, tag.area, tag.pressure) == (stroke, area, pressure)
    change = adapted.changes.get(Position(page, line))
    assert (change.instead_of if change else None) == instead == tag.instead_of
    # the words are never changed
    assert adapted.story.pages[page].lines[line].text == _first(_story(), page, line).text


def test_no_profile_gives_the_story_as_written():
    story = _story()
    adapted = adapt(story, PACK, None)
    assert adapted.story == story and not adapted.changes and not adapted.over_cap


def test_dwell_follows_the_substitutes_tempo():
    story = _story()
    adapted = adapt(story, PACK, ChildWay(avoid=("claw",)))
    before, after = _first(story, 1, 0), _first(adapted.story, 1, 0)
    # claw 2 s a repeat, wave 2.5 s: 2 repeats -> one second longer
    assert line_seconds(after, PACK) - line_seconds(before, PACK) == pytest.approx(1.0)
    assert adapted.story.lines()[2][1].stroke == "wave"


def test_a_left_out_stroke_reads_the_words_without_a_stroke():
    adapted = adapt(_story(), PACK, ChildWay(avoid=("drum", "sprinkle")))
    change = adapted.changes[Position(0, 0)]
    assert change.left_out and change.instead_of == "drum"
    assert adapted.story.pages[0].lines[0].tag.area is None


@pytest.mark.parametrize("avoid, expected", [
    ((), True),
    (("drum",), True),  # sprinkle instead
    (("drum", "sprinkle"), False),  # no substitute left
    (("fan",), True),  # not in the story at all
    (("walk", "wave"), False),  # walk -> wave, avoided too
])
def test_which_stories_suit_the_child(avoid, expected):
    assert suits(_story(), ChildWay(avoid=avoid), PACK) is expected


def test_loved_strokes_are_counted():
    assert loved_count(_story(), ChildWay(loves=("drum", "walk", "fan"))) == 2


def test_over_the_cap_is_flagged_and_a_short_version_keeps_whole_pages_and_the_ending():
    story = _story()
    full = estimate_seconds(story, PACK)
    last = estimate_seconds(_only(story, [0, 2]), PACK)
    cap_minutes = (last + 0.5) / 60  # room for the first page and the ending, not the middle
    assert last < full
    flagged = adapt(story, PACK, ChildWay(cap_minutes=cap_minutes))
    assert flagged.over_cap and not flagged.shortened and len(flagged.story.pages) == 3
    short = adapt(story, PACK, ChildWay(cap_minutes=cap_minutes), short=True)
    assert short.shortened and [p.title for p in short.story.pages] == ["Clouds", "Home"]
    assert short.seconds <= cap_minutes * 60 < short.full_seconds
    assert short.story.line_count == 3


def test_a_changed_line_keeps_its_change_after_shortening():
    story = _story()
    cap = estimate_seconds(_only(story, [0, 2]), PACK) / 60 + 0.01
    short = adapt(story, PACK, ChildWay(avoid=("calm",), cap_minutes=cap), short=True)
    assert [p.title for p in short.story.pages][-1] == "Home"
    home = len(short.story.pages) - 1
    assert short.changes[Position(home, 0)].instead_of == "calm"


def test_a_story_within_the_cap_is_not_flagged():
    adapted = adapt(_story(), PACK, ChildWay(cap_minutes=30), short=True)
    assert not adapted.over_cap and not adapted.shortened and len(adapted.story.pages) == 3


def _only(story, pages):
    import dataclasses
    return dataclasses.replace(story, pages=tuple(story.pages[i] for i in pages), _flat=())
