"""Screenshots of the library to LOOK at (saved to $TOUCHSTORY_SHOTS or
/tmp/touchstory-shots): the bundled library at 1280x800 and 1920x1080 in the
bedtime and day themes, large text, the problems view, the empty favourites
view and the dialogs. The checks are what a tired eye notices first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

from screenshots.helpers import text_problems
from test_library_kit import SIZES, Built, grab, settle, story_root, write_broken  # noqa: F401  (fixture)
from touchstory.journal.settings import LibraryFilter, Settings
from touchstory.resources import bundled_stories_dir
from touchstory.ui.library.keys_dialog import KeysDialog
from touchstory.ui.library.settings_dialog import SettingsDialog
from touchstory.ui.library.window import PROBLEMS_PAGE
from touchstory.ui.theme import theme_by_name

pytestmark = pytest.mark.slow


def stats(image: QImage, step: int = 3) -> dict[str, float]:
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    white = total = 0
    luma = 0.0
    for y in range(0, img.height(), step):
        for x in range(0, img.width(), step):
            c = QColor(img.pixel(x, y))
            total += 1
            white += c.red() >= 250 and c.green() >= 250 and c.blue() >= 250
            luma += 0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue()
    return {"white": white / total, "mean": luma / total}


def bundled(qtbot, tmp_path: Path, theme: str, size: tuple[int, int], **kw) -> Built:
    b = Built(qtbot, bundled_stories_dir(), tmp_path, theme=theme, size=size, **kw)
    entries = sorted(b.window.model.entries(), key=lambda e: e.title)
    playable = [e for e in entries if e.playable]
    if len(playable) >= 3:
        b.journal.set_favourite(playable[1].path, True)
        b.journal.save_progress(playable[2].path, 6, 18, playable[2].title)
        b.window.refresh_journal()
    settle(100)
    return b


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", ["bedtime", "day"])
def test_the_bundled_library(qtbot, tmp_path: Path, theme: str, size: str):
    b = bundled(qtbot, tmp_path, theme, SIZES[size])
    path, image = grab(b.window, f"library-{theme}-{size}")
    assert image.width() == SIZES[size][0], f"{path}: the window must fit the screen width"
    grid = b.window.grid
    assert grid.horizontalScrollBar().maximum() == 0
    assert grid.gridSize().width() * (4 if size == "1280x800" else 6) <= grid.viewport().width()
    s = stats(image)
    if theme == "bedtime":
        assert s["white"] == 0.0, f"{path}: pure white at bedtime"
        assert s["mean"] < 95, f"{path}: too bright for bedtime ({s['mean']:.0f})"
    else:
        assert s["mean"] > 140, f"{path}: the day theme should be light ({s['mean']:.0f})"
    b.close()


def test_large_text(qtbot, tmp_path: Path):
    theme = theme_by_name("bedtime").with_text(1.75)
    b = Built(qtbot, bundled_stories_dir(), tmp_path, size=(1280, 800), load=False)
    b.window.set_theme(theme)
    with qtbot.waitSignal(b.window.scan_finished, timeout=10_000):
        b.window.load()
    b.wait_for_thumbnails()
    path, image = grab(b.window, "library-bedtime-large-text-1280x800")
    assert image.width() == 1280, f"{path}: large text must not push the window wider"
    assert b.window.grid.gridSize().width() >= 250 * 1.45
    bar = b.window.page.filter_bar
    for combo in (bar.age, bar.mood, bar.length, bar.kind):
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 80
        assert combo.width() >= needed, f"{path}: '{combo.currentText()}' is cut off ({combo.width()} < {needed})"
    b.close()


@pytest.mark.parametrize("theme", ["bedtime", "day"])
def test_problems_view(qtbot, tmp_path: Path, story_root: Path, theme: str):
    broken = write_broken(tmp_path / "mine", "my-first-story.story")
    b = Built(qtbot, story_root, tmp_path, theme=theme)
    b.window.open_paths([broken])
    qtbot.waitUntil(lambda: b.window.pages.currentIndex() == PROBLEMS_PAGE, timeout=5000)
    path, image = grab(b.window, f"problems-{theme}-1280x800")
    if theme == "bedtime":
        assert stats(image)["white"] == 0.0, path
    b.close()


def test_no_favourites_yet(qtbot, tmp_path: Path, story_root: Path):
    b = Built(qtbot, story_root, tmp_path, settings=Settings(last_library_filter=LibraryFilter(favourites_only=True)))
    b.window.show_notice("Your settings file was damaged, so touchstory started with its usual settings. "
                         "The old file was kept as settings.json.broken-20250312-201500 in ~/.config/touchstory.")
    path, _ = grab(b.window, "library-empty-favourites-bedtime-1280x800")
    assert "No favourites yet" in b.window.empty_label.text(), path
    b.close()


@pytest.mark.parametrize("theme", ["bedtime", "day"])
def test_settings_dialog(qtbot, theme: str):
    dialog = SettingsDialog(Settings(), theme_by_name(theme), sound_available=True)
    qtbot.addWidget(dialog)
    dialog.resize(760, 700)  # the tallest page, Voice and sound, fits without scrolling
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.tabs.count() >= 3
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        path, image = grab(dialog, f"settings-{theme}-tab{tab + 1}")
        assert text_problems(dialog) == [], path
        page = dialog.tabs.currentWidget()
        for area in page.findChildren(QAbstractScrollArea):
            assert area.verticalScrollBar().maximum() == 0 or not area.isVisible(), f"{path}: the page scrolls"
        if theme == "bedtime":
            assert stats(image)["white"] == 0.0, f"{path}: pure white at bedtime"


def test_keys_dialog(qtbot):
    dialog = KeysDialog(theme_by_name("bedtime"))
    qtbot.addWidget(dialog)
    dialog.resize(720, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    path, image = grab(dialog, "keys-bedtime")
    assert text_problems(dialog) == [], path
    assert stats(image)["white"] == 0.0, f"{path}: pure white at bedtime"
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    for key in ("Space", "Esc"):
        assert key in shown, f"{path}: {key} is listed"
