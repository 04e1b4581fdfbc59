"""Stroke packs: the bundled ones are complete, and a bad pack file is reported
with its own path and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from touchstory.errors import PackError
from touchstory.story.model import Area, Pressure
from touchstory.story.packs import Body, HandShape, PackRegistry, Touch, load_pack, parse_pack

STORY_STROKES = {"calm", "circle", "squeeze", "walk", "fan", "sprinkle", "wave", "bounce", "claw", "drum"}
INFANT_AT_LEAST = {"stroking", "kneading", "compression", "rocking", "resting-hands", "leg-milking",
                   "foot-thumbs", "tummy-clock", "open-book", "arm-glide", "palm-open", "face-smile", "back-glide"}


def test_bundled_packs(packs):
    assert {s.id for s in packs["story"].strokes} == STORY_STROKES
    assert {s.id for s in packs["infant"].strokes} >= INFANT_AT_LEAST
    assert packs["story"].body is Body.BACK and packs["infant"].body is Body.BABY
    infant_areas = {s.area for s in packs["infant"].strokes}
    assert {Area.LEGS, Area.FEET, Area.TUMMY, Area.CHEST, Area.ARMS, Area.HANDS, Area.FACE, Area.BACK} <= infant_areas


@pytest.mark.parametrize("pack_id", ["story", "infant"])
def test_every_stroke_is_fully_described(packs, pack_id):
    for stroke in packs[pack_id].strokes:
        sentences = [s for s in stroke.how.replace("!", ".").split(".") if s.strip()]
        assert 2 <= len(sentences) <= 4, (stroke.id, stroke.how)
        assert 0.5 <= stroke.tempo <= 10
        assert stroke.motion.points and all(0 <= v <= 1 for p in stroke.motion.points for v in p)
        assert stroke.motion.hands in (1, 2)
        for word in ("cure", "treat", "heal", "therapy", "medical"):
            assert word not in stroke.how.lower(), (stroke.id, word)


def test_lookup_by_alias_ignores_case(packs):
    assert packs["story"].get("Circles").id == "circle"
    assert packs["infant"].get("containment").id == "resting-hands"
    assert packs["story"].get("nope") is None


GOOD = """pack: gentle
name: Gentle
stroke: feather
name: Feather
aliases: feathers, brush
how: Brush lightly. Keep it slow.
  Stop if your child pulls away.
tempo: 2.5
pressure: light
area: back
hands: 1
touch: glide
motion: 0.50,0.20 0.50,0.80
"""


def test_pack_file_format(tmp_path: Path):
    pack, problems = parse_pack(GOOD, tmp_path / "g.pack")
    assert not problems
    feather = pack["brush"]
    assert feather.how == "Brush lightly. Keep it slow. Stop if your child pulls away."
    assert (feather.tempo, feather.pressure, feather.area) == (2.5, Pressure.LIGHT, Area.BACK)
    assert feather.motion.touch is Touch.GLIDE and feather.motion.points == ((0.5, 0.2), (0.5, 0.8))


@pytest.mark.parametrize("original, replacement, line, col, message", [
    ("tempo: 2.5", "tempo: 99", 8, 8, "tempo is the seconds one repeat takes"),
    ("tempo: 2.5", "tempo: fast", 8, 8, "tempo is the seconds one repeat takes"),
    ("pressure: light", "pressure: hard", 9, 11, 'pressure "hard" is not one of light, medium, firm'),
    ("area: back", "area: nose", 10, 7, 'area "nose" is not one of back'),
    ("touch: glide", "touch: slap", 12, 8, 'touch "slap" is not one of glide, tap, press, rest'),
    ("motion: 0.50,0.20 0.50,0.80", "motion: 0.5,0.2 2,3", 13, 17, '"2,3" is not a point'),
    ("hands: 1", "hands: 3", 11, 8, "hands must be 1, 2 (mirrored) or \"2 in turn\""),
    ("touch: glide", "touch: glide\nhand: paw", 13, 7, 'hand "paw" is not one of flat, fingertips, two-fingers'),
])
def test_bad_pack_values_name_line_and_column(tmp_path: Path, original, replacement, line, col, message):
    path = tmp_path / "g.pack"
    path.write_text(GOOD.replace(original, replacement))
    with pytest.raises(PackError) as info:
        load_pack(path)
    problem = info.value.problems[0]
    assert (problem.loc.path, problem.loc.line, problem.loc.col) == (str(path), line, col)
    assert message in problem.message


def test_unknown_key_and_missing_fields(tmp_path: Path):
    pack, problems = parse_pack("pack: x\nstroke: a\nhow: A. B.\ntempoo: 2\n", tmp_path / "x.pack")
    assert pack is None
    messages = [(p.loc.line, p.message) for p in problems]
    assert (4, 'unknown key "tempoo" (did you mean "tempo"?)') in messages
    assert any(m.startswith('stroke "a" has no "tempo:" line') for _, m in messages)


def test_user_pack_is_added_and_bad_one_reported(tmp_path: Path):
    (tmp_path / "gentle.pack").write_text(GOOD)
    (tmp_path / "broken.pack").write_text("stroke: x\n")
    (tmp_path / "story.pack").write_text(GOOD.replace("pack: gentle", "pack: story"))
    registry = PackRegistry.default(tmp_path)
    assert {"story", "infant", "gentle"} <= set(registry.ids())
    assert registry["story"].get("circle") is not None, "a user pack never replaces a bundled one"
    paths = {p.loc.path for p in registry.problems}
    assert str(tmp_path / "broken.pack") in paths and str(tmp_path / "story.pack") in paths


def test_every_bundled_stroke_names_an_icon_that_exists(packs):
    for pack in packs:
        for stroke in pack.strokes:
            assert stroke.icon is not None and stroke.icon.is_file(), (pack.id, stroke.id)


PLACES = GOOD + """hand: fingertips
how on feet, hands: Brush the top of the foot or hand. Keep it slow.
how on chest: Brush down from the collarbones. Keep it light.
"""


def test_a_stroke_carries_its_own_words_for_other_places(tmp_path: Path):
    pack, problems = parse_pack(PLACES, tmp_path / "g.pack")
    assert not problems
    feather = pack["feather"]
    assert feather.how_for(Area.FEET) == "Brush the top of the foot or hand. Keep it slow."
    assert feather.how_for(Area.HANDS) == feather.how_for(Area.FEET)
    assert feather.how_for(Area.CHEST) == "Brush down from the collarbones. Keep it light."
    assert feather.how_for(Area.BACK) == feather.how_for(None) == feather.how
    assert feather.how_for(Area.LEGS) is None, "a place the pack says nothing about"
    assert feather.motion.shape is HandShape.FINGERTIPS


def test_hands_in_turn_and_the_other_hand_of_a_stroke(tmp_path: Path):
    text = GOOD.replace("hands: 1", "hands: 2 in turn")
    pack, problems = parse_pack(text, tmp_path / "g.pack")
    assert not problems and pack["feather"].motion.in_turn and pack["feather"].motion.hands == 2
    text = GOOD.replace("hands: 1", "hands: 2\nother-hand: 0.5,0.1")
    pack, problems = parse_pack(text, tmp_path / "g.pack")
    assert not problems and pack["feather"].motion.other == ((0.5, 0.1),)
    assert not pack["feather"].motion.in_turn
    assert GOOD.count("hand: ") == 0 and parse_pack(GOOD, tmp_path / "g.pack")[0]["feather"].motion.shape \
        is HandShape.FLAT, "no hand: line means the flat palm"


@pytest.mark.parametrize("extra, line, col, message", [
    ("how on nose: Brush it.", 13, 8, '"nose" is not a place: write one of back, shoulders'),
    ("how on feet, toes: Brush it.", 13, 14, '"toes" is not a place'),
    ("how on back: Brush it.", 13, 8, '"how on back:" is the stroke\'s usual place'),
    ("how on feet: One.\nhow on legs,  feet: Two.", 14, 15, "the how-to on the feet is written twice"),
    ("how on feet:", 13, 1, '"how on feet:" has no words after the colon'),
    ("other-hand: 0.5,0.1", 13, 1, '"other-hand:" places the second hand: write "hands: 2" too'),
    ("hands: 2\nother-hand: 0.5,9", 14, 13, '"0.5,9" is not a point'),
])
def test_bad_places_and_hands_name_line_and_column(tmp_path: Path, extra, line, col, message):
    path = tmp_path / "g.pack"
    path.write_text(GOOD.replace("hands: 1\n", "") + extra + "\n")
    with pytest.raises(PackError) as info:
        load_pack(path)
    problem = info.value.problems[0]
    assert (problem.loc.path, problem.loc.line, problem.loc.col) == (str(path), line, col), problem
    assert message in problem.message
