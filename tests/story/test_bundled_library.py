"""The bundled story library: every story passes the strict check, every page has a
real picture that draws, every stroke exists and has an icon, and the library offers
enough of each kind (stories, rhymes, classroom, baby routines, child-led)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from touchstory.resources import assets_dir, bundled_stories_dir
from touchstory.story.library import scan_library
from touchstory.story.model import Kind, Pause, Story, WaitForTap
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import load_story

SVG_NS = "{http://www.w3.org/2000/svg}"
STORY_FILES = sorted(bundled_stories_dir().glob("*/*.story"))
ICONS = assets_dir() / "icons" / "strokes"
SAFETY = assets_dir() / "safety"
PICTURE_VIEWBOX = "0 0 1600 1000"
ICON_VIEWBOX = "0 0 48 48"
MAX_PICTURE_BYTES = 30_000
# QtSvg implements SVG Tiny 1.2: these would be ignored or drawn wrongly.
UNSUPPORTED = {"filter", "mask", "clipPath", "foreignObject", "style", "script", "text", "image", "pattern"}
MEDICAL_WORDS = re.compile(r"\b(cure[sd]?|heal(s|ing)?|treat(s|ment)?|therap\w*|colic|relieve[sd]?|immun\w*)\b", re.I)


def _id(path: Path) -> str:
    return path.parent.name


@pytest.fixture(scope="module")
def stories(packs: PackRegistry) -> dict[str, Story]:
    loaded = {}
    for path in STORY_FILES:
        result = load_story(path, packs)
        assert result.story is not None, [p.format() for p in result.problems]
        loaded[_id(path)] = result.story
    return loaded


def _pictures(stories: dict[str, Story]) -> list[tuple[str, Path]]:
    return [(f"{name}: {page.title or 'first page'}", page.picture.path)
            for name, story in stories.items() for page in story.pages if page.picture]


def _svg_root(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg", f"{path}: the root element is {root.tag}, not svg"
    return root


def _render(path: Path, width: int, height: int):
    """The SVG drawn on a transparent image, or None if Qt cannot read it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def _coverage_and_colours(image, step: int = 4) -> tuple[float, int]:
    """Share of sampled pixels that are painted, and how many distinct colours."""
    painted, colours, total = 0, set(), 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            pixel = image.pixel(x, y)
            if pixel >> 24:
                painted += 1
                colours.add(pixel & 0xF0F0F0)
    return painted / total, len(colours)


def test_there_are_bundled_stories():
    assert len(STORY_FILES) >= 20


@pytest.mark.parametrize("path", STORY_FILES, ids=_id)
def test_story_passes_the_strict_check(path, packs):
    result = load_story(path, packs)
    assert result.ok and not result.problems, "\n".join(p.format() for p in result.problems)


@pytest.mark.parametrize("path", STORY_FILES, ids=_id)
def test_every_page_has_a_described_picture_in_the_story_folder(path, packs):
    story = load_story(path, packs).story
    assert story is not None
    for page in story.pages:
        assert page.picture is not None, f"{path}: page {page.title!r} has no picture"
        assert page.picture.exists and page.picture.path.is_file(), page.picture.source
        assert page.picture.path.suffix == ".svg"
        assert story.folder in page.picture.path.parents
        assert len(page.picture.alt.split()) >= 6, f"{path}: alt text too short: {page.picture.alt!r}"


def test_every_picture_is_house_style_svg(stories):
    for label, path in _pictures(stories):
        assert path.stat().st_size < MAX_PICTURE_BYTES, f"{label}: {path.name} is too big"
        root = _svg_root(path)
        assert root.get("viewBox") == PICTURE_VIEWBOX, f"{label}: viewBox {root.get('viewBox')}"
        tags = {el.tag.removeprefix(SVG_NS) for el in root.iter()}
        assert not tags & UNSUPPORTED, f"{label}: uses {tags & UNSUPPORTED}"
        hrefs = [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("href")]
        assert all(h.startswith("#") for h in hrefs), f"{label}: external link {hrefs}"


def test_every_picture_draws_a_full_colourful_image(stories, qapp):
    for label, path in _pictures(stories):
        image = _render(path, 160, 100)
        assert image is not None, f"{label}: Qt cannot read {path.name}"
        coverage, colours = _coverage_and_colours(image)
        assert coverage > 0.98, f"{label}: only {coverage:.0%} of the picture is painted"
        assert colours >= 12, f"{label}: only {colours} colours: blank or nearly so"


def test_every_stroke_used_exists_in_its_pack(stories, packs):
    for name, story in stories.items():
        pack = packs.get(story.meta.pack)
        assert pack is not None, f"{name}: unknown pack {story.meta.pack}"
        for _, line in story.lines():
            if line.stroke is not None:
                assert pack.get(line.stroke) is not None, f"{name}:{line.loc.line}: {line.stroke}"


@pytest.mark.parametrize("pack_id", ["story", "infant"])
def test_every_stroke_has_an_icon_that_draws_at_48px(pack_id, packs, qapp):
    for stroke in packs[pack_id].strokes:
        path = ICONS / pack_id / f"{stroke.id}.svg"
        assert path.is_file(), f"no icon for {pack_id}/{stroke.id}"
        root = _svg_root(path)
        assert root.get("viewBox") == ICON_VIEWBOX
        assert "currentColor" not in path.read_text(encoding="utf-8")
        image = _render(path, 48, 48)
        assert image is not None, f"Qt cannot read {path}"
        coverage, colours = _coverage_and_colours(image, step=1)
        assert 0.15 < coverage < 0.9, f"{pack_id}/{stroke.id}: covers {coverage:.0%} of its square"
        assert colours >= 3, f"{pack_id}/{stroke.id}: needs its fill, outline and motion colours"


def test_library_lists_at_least_20_items_across_all_five_kinds(packs):
    entries = scan_library([("bundled", bundled_stories_dir())], packs)
    assert len(entries) >= 20
    assert all(e.playable and not e.problems for e in entries), [e.path for e in entries if e.problems]
    kinds = Counter(e.kind for e in entries)
    assert set(kinds) == set(Kind)
    assert kinds[Kind.STORY] >= 8
    assert kinds[Kind.RHYME] >= 6
    assert kinds[Kind.CLASSROOM] >= 3
    assert kinds[Kind.ROUTINE] >= 3
    assert kinds[Kind.CHILD_LED] >= 1


def test_bedtime_stories_are_1_to_5_minutes_and_begin_and_end_calm(packs):
    entries = [e for e in scan_library([("bundled", bundled_stories_dir())], packs) if e.kind is Kind.STORY]
    for entry in entries:
        assert 60 <= entry.seconds <= 300, f"{entry.title}: {entry.seconds:.0f} s"
        lines = [line for _, line in entry.story.lines()]
        assert lines[0].stroke == "calm" and lines[-1].stroke == "calm", entry.title
        assert 3 <= len(entry.story.pages) <= 6, entry.title


def test_every_item_has_full_details(stories):
    for name, story in stories.items():
        meta = story.meta
        assert meta.title and meta.summary and meta.mood and meta.soundscape, name
        assert meta.language == "en-GB" and meta.ages is not None, name
        if meta.kind is Kind.RHYME:
            assert "Traditional" in meta.author and meta.licence == "public domain", name
        else:
            assert meta.author == "touchstory" and meta.licence == "CC-BY-4.0", name


def test_baby_routines_use_the_infant_pack_with_cue_notes(stories, packs):
    routines = {n: s for n, s in stories.items() if s.meta.kind is Kind.ROUTINE}
    for name, story in routines.items():
        assert story.meta.pack == "infant" and str(story.meta.ages) == "0-1", name
        notes = " ".join(note.text.lower() for note in _notes(story))
        assert "stop" in notes, f"{name}: notes must say when to stop"
        assert any(cue in notes for cue in ("turns away", "turning away", "turn away", "arch")), name
        assert any(cue in notes for cue in ("eye contact", "smile", "looking at you", "coo", "soft sounds")), name
    infant = packs["infant"]
    # A line without an area uses its stroke's usual place.
    areas = {(line.tag.area or infant[line.stroke].area).value
             for story in routines.values() for _, line in story.lines() if line.stroke}
    assert {"legs", "feet", "tummy", "back"} <= areas


def test_classroom_stories_carry_teacher_notes(stories):
    for name, story in stories.items():
        if story.meta.kind is Kind.CLASSROOM:
            notes = " ".join(note.text.lower() for note in _notes(story))
            assert "partner" in notes and ("teddy" in notes or "circle" in notes), name


def test_child_led_story_is_short_and_asks_the_grown_up(stories):
    for name, story in stories.items():
        if story.meta.kind is Kind.CHILD_LED:
            assert story.meta.ask and "may i" in story.meta.ask.lower(), name
            assert story.line_count <= 8, name


def test_the_library_uses_every_construct_of_the_format(stories):
    lines = [line for s in stories.values() for _, line in s.lines()]
    parts = [part for line in lines for part in line.parts]
    refrains = {line.refrain for line in lines if line.refrain is not None}
    assert "" in refrains and len(refrains) >= 2, "an unnamed and a named refrain"
    assert any(isinstance(p, Pause) for p in parts) and any(isinstance(p, WaitForTap) for p in parts)
    assert any(line.stroke is None for line in lines), "a [none] line"
    assert any(line.tag.repeats > 1 for line in lines)
    assert any(line.tag.area for line in lines) and any(line.tag.pressure for line in lines)
    assert any(page.soundscape for s in stories.values() for page in s.pages), "a page soundscape"
    assert any(s.meta.ask for s in stories.values()) and any(s.meta.thanks for s in stories.values())
    assert any(not s.pages[0].title for s in stories.values()), "a first page with no heading"
    assert any(_notes(s) for s in stories.values())


def test_no_medical_claims_in_stories_or_safety_cards(stories):
    for name, story in stories.items():
        words = " ".join([story.meta.summary] + [line.text for _, line in story.lines()]
                         + [note.text for note in _notes(story)])
        assert not MEDICAL_WORDS.search(words), f"{name}: {MEDICAL_WORDS.search(words).group()}"
    for card in SAFETY.glob("*.md"):
        found = MEDICAL_WORDS.search(card.read_text(encoding="utf-8"))
        assert not found, f"{card.name}: {found.group()}"


def test_safety_checklist_and_cue_card_cover_the_essentials():
    checklist = (SAFETY / "infant-safety.md").read_text(encoding="utf-8").lower()
    for topic in ("temperature", "unwell", "fed", "vaccinations", "broken skin", "warm", "unscented", "patch",
                  "crying", "asleep"):
        assert topic in checklist, topic
    cues = (SAFETY / "baby-cues.md").read_text(encoding="utf-8").lower()
    for cue in ("eye contact", "relaxed", "coos", "turning", "arching", "crying", "hiccups", "yawning", "stop"):
        assert cue in cues, cue
    for card in (checklist, cues):
        assert len(card.split()) < 300, "cards stay short enough to read at a glance"


def _notes(story: Story):
    return [note for page in story.pages for note in page.notes] + [
        note for _, line in story.lines() for note in line.notes]
