"""Golden tests: every problem is reported with its line, column and message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from touchstory.story.parser import load_story

# (story text, expected (line, col, severity, message start))
CASES = [
    ("title: T\n[cirlce x2] Round.\n",
     (2, 2, "error", 'unknown stroke "cirlce" in the "story" pack (did you mean "circle"?)')),
    ("title: T\n[circle x0] Round.\n", (2, 9, "error", 'repeat count "x0" must be from x1 to x20')),
    ("title: T\n[circle x21] Round.\n", (2, 9, "error", 'repeat count "x21" must be from x1 to x20')),
    ("title: T\n[circle x] Round.\n", (2, 9, "error", 'repeat count "x" must be from x1 to x20')),
    ("title: T\n[circle x2 x3] Round.\n", (2, 12, "error", "[circle x2 x3] has two repeat counts; keep one")),
    ("title: T\n[circle bak] Round.\n",
     (2, 9, "error", 'unknown word "bak" in [circle bak] (did you mean "back"?)')),
    ("title: T\n[circle back arms] R.\n", (2, 14, "error", '[circle back arms] names two places ("back" and "arms"); keep one')),
    ("title: T\n[circle light firm] R.\n", (2, 15, "error", "[circle light firm] has two pressures")),
    ("title: T\n[] R.\n", (2, 1, "error", "the square brackets are empty")),
    ("title: T\n[x2 back] R.\n", (2, 2, "error", "there is no stroke in [x2 back]")),
    ("title: T\n[circle R.\n", (2, 1, "error", 'the square bracket is not closed: add "]"')),
    ("title: T\n[calm] a {pause} b\n", (2, 10, "error", "write the pause length with its unit")),
    ("title: T\n[calm] a {pause 2} b\n", (2, 10, "error", "write the pause length with its unit")),
    ("title: T\n[calm] a {pause 90s} b\n", (2, 10, "error", "a pause must be from 0.1 s to 60 s, not 90 s")),
    ("title: T\n[calm] a {pause 0s} b\n", (2, 10, "error", "a pause must be from 0.1 s to 60 s, not 0 s")),
    ("title: T\n[calm] a {pouse 2s}\n",
     (2, 11, "error", 'unknown marker "{pouse 2s}" (did you mean "pause"?)')),
    ("title: T\n[calm] a {pause 2s\n", (2, 10, "error", 'this "{" is never closed')),
    ("title: T\n[calm] a {refrain}\n", (2, 10, "error", "{refrain} goes on a line of its own")),
    ("title: T\n[calm] a\n{refrain}\n", (3, 1, "error", "there is no refrain written above this line")),
    ("title: T\nrefrain:\n\n[calm] a\n", (3, 1, "error", "the refrain above has no lines")),
    ("title: T\n[calm] a\nOnce upon a time\n", (3, 1, "error", "this line has no stroke")),
    ("author: Me\n[calm] a\n", (1, 1, "error", 'the story has no title: add a line like "title: The Sleepy Sun"')),
    ("title:\n[calm] a\n", (1, 7, "error", "the title is empty")),
    ("title: T\n// only a comment\n", (2, 1, "error", "the story has no story lines yet")),
    ("title: T\npack: storry\n[calm] a\n",
     (2, 7, "error", 'unknown stroke pack "storry" (did you mean "story"?)')),
    ("title: T\nages: three\n[calm] a\n", (2, 7, "error", 'ages "three" is not understood')),
    ("title: T\nages: 7-3\n[calm] a\n", (2, 7, "error", "ages 7-3 goes backwards")),
    ("title: T\npicture: ../x.svg | X\n[calm] a\n", (2, 10, "error", 'picture: "../x.svg" leaves the story\'s folder')),
    ("title: T\npicture: /etc/x.svg | X\n[calm] a\n", (2, 10, "error", 'picture: "/etc/x.svg" is a full path')),
    ("title: T\npicture: nothere.svg | X\n[calm] a\n",
     (2, 10, "warning", 'picture file "nothere.svg" was not found next to the story')),
    ("title: T\npicture: nothere.svg\n[calm] a\n", (2, 10, "warning", "the picture has no description")),
    ("title: T\nmod: calm\n[calm] a\n", (2, 1, "warning", 'unknown detail "mod" (did you mean "mood"?)')),
    ("title: T\nmood: clam\n[calm] a\n", (2, 7, "warning", 'unknown mood "clam" (did you mean "calm"?)')),
    ("title: T\nkind: rhym\n[calm] a\n", (2, 7, "warning", 'unknown kind "rhym" (did you mean "rhyme"?)')),
    ("title: T\ntitle: U\n[calm] a\n", (2, 1, "warning", '"title" is written twice; the first one (line 1) is used')),
    ("title: T\n[calm] a\nmood: calm\n", (3, 1, "warning", '"mood:" belongs in the details at the top')),
    ("title: T\nsoundscape: rian\n[calm] a\n", (2, 13, "warning", 'unknown soundscape "rian" (did you mean "rain"?)')),
    ("title: T\nlanguage: English!\n[calm] a\n", (2, 11, "warning", '"English!" is not a language tag')),
    ("title: T\n[calm] " + "word " * 50 + "\n", (2, 1, "warning", "this line is 249 characters long")),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[1][3][:40] for c in CASES])
def test_problem_is_reported_at_its_place(parse, text: str, expected):
    result = parse(text)
    found = [(p.loc.line, p.loc.col, p.severity.value, p.message) for p in result.problems]
    line, col, severity, start = expected
    assert any(f[:3] == (line, col, severity) and f[3].startswith(start) for f in found), found
    if severity == "error":
        assert result.story is None
    else:
        assert result.story is not None and result.story.warnings


def test_all_problems_are_reported_at_once(parse):
    result = parse("title: T\n[cirlce] a\n[calm x99] b\n[calm] {pause}\nloose words\n")
    assert [p.loc.line for p in result.problems] == [2, 3, 4, 5]


def test_format_shows_source_line_and_caret(parse, tmp_path: Path):
    problem = parse("title: T\n[cirlce x2] The sun went round.\n").problems[0]
    assert problem.format() == (
        f'{tmp_path / "s.story"}:2:2: error: unknown stroke "cirlce" in the "story" pack (did you mean "circle"?)\n'
        "  [cirlce x2] The sun went round.\n"
        "   ^^^^^^"
    )


def test_indented_lines_report_real_columns(parse):
    problem = parse("title: T\n    [cirlce] a\n").problems[0]
    assert (problem.loc.line, problem.loc.col) == (2, 6)


def test_symlink_out_of_the_folder_is_refused(packs, tmp_path: Path):
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg/>")
    folder = tmp_path / "story"
    folder.mkdir()
    os.symlink(outside, folder / "link.svg")
    (folder / "s.story").write_text("title: T\npicture: link.svg | A\n[calm] a\n")
    result = load_story(folder / "s.story", packs)
    assert result.story is None
    assert "a link that leads outside the story's folder" in result.problems[0].message


@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b"  \n\n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "this is not a text file"),
    (b"title: Caf\xe9\n[calm] a\n", "the file is not UTF-8 text"),
    (b"title: T\n" + b"[calm] a\n" * 130_000, "a story must be under 1 MB"),
])
def test_files_that_are_not_stories(packs, tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "x.story"
    path.write_bytes(data)
    result = load_story(path, packs)
    assert result.story is None and len(result.problems) == 1
    assert message in result.problems[0].message
    assert result.problems[0].loc.path == str(path)


def test_not_utf8_points_at_the_bad_byte(packs, tmp_path: Path):
    path = tmp_path / "x.story"
    path.write_bytes(b"title: T\n[calm] Caf\xe9\n")
    problem = load_story(path, packs).problems[0]
    assert (problem.loc.line, problem.loc.col) == (2, 11)


def test_missing_file_is_a_problem_not_a_crash(packs, tmp_path: Path):
    result = load_story(tmp_path / "gone.story", packs)
    assert result.story is None and "cannot read the file" in result.problems[0].message
