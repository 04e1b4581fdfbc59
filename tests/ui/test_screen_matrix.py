"""The screenshot matrix, the slice that runs in the suite: each screen at a size,
theme and text size, failed for cut text, overlapping widgets and low contrast
(tests/ui/screen_checks.py measures them from the live widgets). The whole
matrix runs from tests/review/screen_matrix.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from screen_checks import contrast, painted_contrast, problems
from test_library_kit import Built, story_root  # noqa: F401  (fixtures)
from touchstory.journal.settings import Settings

THEMES = ("bedtime", "day", "contrast")
LARGEST = 1.75


@pytest.mark.parametrize("theme", THEMES)
def test_library_at_largest_text_on_a_small_laptop_is_whole(qtbot, story_root: Path, tmp_path: Path, theme: str):  # noqa: F811  (a fixture)
    b = Built(qtbot, story_root, tmp_path, theme=theme, settings=Settings(text_scale=LARGEST), size=(1280, 800))
    try:
        b.set_filter(favourites_only=True)
        found = problems(b.window)
        assert not found, "\n".join(found)
    finally:
        b.close()


@pytest.mark.parametrize("theme", THEMES)
def test_settings_at_largest_text_is_whole_on_every_page(qtbot, monkeypatch, theme: str):
    from PySide6.QtCore import QSize

    from touchstory.ui.library import settings_dialog
    from touchstory.ui.library.settings_dialog import SettingsDialog
    from touchstory.ui.theme import theme_by_name

    # the suite's offscreen screen is 800x600; the dialog opens on a 1280x800 laptop
    monkeypatch.setattr(settings_dialog, "screen_room", lambda widget: QSize(1280 - 40, 800 - 60))

    dialog = SettingsDialog(Settings(text_scale=LARGEST), theme_by_name(theme).with_text(LARGEST), True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    found: list[str] = []
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        qtbot.wait(30)
        found += [f"{dialog.tabs.tabText(page)}: {p}" for p in problems(dialog)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("theme", THEMES)
def test_the_favourites_chip_when_on_is_an_accent_chip_that_reads(built_theme, theme: str):
    b = built_theme(theme)
    b.set_filter(favourites_only=True)
    chip = b.window.filter_bar.favourites
    seen = painted_contrast(chip)
    assert seen is not None and seen.ratio >= 4.5, f"{theme}: {seen}"
    accent = b.window.palette().color(b.window.palette().ColorRole.Highlight)
    shot = chip.grab().toImage()
    middle = shot.pixelColor(8, shot.height() // 2)
    assert contrast(middle, accent) < 1.2, f"{theme}: the chip is filled with the accent ({middle.name()})"


@pytest.fixture
def built_theme(qtbot, story_root: Path, tmp_path: Path):  # noqa: F811  (a fixture)
    made: list[Built] = []

    def make(theme: str, size: tuple[int, int] = (1280, 800), text_scale: float = 1.0) -> Built:
        b = Built(qtbot, story_root, tmp_path / str(len(made)), theme=theme,
                  settings=Settings(text_scale=text_scale), size=size)
        made.append(b)
        return b
    yield make
    for b in made:
        b.close()


def test_favourites_keeps_its_own_width_at_1920_and_the_row_does_not_jump(built_theme):
    b = built_theme("day", size=(1920, 1080))
    bar = b.window.filter_bar
    assert bar.favourites.width() <= bar.favourites.sizeHint().width() + 4, bar.favourites.width()
    before = bar.favourites.geometry()
    b.set_filter(favourites_only=True)  # "Show all" appears
    assert bar.clear.isVisible()
    assert bar.favourites.geometry() == before
