"""Golden tests for a first-time author's mistakes (issue 16): a second stroke in a
line, stray brackets and Markdown, UTF-16 files, singular places and other packs'
words, and the book style `... (The Calm)` with `check --fix`'s rewrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from touchstory.story.fixes import backup_path, fix_file, fix_text
from touchstory.story.parser import load_story
from touchstory.story.problems import decode_text

FIX = "the stroke goes at the start of the line, in square brackets (touchstory check --fix rewrites such lines " \
      "for you); write it as: "
EMPHASIS = ('the "**" marks around "circle" are shown as they are (bold and italics from Markdown or chat do not '
            "work in a story); write the words without them")
STRAY = ('this "]" is shown as it is: only the stroke at the start of the line goes in square brackets; delete the '
         'extra "]"')

CASES = [
    ("title: T\n[circle] Round went the sun. [walk] Up walked Sam. [sprinkle] Rain fell.\n",
     [(2, 30, "error", '"[walk]" starts a second stroke inside this line: start a new line for each stroke, like: '
                       "[walk] Up walked Sam."),
      (2, 52, "error", '"[sprinkle]" starts a second stroke inside this line: start a new line for each stroke, '
                       "like: [sprinkle] Rain fell.")]),
    ("title: T\n[calm] Then [The Wave] came.\n",
     [(2, 13, "error", '"[The Wave]" starts a second stroke inside this line: start a new line for each stroke, '
                       "like: [The Wave] came.")]),
    ("title: T\n[walk]] Double close ] here.\n", [(2, 7, "warning", STRAY)]),
    ("title: T\n[calm] A **circle** in the sky.\n", [(2, 10, "warning", EMPHASIS)]),
    ("title: T\n[calm] The _very_ end.\n",
     [(2, 12, "warning", 'the "_" marks around "very" are shown as they are (bold and italics from Markdown or chat '
                         "do not work in a story); write the words without them")]),
    # brackets around words that are not a stroke are the author's own words
    ("title: T\n[calm] He said it [twice] (quietly).\n", []),
    ("title: T\n[walk arm] Up.\n[circle hand] Round.\n[squeeze shoulder] Hold.\n", []),
    ("title: T\n[circle x2 palm] Round.\n",
     [(2, 12, "error", 'unknown word "palm" in [circle x2 palm]: after the stroke write a repeat like x2, a place '
                       "like back, or light / medium / firm; the places are back, shoulders, arms, hands, head, "
                       "face, feet, legs, chest, tummy")]),
    ("title: T\nIt's time for a massage story (The Calm)\n",
     [(2, 1, "error", FIX + "[calm] It's time for a massage story")]),
    ("title: T\n[The Calm] It's time for a massage story.\n",
     [(2, 1, "error", FIX + "[calm] It's time for a massage story.")]),
    ("title: T\nRound and round went the sun [Circle].\n",
     [(2, 1, "error", FIX + "[circle] Round and round went the sun.")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0].split("\n")[1][:40] for c in CASES])
def test_first_author_messages(parse, text: str, expected) -> None:
    result = parse(text)
    assert [(p.loc.line, p.loc.col, p.severity.value, p.message) for p in result.problems] == expected
    assert all(p.loc.path.endswith("s.story") for p in result.problems)


def test_a_stroke_inside_a_line_is_not_shown_as_words(parse) -> None:
    assert parse("title: T\n[circle] Round. [walk] Up.\n").story is None


def test_singular_places_mean_the_plural(parse) -> None:
    from touchstory.story.model import Area
    story = parse("title: T\n[walk arm] Up.\n[circle hand] Round.\n").story
    assert [line.tag.area for line in story.pages[0].lines] == [Area.ARMS, Area.HANDS]


def test_did_you_mean_is_carried_as_a_value(parse) -> None:
    problem = parse("title: T\n[cirle] Round.\n").problems[0]
    assert (problem.code, problem.hint) == ("unknown-stroke", "circle")
    assert problem.message.endswith('(did you mean "circle"?)')


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("utf-16-le", b""), ("utf-16-be", b""), ("utf-32-le", b"\xff\xfe\x00\x00")])
def test_utf16_and_utf32_stories_are_read_with_a_warning(packs, tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "wide.story"
    path.write_bytes(bom + "title: Wide\n[calm] Hello, sun.\n".encode(encoding))
    result = load_story(path, packs)
    assert result.story is not None and result.story.meta.title == "Wide"
    name = "UTF-32" if "32" in encoding else "UTF-16"
    assert [(p.loc.path, p.loc.line, p.loc.col, p.severity.value, p.message) for p in result.problems] == [
        (str(path), 1, 1, "warning", f"this file is saved as {name}; it works, but UTF-8 is best: in your editor "
                                     "choose Save As and the UTF-8 encoding")]


def test_a_stray_nul_in_utf8_is_shown_where_it_is() -> None:
    text, problem = decode_text(b"title: T\n[calm] Hel\x00lo\n", "s.story")
    assert text is None and problem is not None
    assert (problem.loc.path, problem.loc.line, problem.loc.col) == ("s.story", 2, 11)
    assert problem.message.startswith("there is an invisible NUL character here")


def test_a_picture_is_still_not_text() -> None:
    text, problem = decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a.story")
    assert text is None and problem is not None and problem.message.startswith("this is not a text file")


def test_fix_rewrites_only_book_style_lines(packs) -> None:
    story = packs.get("story")
    text = ("title: T\r\n# Sun\r\nIt's time for a massage story (The Calm)\r\n  [The Circle x2] Round.\r\n"
            "[calm] Fine (The Calm) already.\r\nNo stroke here (quietly).\r\n// Note (The Calm)\r\n")
    new, fixes = fix_text(text, story)
    assert new == ("title: T\r\n# Sun\r\n[calm] It's time for a massage story\r\n  [circle x2] Round.\r\n"
                   "[calm] Fine (The Calm) already.\r\nNo stroke here (quietly).\r\n// Note (The Calm)\r\n")
    assert [(f.line, f.new) for f in fixes] == [(3, "[calm] It's time for a massage story"),
                                                (4, "[circle x2] Round.")]


def test_fix_file_keeps_every_earlier_backup(packs, tmp_path: Path) -> None:
    path = tmp_path / "book.story"
    path.write_text("title: T\nRound we go (The Circle)\n", encoding="utf-8")
    (tmp_path / "book.story.bak").write_text("an older backup", encoding="utf-8")
    done = fix_file(path, path.read_text(encoding="utf-8"), packs.get("story"))
    assert done.backup == tmp_path / "book.story.bak2"
    assert done.backup.read_text(encoding="utf-8") == "title: T\nRound we go (The Circle)\n"
    assert (tmp_path / "book.story.bak").read_text(encoding="utf-8") == "an older backup"
    assert path.read_text(encoding="utf-8") == "title: T\n[circle] Round we go\n"
    assert load_story(path, packs).story is not None
    assert backup_path(path) == tmp_path / "book.story.bak3"


def test_a_picture_named_with_other_capitals_suggests_the_real_name(parse, tmp_path: Path) -> None:
    (tmp_path / "Bear.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = parse("title: T\n# One\npicture: bear.png | A brown bear\n[calm] Hello, bear.\n")
    assert [(p.loc.path, p.loc.line, p.loc.col, p.severity.value, p.message, p.hint) for p in result.problems] == [
        (str(tmp_path / "s.story"), 3, 10, "warning",
         'picture file "bear.png" was not found next to the story (did you mean "Bear.PNG"? the name must match '
         "exactly, capital letters too); a soft placeholder with the description is shown instead", "Bear.PNG")]


def test_a_story_with_errors_is_listed_under_its_title(packs, tmp_path: Path) -> None:
    from touchstory.story.library import scan_library
    (tmp_path / "my-draft_2.story").write_text("title: The Sleepy Bear\n[cirle] Round.\n", encoding="utf-8")
    (entry,) = scan_library([("mine", tmp_path)], packs)
    assert not entry.playable and entry.title == "The Sleepy Bear"
