"""`touchstory print`: PDFs a carer can print, checked as text (pdftotext) and
as pages (pdfinfo)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from touchstory.journal.profiles import ChildProfile, Profiles
from touchstory.journal.store import Journal
from touchstory.paths import UserPaths
from touchstory.story.adapt import ChildWay, Placement, PressureWay

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")

STORY = """title: Rain on the Roof
pack: story

# Clouds
[drum x4] Pitter patter, rain on the roof.
[circle x2] The clouds roll round and round.

# Puddles
[claw x2] Little claws scratch at the window.
[walk x3] Splash, splash, through the puddles.

# Home
[calm] Home again, warm and dry.
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "rain.story").write_text(STORY, encoding="utf-8")
    paths = UserPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache").ensure()
    journal = Journal.open(paths.journal).journal
    Profiles(journal).save(ChildProfile(
        "Sam", ChildWay(loves=("circle",), avoid=("drum", "claw"), placement=Placement.HANDS,
                        pressure=PressureWay.FIRMER), cues="Yawns and goes floppy when ready for sleep."))
    journal.close()
    return tmp_path


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TOUCHSTORY_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "touchstory", "print", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)  # the PDF's "fi" ligatures back into letters


def test_a_booklet_has_a_cover_and_a_page_per_story_page_naming_each_stroke(home):
    out = home / "rain.pdf"
    done = run(home, str(home / "rain.story"), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert pages(out) == 4  # the cover, then Clouds, Puddles, Home
    words = text(out)
    for stroke in ("Drum x4", "Circle x2", "Claw x2", "Walk x3", "Calm"):
        assert stroke in words
    assert "Only go on with" in words and "Thank you for sharing" in words


def test_adapted_to_a_child_the_substitutes_say_what_they_replace(home):
    out = home / "sam.pdf"
    done = run(home, str(home / "rain.story"), "--child", "sam", "--a4", "--out", str(out))
    assert done.returncode == 0, done.stderr
    words = " ".join(text(out).split())
    assert pages(out) == 1
    assert "For Sam" in words
    assert "Sprinkle x4 hands medium (instead of drum)" in words
    assert "Wave x2 hands firm (instead of claw)" in words
    assert "Drum x4" not in words


def test_the_bedside_sheet_is_one_page_with_the_childs_way(home):
    out = home / "bedside.pdf"
    done = run(home, str(home / "rain.story"), "--child", "Sam", "--sheet", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert pages(out) == 1
    words = " ".join(text(out).split())
    for expected in ("Sam's story massage", "Usual stories Rain on the Roof", "Instead of drum do sprinkle",
                     "Instead of claw do wave", "Firmer, never tickly", "Yawns and goes floppy",
                     "Would you like a story massage?"):
        assert expected in words


def test_an_unknown_child_is_named_with_what_to_do(home):
    done = run(home, str(home / "rain.story"), "--child", "Mo", "--out", str(home / "x.pdf"))
    assert done.returncode == 2
    assert 'no child profile called "Mo"' in done.stderr and "profiles: Sam" in done.stderr
    assert not (home / "x.pdf").exists()


def test_a_five_page_story_prints_in_half_a_second(tmp_path, qapp):
    from touchstory.story.adapt import adapt
    from touchstory.story.packs import PackRegistry
    from touchstory.story.parser import parse_story_text
    from touchstory.ui.cards.pdf import story_pdf

    packs = PackRegistry.default()
    five = STORY + "".join(f"\n# More {i}\n[fan x2] Wind on page {i}.\n[circle] Round again.\n" for i in range(2))
    story = parse_story_text(five, tmp_path / "five.story", packs)
    assert len(story.pages) == 5
    start = time.perf_counter()
    done = story_pdf(adapt(story, packs.get("story"), None), packs.get("story"), tmp_path / "five.pdf")
    assert time.perf_counter() - start <= 0.5
    assert done.pages == 6 == pages(tmp_path / "five.pdf")
