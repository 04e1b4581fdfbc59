"""Screenshots of the player to LOOK at (saved to $TOUCHSTORY_SHOTS or
/tmp/touchstory-shots): each theme, the stroke card, the Strokes page, the
permission card and the endings, at 1280x800 and 1920x1080. The assertions
check what a tired eye would notice first: no pure white at bedtime, little blue,
nothing blank where something should be."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from screenshots.helpers import (SIZES, grab, load, make_player, pixel_stats, press, registry, story_from_text,
                                 text_problems)
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
    path, image = grab(player, f"permission-infant-day-{size}")
    card = player.permission_card
    assert card.isVisible() and card.question.text() == "Hello, little one. Shall we say hello to your tummy?"
    assert card.yes.isVisible() and card.not_now.isVisible()
    assert not card.yes.geometry().intersects(card.not_now.geometry()), "Yes and Not now apart"
    assert text_problems(player) == [], path
    assert pixel_stats(image)["mean"] > 150, f"{path}: the day theme is light"


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
    path, image = grab(player, f"player-infant-bedtime-{size}")
    assert not player.permission_card.isVisible() and player.line_view.text(), "a line of the routine shows"
    assert player.stroke_card.isVisible() and player.stroke_card.name.text()
    assert text_problems(player) == [], path
    stats = pixel_stats(image)
    assert stats["white"] == 0.0 and stats["mean"] < 90, f"{path}: dim at bedtime"


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
    path, image = grab(page, "strokes-story-day-1920x1080")
    assert text_problems(page) == [], path
    assert pixel_stats(image)["mean"] > 150, f"{path}: the day theme is light"


@pytest.mark.parametrize("size", SIZES)
def test_endings(qtbot, size):
    story, pack = load("the-sleepy-balloon")
    player, clock = make_player(qtbot, story, pack, size=SIZES[size])
    for _ in range(story.line_count + 1):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    path, image = grab(player, f"thanks-bedtime-{size}")
    assert player.end_card.isVisible(), path
    assert player.end_card.message.text() == "Thank you for sharing a story massage.", path
    assert not player.end_card.leave.geometry().intersects(player.end_card.again.geometry())
    assert text_problems(player) == [], path
    assert pixel_stats(image)["white"] == 0.0
    player2, _ = make_player(qtbot, story, pack, theme="day", size=SIZES[size])
    qtbot.mouseClick(player2.permission_card.not_now, Qt.MouseButton.LeftButton)
    path, image = grab(player2, f"not-now-day-{size}")
    assert player2.end_card.isVisible() and player2.end_card.message.text() == "That's OK. Maybe another time."
    assert not player2.permission_card.isVisible() and text_problems(player2) == [], path


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
    path, _ = grab(player, "hold-to-leave-bedtime-1280x800")
    assert player.isVisible() and text_problems(player) == [], path
    clock.advance(0.1)
    qtbot.mouseRelease(player.stop_button, Qt.MouseButton.LeftButton)
    qtbot.wait(80)
    path, _ = grab(player, "hold-hint-bedtime-1280x800")
    assert player.isVisible(), "a short hold does not leave the story"
    assert text_problems(player) == [], path
    press(qtbot, player, clock, Qt.Key.Key_F1)
    path, image = grab(player, "keys-bedtime-1280x800")
    assert text_problems(player) == [], path
    assert pixel_stats(image)["white"] == 0.0


def test_large_text_and_dyslexia_spacing(qtbot):
    story, pack = load("the-sleepy-balloon")
    settings = Settings(text_scale=1.4, dyslexia_spacing=True)
    player, clock = make_player(qtbot, story, pack, theme="day", settings=settings, size=SIZES["1280x800"])
    for _ in range(4):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    _freeze(player)
    path, _ = grab(player, "dyslexia-large-day-1280x800")
    plain, _ = make_player(qtbot, story, pack, theme="day", size=SIZES["1280x800"], show=False)
    assert player.line_view.font().pointSizeF() > plain.line_view.font().pointSizeF() * 1.2, "text is larger"
    assert player.line_view.font().wordSpacing() > plain.line_view.font().wordSpacing(), "words spaced out"
    assert text_problems(player) == [], path


def test_learn_my_clicker_dialog(qtbot):
    from touchstory.ui.keys import KeyMap
    from touchstory.ui.player.learn_keys import LearnClickerDialog
    dialog = LearnClickerDialog(theme_by_name("bedtime"), KeyMap({"F5": "next"}))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    path, image = grab(dialog, "learn-clicker-bedtime")
    assert pixel_stats(image)["white"] == 0.0


def test_text_problems_sees_a_cut_off_label_and_button(qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton, QWidget
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(400, 200)
    label, button = QLabel("Sprinkle on the shoulders", window), QPushButton("Back to stories", window)
    label.setGeometry(10, 10, 300, 30)
    button.setGeometry(10, 50, 300, 30)
    window.show()
    qtbot.waitExposed(window)
    assert text_problems(window) == []
    label.setFixedWidth(40)
    button.setFixedWidth(30)
    button.move(380, 50)  # and half of it off the window's edge
    problems = text_problems(window)
    assert len(problems) == 3 and "'Sprinkle on the shoulders'" in problems[0], problems
    assert "reaches outside the window" in problems[2]
