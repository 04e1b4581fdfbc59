"""Shared pieces for the library and app tests (no tests here): a small library
of stories written on the spot, a window built on it, and screenshot saving.

Screenshots go to $TOUCHSTORY_SHOTS or /tmp/touchstory-shots (never the repo)."""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QThreadPool, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from touchstory.journal.settings import LibraryFilter, Settings
from touchstory.journal.store import Journal
from touchstory.story.library import StoryEntry
from touchstory.story.packs import PackRegistry
from touchstory.ui.library import LibraryWindow
from touchstory.ui.library.model import Role
from touchstory.ui.theme import theme_by_name

SIZES = {"1280x800": (1280, 800), "1920x1080": (1920, 1080)}

PICTURE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200">
  <rect width="320" height="200" fill="#2b3a55"/>
  <circle cx="230" cy="60" r="30" fill="#f0d080"/>
  <path d="M0 150 Q80 120 160 150 T320 150 V200 H0 Z" fill="#3d5a40"/>
</svg>
"""

STORIES = {
    "sleepy-sea/sleepy-sea.story": """
        title: The Sleepy Sea
        ages: 2-5
        mood: sleepy
        kind: story
        summary: Little waves go to bed.

        # The shore
        picture: pictures/sea.svg | Small waves under a round moon.
        [calm] The sea was getting sleepy.
        [wave x4] Little waves rolled in, and rolled out.
        [circle x3] The moon went round and round.
        [sprinkle x4 light] Stars fell softly into the water.
        [walk x4] A crab tiptoed home along the sand.
        [fan x3] The wind blew the clouds away. {pause 30s}
        [calm] And the sea fell fast asleep.
        """,
    "bouncy/bouncy-rhyme.story": """
        title: Bouncy Bunny
        ages: 1-4
        mood: silly
        kind: rhyme

        # Hop
        [bounce x2] Hop, hop, bunny!
        [calm] Sleep now, bunny.
        """,
    "feet/baby-feet.story": """
        title: Baby Feet
        pack: infant
        ages: 0-1
        mood: calm
        kind: routine

        # Feet
        [resting-hands] Hands rest softly on the feet.
        [foot-thumbs x3] Little thumbs walk along the sole.
        [toe-roll x5] One, two, three, four, five little toes.
        [resting-hands] All done, little feet.
        """,
    "journey/long-journey.story": """
        title: A Long Journey Home
        ages: 6-9
        mood: calm
        kind: classroom

        # The road
        [calm] The road home was long. {pause 30s}
        [walk x10] Step by step we walked. {pause 30s}
        [wave x10] Past the river. {pause 30s}
        [circle x10] Round the hill. {pause 30s}
        [calm] Home at last. {pause 30s}
        """,
    "cafe/cafe-dreams.story": """
        title: Café Dreams
        ages: 3-7
        mood: cosy
        kind: story

        # The café
        [circle x2] Stir the cocoa round and round.
        [sprinkle x3 light] Sprinkle on some chocolate.
        [calm] Sip, and off to sleep.
        [squeeze x2] A warm hug from the baker.
        """,
}

BROKEN = """\
author: Somebody
ages: 3-7

# Page
[cirlce x2] Round and round.
[fly] Up and away.
Just some words without a stroke.
"""


def write_library(root: Path) -> Path:
    """The test stories (and one picture) under `root`; returns `root`."""
    for name, text in STORIES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")
    pictures = root / "sleepy-sea" / "pictures"
    pictures.mkdir(exist_ok=True)
    (pictures / "sea.svg").write_text(PICTURE, "utf-8")
    return root


def write_broken(folder: Path, name: str = "broken.story") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(BROKEN, "utf-8")
    return path


def shots_dir() -> Path:
    folder = Path(os.environ.get("TOUCHSTORY_SHOTS", "/tmp/touchstory-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settle(ms: int = 80) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def grab(widget: QWidget, name: str) -> tuple[Path, QImage]:
    settle(80)
    image = widget.grab().toImage()
    path = shots_dir() / f"{name}.png"
    image.save(str(path))
    return path, image


class Built:
    """A library window on the test stories, with its journal and picked stories."""

    def __init__(self, qtbot, root: Path, tmp: Path, *, settings: Settings | None = None,
                 theme: str = "bedtime", size: tuple[int, int] = (1280, 800), sources=None,
                 cache: bool = True, load: bool = True) -> None:
        self.qtbot = qtbot
        self.journal = Journal.open(tmp / "journal.sqlite3").journal
        self.packs = PackRegistry.default()
        self.played: list[tuple[StoryEntry, int]] = []
        self.pool = QThreadPool()
        self.window = LibraryWindow(
            sources=sources if sources is not None else [("bundled", root)], packs=self.packs,
            journal=self.journal, settings=settings or Settings(), theme=theme_by_name(theme), pool=self.pool,
            bundled_root=root, stories_folder=tmp / "mine", cache_dir=tmp / "cache" if cache else None)
        qtbot.addWidget(self.window)
        self.window.play_requested.connect(lambda entry, start: self.played.append((entry, start)))
        self.window.resize(*size)
        self.window.show()
        qtbot.waitExposed(self.window)
        if load:
            with qtbot.waitSignal(self.window.scan_finished, timeout=10_000):
                self.window.load()
            self.wait_for_thumbnails()

    def close(self) -> None:
        self.window.close()
        self.pool.waitForDone(5000)
        self.journal.close()

    def wait_for_thumbnails(self, timeout: float = 5.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            wanted = [e for e in self.window.model.entries() if e.picture is not None]
            rows = [self.window.model.row_of(self.window.model.key(e)) for e in wanted]
            if all(self.window.model.index(r).data(Role.THUMBNAIL) is not None for r in rows):
                return
            settle(20)

    # -- what is on screen ------------------------------------------------------------------

    def titles(self) -> list[str]:
        proxy = self.window.proxy
        return [proxy.index(r, 0).data(Role.ENTRY).title for r in range(proxy.rowCount())]

    def index_of(self, title: str):
        proxy = self.window.proxy
        for r in range(proxy.rowCount()):
            if proxy.index(r, 0).data(Role.ENTRY).title == title:
                return proxy.index(r, 0)
        raise AssertionError(f"{title!r} is not shown; shown: {self.titles()}")

    def entry(self, title: str) -> StoryEntry:
        return next(e for e in self.window.model.entries() if e.title == title)

    def click_card(self, title: str, where: str = "middle") -> None:
        grid = self.window.grid
        index = self.index_of(title)
        grid.scrollTo(index)
        settle(20)
        rect = grid.star_rect(index) if where == "star" else grid.card_rect(index)
        point = rect.center() if where != "title" else QPoint(rect.center().x(), rect.bottom() - 40)
        self.qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=point)

    def set_filter(self, **changes) -> None:
        self.window.filter_bar.set_filter(LibraryFilter(**changes))


@pytest.fixture
def story_root(tmp_path: Path) -> Path:
    return write_library(tmp_path / "stories")


@pytest.fixture
def built(qtbot, story_root: Path, tmp_path: Path):
    b = Built(qtbot, story_root, tmp_path)
    yield b
    b.close()
