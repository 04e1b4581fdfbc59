"""Nothing outside a story's folder is opened while a hostile story is checked,
its pictures drawn for the player and for a thumbnail (issue 18 item 1 and its
audit-hook proof): Python's audit hook sees every open() and listdir/scandir,
and Qt is only ever given bytes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSize

from touchstory.story.parser import load_story
from touchstory.ui.library import thumbnails
from touchstory.ui.player import pictures

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "story"))
from test_picture_safety import make_story  # noqa: E402

_opened: list[str] = []
_watching = [False]


def _hook(event: str, args: tuple) -> None:
    if _watching[0] and event in ("open", "os.listdir", "os.scandir") and args:
        target = args[0]
        if isinstance(target, (str, bytes, os.PathLike)):
            _opened.append(os.fsdecode(target))


sys.addaudithook(_hook)  # hooks cannot be removed: it only records while _watching


def test_a_hostile_story_opens_nothing_outside_its_folder(tmp_path, packs, qapp):
    story, outside = make_story(tmp_path)
    (tmp_path / "cache").mkdir()
    svg = story.parent / "pictures" / "sun.svg"
    _opened.clear()
    _watching[0] = True
    try:
        load_story(story, packs)
        player = pictures.render_picture(svg, QSize(400, 300))
        thumb = thumbnails.load_or_render(svg, QSize(120, 80), tmp_path / "cache")
        pictures.render_picture(story.parent / "pictures" / "photo.svg", QSize(100, 100))
    finally:
        _watching[0] = False
    assert player is not None and thumb is not None
    allowed = (str(story.parent), str(tmp_path / "cache"), sys.prefix, sys.base_prefix, "/usr", "/lib",
               "/etc/fonts", "/proc/self", "/dev/null")
    strays = [p for p in _opened if not os.path.realpath(p).startswith(allowed)]
    assert not strays
    assert not [p for p in _opened if p.startswith(str(outside))]


def test_the_outside_image_is_not_drawn(tmp_path, qapp):
    story, _ = make_story(tmp_path)
    image = pictures.render_picture(story.parent / "pictures" / "sun.svg", QSize(100, 100))
    # the outside PNG is one red-free pixel scaled over the top-left quarter; the
    # SVG's own rect is #112233 there when the reference is gone
    pixel = image.pixelColor(25, 25)
    assert (pixel.red(), pixel.green(), pixel.blue()) == (0x11, 0x22, 0x33)
