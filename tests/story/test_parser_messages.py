"""Golden tests for the messages a parent meets most: each with its line, column,
severity and the exact words, so a change to any of them is a deliberate one."""

from __future__ import annotations

import pytest

from touchstory.story.model import Kind

PLACES = "back, shoulders, arms, hands, head, face, feet, legs, chest, tummy"
STORY_STROKES = "calm, circle, squeeze, walk, fan, sprinkle, wave, bounce, claw, drum"

# (story text, [(line, col, severity, exact message), ...]): every problem the text gives
CASES = [
    # 1. a stroke from the other pack
    ("title: T\n[tummy-clock x3] Round.\n",
     [(2, 2, "error", '"tummy-clock" is a baby-massage stroke (the "infant" pack): add the line '
                      '"pack: infant" at the top of the story')]),
    ("title: T\nkind: routine\n[tummy-clock] Round.\n[walk] Step.\n",
     [(4, 2, "error", '"walk" is a story-massage stroke (the "story" pack): add the line "pack: story" '
                      "at the top of the story")]),
    ("title: T\npack: infant\n[walk] Step.\n",
     [(3, 2, "error", 'unknown stroke "walk" in the "infant" pack (it is a story-massage stroke, from the '
                      '"story" pack); its strokes are stroking, kneading, compression, rocking, resting-hands, '
                      "leg-milking, foot-thumbs, toe-roll, tummy-clock, tummy-paddle, open-book, arm-glide, "
                      "palm-open, face-smile, back-glide, back-circles")]),
    # 2. a refrain that runs on
    ("title: T\nrefrain:\n[wave] a\n[calm] b\n{refrain}\n",
     [(5, 1, "error", "the refrain that starts on line 2 is still going here; leave a blank line before this "
                      "line to end it")]),
    ("title: T\nrefrain:\n" + "[wave] a\n" * 7,
     [(9, 1, "warning", "the refrain that starts on line 2 is still going here (7 lines): a refrain ends at the "
                        "first blank line; if it should end sooner, leave a blank line after its last line (a "
                        "long song can be split into two refrains)")]),
    # 3. square brackets, not "tags"
    ("title: T\n[circle twice] Round.\n",
     [(2, 9, "error", 'unknown word "twice" in [circle twice]: after the stroke write a repeat like x2, a place '
                      "like back, or light / medium / firm")]),
    ("title: T\n[circle bak] Round.\n",
     [(2, 9, "error", 'unknown word "bak" in [circle bak] (did you mean "back"?): after the stroke write a '
                      "repeat like x2, a place like back, or light / medium / firm")]),
    ("title: T\n[circle x2 x3] Round.\n", [(2, 12, "error", "[circle x2 x3] has two repeat counts; keep one")]),
    ("title: T\n[circle back arms] R.\n",
     [(2, 14, "error", '[circle back arms] names two places ("back" and "arms"); keep one')]),
    ("title: T\n[circle light firm] R.\n",
     [(2, 15, "error", "[circle light firm] has two pressures; keep one of light, medium, firm")]),
    ("title: T\n[] R.\n", [(2, 1, "error", "the square brackets are empty: write a stroke inside them, like [calm]")]),
    ("title: T\n[x2 back] R.\n",
     [(2, 2, "error", "there is no stroke in [x2 back]: start with the stroke's name, like [circle x2 back]")]),
    ("title: T\n[circle R.\n",
     [(2, 1, "error", 'the square bracket is not closed: add "]" after the stroke, like [circle x2]')]),
    ("title: T\n[circle knock] R.\n",
     [(2, 9, "error", '[circle knock] has two strokes ("circle" and "knock"); a line has one stroke: keep one, '
                      "or give each its own line")]),
    # 4. hands and tap
    ("title: T\n[hands hands] Rest.\n",
     [(2, 2, "error", "there is no stroke in [hands hands]: start with the stroke's name, like [calm hands]")]),
    ("title: T\n[tap] Who's there?\n",
     [(2, 2, "error", '"tap" is not a stroke: to wait for a tap, write {tap} after the words, like '
                      '"[calm] Who is there? {tap}" (for light fingertip taps, use [sprinkle])')]),
    ("title: T\npack: infant\n[tap] Who's there?\n",
     [(3, 2, "error", '"tap" is not a stroke: to wait for a tap, write {tap} after the words, like '
                      '"[calm] Who is there? {tap}"')]),
    # 5. ages
    ("title: T\nages: 99\n[calm] a\n",
     [(2, 7, "error", 'ages "99": write the ages of the children it suits, up to 18, like 3-7, or 5+ for five '
                      "and over")]),
    ("title: T\nages: three\n[calm] a\n",
     [(2, 7, "error", 'ages "three" is not understood: write a range like 3-7, one age like 4, 5+ for five and '
                      "over, or 0-1 for babies")]),
    ("title: T\nages: 7-3\n[calm] a\n",
     [(2, 7, "error", "ages 7-3 goes backwards: write the younger age first, like 3-7")]),
    # 6. picture and soundscape after the page's lines
    ("title: T\n# One\n[calm] a\npicture: a.svg | A.\n",
     [(4, 1, "warning", '"picture:" goes before the page\'s story lines, straight after its # line: move it up '
                        "(the picture is shown for the whole page)"),
      (4, 10, "warning", 'picture file "a.svg" was not found next to the story; a soft placeholder with the '
                         "description is shown instead")]),
    ("title: T\n# One\n[calm] a\nsoundscape: rain\n",
     [(4, 1, "warning", '"soundscape:" goes before the page\'s story lines, straight after its # line: the sound '
                        "changes where the page starts, not here (to change it here, start a new page with a # "
                        "line)")]),
    # 8. better guesses
    ("title: T\npack: infant\n[circle feet] Round.\n",
     [(3, 2, "error", 'unknown stroke "circle" in the "infant" pack (it is a story-massage stroke, from the '
                      '"story" pack); strokes for the feet are foot-thumbs, toe-roll')]),
    ("title: T\n[circle neck] Round.\n",
     [(2, 9, "error", 'unknown word "neck" in [circle neck]: after the stroke write a repeat like x2, a place like '
                      f"back, or light / medium / firm; the places are {PLACES}")]),
    ("title: T\n[sleepy] Hush.\n",
     [(2, 2, "error", f'unknown stroke "sleepy" in the "story" pack; its strokes are {STORY_STROKES}')]),
    ("title: T\n[cirlce x2] Round.\n",
     [(2, 2, "error", 'unknown stroke "cirlce" in the "story" pack (did you mean "circle"?)')]),
    ("title: T\n[circle x 3] Round.\n", [(2, 9, "error", "write the repeat without a space: x3")]),
    # 10. synonyms of the detail keys
    ("title: T\nname: Mittens\n[calm] a\n", [(2, 1, "warning", 'unknown detail "name" (did you mean "title"?); it is ignored')]),
    ("title: T\nheading: Mittens\n[calm] a\n",
     [(2, 1, "warning", 'unknown detail "heading" (did you mean "title"?); it is ignored')]),
    # 12. named refrains
    ("title: T\n[calm] a\n{refrain sea}\n",
     [(3, 1, "error", 'there is no refrain "sea" written above this line; write "refrain sea:" and its lines first')]),
    ("title: T\nrefrain sea:\n[wave] a\n\n{refrain moon}\n",
     [(5, 1, "error", 'there is no refrain "moon" written above this line; write "refrain moon:" and its lines '
                      'first (refrains written so far: "sea")')]),
    # 13. the small ones
    ("title: T\n[calm] " + "word " * 50 + "\n",
     [(2, 1, "warning", "this line is 249 characters long and will not fit the screen well; split it into two "
                        "lines, each starting with its own [stroke]")]),
    ("title: T\nsoundscape: ../x.wav\n[calm] a\n",
     [(2, 13, "error", 'soundscape: "../x.wav" leaves the story\'s folder; copy the file into the story\'s folder '
                       "(for example into sounds/) and name it from there")]),
    ("title: T\nsoundscape: /x.wav\n[calm] a\n",
     [(2, 13, "error", 'soundscape: "/x.wav" is a full path; put the file in the story\'s folder and write its '
                       "name relative to it, like sounds/rain.ogg")]),
    ("title: T\nsoundscape: gone.wav\n[calm] a\n",
     [(2, 13, "warning", 'sound file "gone.wav" was not found next to the story; the story plays without it')]),
    ("title: T\n[calm] a {like this}\n",
     [(2, 11, "error", 'unknown marker "{like this}": curly brackets are only for {pause 2s}, {tap} and '
                       "{refrain}, so they cannot be part of the words; write the words without them")]),
    ("title: T\n[calm] a {pouse 2s}\n",
     [(2, 11, "error", 'unknown marker "{pouse 2s}" (did you mean "pause"?): write {pause 2s}, {tap} or {refrain}')]),
    # 14. the picture's description is not narrated
    ("title: T\npicture: a.svg\n[calm] a\n",
     [(2, 10, "warning", 'the picture has no description: add one after "|", like "picture: sun.svg | A big '
                         'yellow sun" (it is shown if the picture is missing, and read by screen readers)'),
      (2, 10, "warning", 'picture file "a.svg" was not found next to the story; a soft placeholder with the '
                         "description is shown instead")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[1][0][3][:50] for c in CASES])
def test_exact_message(parse, text: str, expected):
    result = parse(text)
    assert [(p.loc.line, p.loc.col, p.severity.value, p.message) for p in result.problems] == expected
    assert (result.story is None) == any(e[2] == "error" for e in expected)


def test_a_routine_uses_the_infant_pack_unless_told(parse):
    story = parse("title: T\nkind: routine\n[tummy-clock x2] Round.\n[holding] Hold.\n").story
    assert story.meta.pack == "infant" and story.meta.kind is Kind.ROUTINE
    assert [l.stroke for _, l in story.lines()] == ["tummy-clock", "resting-hands"]
    story = parse("title: T\nkind: routine\npack: story\n[walk] Step.\n").story
    assert story.meta.pack == "story"


def test_a_stroke_named_like_a_place_is_the_stroke_when_first(parse):
    story = parse("title: T\npack: infant\n[arms light] Glide.\n[face x2] Smile.\n[stroking arms] Long.\n").story
    tags = [l.tag for _, l in story.lines()]
    assert [(t.stroke, t.area and t.area.value) for t in tags] == [
        ("arm-glide", None), ("face-smile", None), ("stroking", "arms")]


def test_chorus_is_a_refrain_and_names_may_have_spaces(parse):
    story = parse("title: T\nchorus:\n[wave] Swish.\n\nrefrain Sea Song:\n[calm] Hush.\n\n{chorus}\n"
                  "{refrain sea song}\n{refrain Sea  Song}\n").story
    assert [l.text for _, l in story.lines()] == ["Swish.", "Hush.", "Swish.", "Hush.", "Hush."]


def test_pressure_words_gentle_and_soft_are_light(parse):
    story = parse("title: T\n[circle gentle] a\n[circle soft] b\n").story
    assert {l.tag.pressure.value for _, l in story.lines()} == {"light"}


def test_notes_may_stand_after_a_pages_lines(parse):
    result = parse("title: T\n# One\n[calm] a\nnote: Rest a moment.\n")
    assert result.story is not None and not result.problems
    assert result.story.pages[0].notes[0].text == "Rest a moment."
