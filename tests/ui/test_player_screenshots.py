"""Screenshots of the player to LOOK at (saved to $TOUCHSTORY_SHOTS or
/tmp/touchstory-shots): each theme, the stroke card, the Strokes page, the
permission card and the endings, at 1280x800 and 1920x1080. The assertions
check what a tired eye would notice first: no pure white at bedtime, little blue,
nothing blank where something should be."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from screenshots.helpers import SIZES, grab, load, make_player, pixel_stats, press, registry, story_from_text
from touchstory.journal.settings import Settings
from touchstory.ui.strokes.practice import StrokesPage
from touchstory.ui.theme import theme_by_name

pytestmark = pytest.mark.slow

THEMES = ("bedtime", "day", "contrast")


def _freeze(player, t: float = 0.8) -> None:
    player.stroke_card.set_animation_time(t)
    player.permission_card.hands.set_time(t)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", THEMES)
def test_player_in_each_theme(qtbot, theme, size):
    story, pack = load("the-sleepy-balloon")
    player, clock = make_player(qtbot, story, pack, theme=theme, size=SIZES[size])
    for _ in range(2):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    _freeze(player)
    path, image = grab(player, f"player-{theme}-{size}")
    stats = pixel_stats(image)
    assert image.width() == SIZES[size][0]
    if theme == "bedtime":
        assert stats["white"] == 0.0, f"{path}: pure white at bedtime"
        assert stats["mean"] < 90, f"{path}: too bright for bedtime ({stats['mean']:.0f})"
        assert stats["blue_over_red"] < 0.8, f"{path}: too blue for bedtime"
    if theme == "day":
        assert stats["mean"] > 150


@pytest.mark.parametrize("size", SIZES)
def test_permission_card(qtbot, size):
    story, pack = load("the-sleepy-balloon")
    player, _ = make_player(qtbot, story, pack, size=SIZES[size])
    _freeze(player, 2.0)
    path, image = grab(player, f"permission-bedtime-{size}")
    assert pixel_stats(image)["white"] == 0.0
    assert player.permission_card.isVisible()


@pytest.mark.parametrize("size", SIZES)
def test_permission_card_for_a_baby_routine_in_day_theme(qtbot, size):
    story, pack = load("round-the-tummy")
    player, _ = make_player(qtbot, story, pack, theme="day", size=SIZES[size])
    _freeze(player, 2.0)
    grab(player, f"permission-infant-day-{size}")


@pytest.mark.parametrize("size", SIZES)
def test_stroke_card(qtbot, size):
    story, pack = load("the-sleepy-balloon")
    player, clock = make_player(qtbot, story, pack, size=SIZES[size])
    for _ in range(7):  # the question, then six lines: sprinkle x3 light
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    player.stroke_card.set_animation_time(0.55)
    path, image = grab(player.stroke_card, f"stroke-card-{size}")
    assert player.stroke_card.name.text() == "Sprinkle"
    assert pixel_stats(image)["white"] == 0.0


@pytest.mark.parametrize("size", SIZES)
def test_infant_story_mid_routine(qtbot, size):
    story, pack = load("round-the-tummy")
    player, clock = make_player(qtbot, story, pack, size=SIZES[size])
    for _ in range(3):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    _freeze(player, 1.1)
    grab(player, f"player-infant-bedtime-{size}")


@pytest.mark.parametrize("pack_id", ["story", "infant"])
@pytest.mark.parametrize("size", SIZES)
def test_strokes_page(qtbot, size, pack_id):
    page = StrokesPage(list(registry()), theme_by_name("bedtime"), initial_pack=pack_id)
    qtbot.addWidget(page)
    page.resize(*SIZES[size])
    page.show()
    qtbot.waitExposed(page)
    page.freeze(1.0)
    path, image = grab(page, f"strokes-{pack_id}-bedtime-{size}")
    assert pixel_stats(image)["white"] == 0.0


def test_strokes_page_day(qtbot):
    page = StrokesPage(list(registry()), theme_by_name("day"))
    qtbot.addWidget(page)
    page.resize(*SIZES["1920x1080"])
    page.show()
    page.freeze(1.4)
    grab(page, "strokes-story-day-1920x1080")


@pytest.mark.parametrize("size", SIZES)
def test_endings(qtbot, size):
    story, pack = load("the-sleepy-balloon")
    player, clock = make_player(qtbot, story, pack, size=SIZES[size])
    for _ in range(story.line_count + 1):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    grab(player, f"thanks-bedtime-{size}")
    player2, _ = make_player(qtbot, story, pack, theme="day", size=SIZES[size])
    qtbot.mouseClick(player2.permission_card.not_now, Qt.MouseButton.LeftButton)
    grab(player2, f"not-now-day-{size}")


def test_missing_picture_notes_and_highlight(qtbot, tmp_path):
    story, pack = story_from_text(tmp_path, (
        "title: The Quiet Pond\n\n# Pond\npicture: pond.svg | A still pond with two sleepy ducks under a willow.\n"
        "note: Slow down here; let the breathing settle.\n"
        "[wave x2] The water ripples gently, this way and that way.\n[calm] The ducks tuck in their heads.\n"))
    player, clock = make_player(qtbot, story, pack, settings=Settings(highlight_words=True))
    press(qtbot, player, clock, Qt.Key.Key_PageDown)
    player.highlight_word(2)
    _freeze(player, 0.6)
    grab(player, "placeholder-notes-highlight-bedtime-1280x800")
    assert player.picture_view.is_placeholder()


def test_hold_to_leave_and_keys_overlay(qtbot):
    story, pack = load("the-sleepy-balloon")
    player, clock = make_player(qtbot, story, pack, size=SIZES["1280x800"])
    press(qtbot, player, clock, Qt.Key.Key_PageDown)
    qtbot.mousePress(player.stop_button, Qt.MouseButton.LeftButton)
    clock.advance(1.2)
    qtbot.wait(60)
    _freeze(player)
    grab(player, "hold-to-leave-bedtime-1280x800")
    clock.advance(0.1)
    qtbot.mouseRelease(player.stop_button, Qt.MouseButton.LeftButton)
    qtbot.wait(80)
    grab(player, "hold-hint-bedtime-1280x800")
    press(qtbot, player, clock, Qt.Key.Key_F1)
    grab(player, "keys-bedtime-1280x800")


def test_large_text_and_dyslexia_spacing(qtbot):
    story, pack = load("the-sleepy-balloon")
    settings = Settings(text_scale=1.4, dyslexia_spacing=True)
    player, clock = make_player(qtbot, story, pack, theme="day", settings=settings, size=SIZES["1280x800"])
    for _ in range(4):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    _freeze(player)
    grab(player, "dyslexia-large-day-1280x800")


def test_learn_my_clicker_dialog(qtbot):
    from touchstory.ui.keys import KeyMap
    from touchstory.ui.player.learn_keys import LearnClickerDialog
    dialog = LearnClickerDialog(theme_by_name("bedtime"), KeyMap({"F5": "next"}))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    path, image = grab(dialog, "learn-clicker-bedtime")
    assert pixel_stats(image)["white"] == 0.0
