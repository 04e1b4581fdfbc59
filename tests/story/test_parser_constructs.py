"""Golden tests: every construct of stories/FORMAT.md becomes the right model."""

from __future__ import annotations

from pathlib import Path

from touchstory.story.model import Area, Kind, Pause, Pressure, WaitForTap


FULL = """
title: The Windy Day
author: Sam and Grandad
language: en-US
ages: 3-7
mood: calm
kind: story
soundscape: wind
licence: CC-BY-4.0
summary: A kite and a hill.

// a comment is ignored
# The hill
picture: pictures/hill.svg | A green hill.
note: Sit behind your child.
[calm] Once upon a time there was a hill.
[walk x4 back light] Up, up, up, {pause 1s} to the top.
refrain:
[wave] Swish, swash, says the sea,
[calm] hush now, rest with me.

# The kite
soundscape: sea
[fan 2x shoulders firm] The wind lifted the kite,
{pause 3s}
[sprinkle] Tiny raindrops fell. {tap}
{refrain}
[none] The end.
note: Rest your hands for a moment.
"""


def test_metadata_is_read(parse):
    result = parse(FULL)
    assert result.ok, [p.format() for p in result.problems]
    meta = result.story.meta
    assert (meta.title, meta.author, meta.language) == ("The Windy Day", "Sam and Grandad", "en-US")
    assert str(meta.ages) == "3-7" and meta.ages.includes(5) and not meta.ages.includes(8)
    assert (meta.mood, meta.kind, meta.pack, meta.soundscape) == ("calm", Kind.STORY, "story", "wind")
    assert meta.licence == "CC-BY-4.0" and meta.summary == "A kite and a hill."
    assert meta.ask is None and meta.thanks is None


def test_pages_pictures_and_notes(parse, tmp_path: Path):
    story = parse(FULL).story
    assert [p.title for p in story.pages] == ["The hill", "The kite"]
    hill = story.pages[0]
    assert hill.picture.source == "pictures/hill.svg" and hill.picture.alt == "A green hill."
    assert hill.picture.path == (tmp_path / "pictures/hill.svg").resolve()
    assert not hill.picture.exists
    assert [n.text for n in hill.lines[0].notes] == ["Sit behind your child."]
    assert story.pages[1].soundscape == "sea"
    assert [n.text for n in story.pages[1].notes] == ["Rest your hands for a moment."]


def test_stroke_tags(parse):
    story = parse(FULL).story
    walk = story.pages[0].lines[1].tag
    assert (walk.stroke, walk.repeats, walk.area, walk.pressure) == ("walk", 4, Area.BACK, Pressure.LIGHT)
    assert (walk.loc.line, walk.loc.col) == (16, 1)
    fan = story.pages[1].lines[0].tag
    assert (fan.stroke, fan.repeats, fan.area, fan.pressure) == ("fan", 2, Area.SHOULDERS, Pressure.FIRM)
    none = story.pages[1].lines[-1]
    assert none.stroke is None and none.text == "The end."


def test_pauses_and_taps(parse):
    story = parse(FULL).story
    walk = story.pages[0].lines[1]
    assert walk.text == "Up, up, up, to the top."
    assert [type(p) for p in walk.parts if not isinstance(p, str)] == [Pause]
    assert walk.pause_seconds == 1.0
    kite = story.pages[1].lines[0]
    assert kite.pause_seconds == 3.0, "a pause on its own line belongs to the line before"
    rain = story.pages[1].lines[1]
    assert rain.waits_for_tap and isinstance(rain.parts[-1], WaitForTap)


def test_refrain_is_read_where_written_and_repeated(parse):
    story = parse(FULL).story
    texts = [line.text for _, line in story.lines()]
    assert texts.count("Swish, swash, says the sea,") == 2
    assert texts[2:4] == ["Swish, swash, says the sea,", "hush now, rest with me."]
    assert texts[6:8] == ["Swish, swash, says the sea,", "hush now, rest with me."]
    assert story.pages[1].lines[2].refrain == ""


def test_named_refrains(parse):
    result = parse("""
        title: T
        refrain sea:
        [wave] Swish.

        refrain sky:
        [fan] Whoosh.

        {refrain sky}
        {refrain sea}
        """)
    assert result.ok
    assert [l.text for _, l in result.story.lines()] == ["Swish.", "Whoosh.", "Whoosh.", "Swish."]


def test_aliases_resolve_to_the_stroke_id(parse):
    story = parse("title: T\n[circles x2] Round.\n[knock] Knock.\n").story
    assert [l.stroke for _, l in story.lines()] == ["circle", "drum"]


def test_infant_pack(parse):
    story = parse("title: T\npack: infant\nkind: routine\nages: 0-1\n[tummy-clock x3 tummy] Round the clock.\n"
                  "[containment] Hold.\n").story
    assert story.meta.pack == "infant" and story.meta.kind is Kind.ROUTINE
    assert [l.stroke for _, l in story.lines()] == ["tummy-clock", "resting-hands"]


def test_own_ask_and_thanks_and_none(parse):
    story = parse("title: T\nask: May I give you a massage?\nthanks: none\n[calm] Hi.\n").story
    assert story.meta.ask == "May I give you a massage?" and story.meta.thanks == ""


def test_ages_forms(parse):
    for text, expected in (("5+", "5+"), ("0-1", "0-1"), ("3 to 7", "3-7"), ("3 to 5", "3-5"), ("4", "4"),
                           ("3-7 years", "3-7"), ("5 and up", "5+"), ("6 months", "0-1"), ("18 months", "1-2"),
                           ("0-12 months", "0-1"), ("18", "18")):
        assert str(parse(f"title: T\nages: {text}\n[calm] Hi.\n").story.meta.ages) == expected


def test_pause_units(parse):
    story = parse("title: T\n[calm] a {pause 500ms} b {pause 1.5s} c {pause 2 seconds}\n").story
    assert story.pages[0].lines[0].pause_seconds == 4.0


def test_lines_before_first_heading_form_an_untitled_page(parse):
    story = parse("title: T\npicture: a.svg | A.\n[calm] Hi.\n# Two\n[calm] There.\n").story
    assert [p.title for p in story.pages] == ["", "Two"]
    assert story.pages[0].picture.source == "a.svg"


def test_existing_picture(parse, tmp_path: Path):
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.svg").write_text("<svg/>")
    story = parse("title: T\npicture: pics/a.svg | A.\n[calm] Hi.\n").story
    assert story.pages[0].picture.exists
    assert not story.warnings


def test_windows_line_endings_and_bom(packs, tmp_path: Path):
    from touchstory.story.parser import load_story

    path = tmp_path / "w.story"
    path.write_bytes("\ufefftitle: T\r\n[calm] Hi.\r\n".encode())
    result = load_story(path, packs)
    assert result.ok and result.story.title == "T"
