"""stories/FORMAT.md is what a parent writes from: it must name every stroke, and
its examples and sample message must be what the checker really does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from touchstory.story import lines
from touchstory.story.packs import PackRegistry

FORMAT = Path(__file__).resolve().parents[2] / "stories" / "FORMAT.md"
TEXT = FORMAT.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```\n(.*?)```", TEXT, re.DOTALL)


@pytest.mark.parametrize("pack_id", ["story", "infant"])
def test_format_names_every_stroke_and_every_other_name(packs: PackRegistry, pack_id: str):
    missing = [name for stroke in packs[pack_id].strokes for name in (stroke.id, *stroke.aliases)
               if f"`{name}`" not in TEXT]
    assert not missing, f"FORMAT.md does not mention {missing}"


def test_format_names_every_pressure_word():
    assert all(f"`{word}`" in TEXT for word in lines._PRESSURES)


def test_sample_messages_are_the_checkers_own_words(parse):
    samples = [b for b in BLOCKS if re.match(r"^\S+\.story:\d+:\d+: (error|warning): ", b)]
    assert samples, "FORMAT.md shows no sample message"
    for block in samples:
        header, source = block.splitlines()[:2]
        m = re.match(r"^(?P<name>\S+\.story):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.*)$",
                     header)
        assert m
        line = int(m["line"])
        text = "title: T\n" + "\n" * (line - 2) + source.strip() + "\n"
        found = [(p.loc.line, p.loc.col, p.severity.value, p.message) for p in parse(text, m["name"]).problems]
        assert (line, int(m["col"]), m["sev"], m["msg"]) in found, found
        caret = block.splitlines()[2]  # the line and its caret are both shown two spaces in
        assert source.startswith("  ") and caret.index("^") == 2 + int(m["col"]) - 1


def test_the_whole_example_story_plays(parse):
    example = next(b for b in BLOCKS if b.startswith("title: The Windy Day"))
    result = parse(example)
    assert result.story is not None, [p.format() for p in result.problems]
    assert {p.message.split(" was not found")[0] for p in result.problems} == {
        'picture file "pictures/hill.svg"', 'picture file "pictures/kite.svg"'}


def test_the_refrain_example_repeats_its_two_lines(parse):
    example = next(b for b in BLOCKS if b.startswith("refrain:"))
    story = parse("title: T\n" + example).story
    assert [l.text for _, l in story.lines()][-2:] == ["Swish, swash, says the sea,", "hush now, rest with me."]
    assert not story.warnings
