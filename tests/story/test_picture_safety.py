"""Pictures read the way the player reads them (issue 18 item 1, issue 16 item 5):
an SVG in the story folder cannot show files from elsewhere, and a PNG saved
under a .svg name is named for what it is, at the picture: line."""

from __future__ import annotations

import base64
from pathlib import Path

from touchstory.story.parser import load_story
from touchstory.story.pictures import prepare_picture

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")


def hostile_svg(outside: Path) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            'width="100" height="100">\n'
            '  <rect width="100" height="100" fill="#123"/>\n'
            f'  <image href="{outside}" width="50" height="50"/>\n'
            '  <image xlink:href="../../outside/x.png" width="50" height="50"/>\n'
            '  <image href="inside.png" width="10" height="10"/>\n'
            '</svg>\n')


def make_story(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.png").write_bytes(PNG)
    folder = tmp_path / "a" / "story"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "inside.png").write_bytes(PNG)
    (folder / "pictures" / "sun.svg").write_text(hostile_svg(outside / "x.png"))
    (folder / "pictures" / "photo.svg").write_bytes(PNG)  # a PNG saved under a .svg name
    story = folder / "story.story"
    story.write_text("title: T\npicture: pictures/sun.svg | The sun\n[calm] Hello.\n\n# Two\n"
                     "picture: pictures/photo.svg | A photo\n[calm] Bye.\n")
    return story, outside


def test_external_references_are_stripped_and_in_folder_pictures_inlined(tmp_path):
    story, outside = make_story(tmp_path)
    prepared = prepare_picture(story.parent / "pictures" / "sun.svg")
    assert prepared.kind == "svg"
    assert str(outside).encode() not in prepared.data and b"../../outside" not in prepared.data
    assert b'href="data:image/png;base64,' in prepared.data  # inside.png still shows, as data
    assert [(f.line, f.col) for f in prepared.findings] == [(3, 10), (4, 10)]


def test_check_warns_at_the_svgs_own_lines_and_names_the_real_type(tmp_path, packs):
    story, outside = make_story(tmp_path)
    problems = load_story(story, packs).problems
    svg = str(story.parent / "pictures" / "sun.svg")
    at_svg = [(p.loc.path, p.loc.line, p.loc.col) for p in problems if p.loc.path == svg]
    assert at_svg == [(svg, 3, 10), (svg, 4, 10)]
    assert all("refers to another file, which is not shown" in p.message for p in problems if p.loc.path == svg)
    [typed] = [p for p in problems if "really a PNG" in p.message]
    assert (typed.loc.path, typed.loc.line, typed.loc.col) == (str(story), 6, 10)
    assert "rename it to end in .png" in typed.message


def test_entities_are_refused(tmp_path):
    svg = tmp_path / "e.svg"
    svg.write_text('<?xml version="1.0"?>\n<!DOCTYPE svg [\n <!ENTITY a "aaaa">\n]>\n<svg>&a;</svg>\n')
    prepared = prepare_picture(svg)
    assert prepared.kind is None
    [finding] = prepared.findings
    assert (finding.line, finding.col) == (3, 2) and "declares entities" in finding.message


def test_a_picture_that_is_a_pipe_or_huge_is_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "p.svg")
    assert "pipe (FIFO)" in prepare_picture(tmp_path / "p.svg").findings[0].message
    big = tmp_path / "big.svg"
    with big.open("wb") as f:
        f.write(b"<svg>")
        f.truncate(50_000_000)
    assert "over 8 MB" in prepare_picture(big).findings[0].message
