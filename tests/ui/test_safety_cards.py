"""The safety checklist and cue card of a baby routine: reachable from the
permission card and from the top bar during the routine, both texts shown from
the bundled markdown, keys kept from the story while it is open, focus given back
when it closes; and screenshots of the card in the bedtime and day themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from screenshots.helpers import grab, load, make_player, pixel_stats, press
from touchstory.journal.settings import Settings
from touchstory.pacing.session import Mode, Phase
from touchstory.resources import BABY_CUES, INFANT_SAFETY, safety_card
from touchstory.ui.player.safety import CHECKLIST_TAB, CUES_TAB, CardStyle, markdown_html

ROUTINE = "round-the-tummy"
STYLE = CardStyle("#111111", "#555555", "#aa5500", 20)


def _accept(qtbot, player):
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    assert player.session.phase is Phase.PLAYING


def _shown_both(card) -> None:
    checklist, cues = card.text(CHECKLIST_TAB), card.text(CUES_TAB)
    assert "Before a baby massage" in checklist and "vaccinations" in checklist
    assert "not medical advice" in checklist
    assert "Reading your baby's cues" in cues and "eye contact" in cues and "arching" in cues


def test_the_cues_button_is_there_for_baby_routines_only(qtbot):
    routine, routine_pack = load(ROUTINE)
    player, _ = make_player(qtbot, routine, routine_pack)
    assert player.cues_button.isVisible()
    assert player.permission_card.safety.isVisible()
    story, pack = load("the-sleepy-balloon")
    other, _ = make_player(qtbot, story, pack)
    assert not other.cues_button.isVisible()
    assert not other.permission_card.safety.isVisible()
    assert other.safety_card is None  # never built for a story that has no use for it


@pytest.mark.parametrize("name", ["hello-hands", "little-legs-and-feet", "round-the-tummy", "sleepy-back"])
def test_every_bundled_routine_offers_the_card(qtbot, name):
    story, pack = load(name)
    player, _ = make_player(qtbot, story, pack, show=False)
    assert not player.cues_button.isHidden()
    assert not player.permission_card.safety.isHidden()


def test_opening_from_the_permission_card_shows_both_texts(qtbot):
    player, clock = make_player(qtbot, *load(ROUTINE))
    qtbot.mouseClick(player.permission_card.safety, Qt.MouseButton.LeftButton)
    card = player.safety_card
    assert card is not None and card.isVisible()
    assert card.current_tab() == CHECKLIST_TAB
    _shown_both(card)
    qtbot.mouseClick(card.tabs[CUES_TAB], Qt.MouseButton.LeftButton)
    assert card.current_tab() == CUES_TAB
    for key in (Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Return, Qt.Key.Key_Right):
        press(qtbot, player.focusWidget(), clock, key)
    assert player.session.phase is Phase.ASKING  # nothing answered the question behind the card
    press(qtbot, player.focusWidget(), clock, Qt.Key.Key_Escape)
    assert not card.isVisible()
    assert player.permission_card.isVisible()
    assert player.focusWidget() is player.permission_card.yes
    press(qtbot, player.focusWidget(), clock, Qt.Key.Key_Space)
    assert player.session.phase is Phase.PLAYING


def test_opening_during_play_keeps_keys_from_the_story(qtbot):
    player, clock = make_player(qtbot, *load(ROUTINE))
    _accept(qtbot, player)
    press(qtbot, player, clock, Qt.Key.Key_Space)
    line, index = player.line_view.text(), player.session.index
    qtbot.mouseClick(player.cues_button, Qt.MouseButton.LeftButton)
    card = player.safety_card
    assert card is not None and card.isVisible()
    assert card.current_tab() == CUES_TAB
    _shown_both(card)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Down,
                Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_B, Qt.Key.Key_Return, Qt.Key.Key_Backspace):
        press(qtbot, player.focusWidget(), clock, key)
        assert card.isVisible()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_PageDown):  # even sent to the player itself
        press(qtbot, player, clock, key)
    qtbot.mouseClick(player.page, Qt.MouseButton.LeftButton, pos=QPoint(player.page.width() // 2, 40))
    assert player.session.index == index and player.line_view.text() == line
    assert not player.is_blank()
    qtbot.mouseClick(card.close_button, Qt.MouseButton.LeftButton)
    assert not card.isVisible()
    assert player.focusWidget() is player
    press(qtbot, player, clock, Qt.Key.Key_Space)
    assert player.session.index == index + 1


def test_the_cues_button_and_a_tap_beside_the_card_close_it(qtbot):
    player, clock = make_player(qtbot, *load(ROUTINE))
    _accept(qtbot, player)
    qtbot.mouseClick(player.cues_button, Qt.MouseButton.LeftButton)
    assert player.is_safety_open()
    qtbot.mouseClick(player.cues_button, Qt.MouseButton.LeftButton)
    assert not player.is_safety_open()
    player.show_safety(True)
    qtbot.mouseClick(player.safety_card, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not player.is_safety_open()
    assert player.focusWidget() is player


def test_narrated_play_waits_while_the_card_is_open(qtbot):
    settings = Settings(pace="narrated")
    player, clock = make_player(qtbot, *load(ROUTINE), settings=settings)
    assert player.session.mode is Mode.NARRATED
    _accept(qtbot, player)
    index = player.session.index
    qtbot.mouseClick(player.cues_button, Qt.MouseButton.LeftButton)
    assert player.session.paused
    for _ in range(40):  # far longer than any line takes
        clock.advance(1.0)
        player.session.tick()
    assert player.session.index == index
    press(qtbot, player.focusWidget(), clock, Qt.Key.Key_Escape)
    assert not player.session.paused  # the card's pause ends with the card
    for _ in range(60):
        clock.advance(1.0)
        player.session.tick()
    assert player.session.index > index


def test_a_pause_the_reader_chose_outlasts_the_card(qtbot):
    player, clock = make_player(qtbot, *load(ROUTINE), settings=Settings(pace="narrated"))
    _accept(qtbot, player)
    press(qtbot, player, clock, Qt.Key.Key_Space)  # a tap pauses narration
    assert player.session.paused
    player.show_safety(True)
    player.show_safety(False)
    assert player.session.paused


def test_markdown_is_drawn_as_headings_lists_and_emphasis():
    text = markdown_html("# Title\n\nIntro line\nwraps on.\n\n## Part\n\n- one\n  carries on\n- two <b>\n\n*quiet*",
                         STYLE)
    assert "Title" in text and "Intro line wraps on." in text
    assert text.count("<li") == 2 and "one carries on" in text
    assert "&lt;b&gt;" in text  # text is escaped, never taken as markup
    assert "<i>quiet</i>" in text
    assert "#aa5500" in text  # headings in the accent colour


def test_bundled_cards_render_every_line():
    for name in (INFANT_SAFETY, BABY_CUES):
        rendered = markdown_html(safety_card(name), STYLE)
        for line in safety_card(name).splitlines():
            words = line.strip().lstrip("#-* ").rstrip("*").split()
            if words:
                assert words[-1].replace("'", "&#x27;").strip("*") in rendered or words[-1] in rendered, line


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["bedtime", "day"])
@pytest.mark.parametrize("tab", [CHECKLIST_TAB, CUES_TAB])
def test_screenshot_of_the_card(qtbot, theme, tab):
    player, clock = make_player(qtbot, *load(ROUTINE), theme=theme, size=(1280, 800))
    _accept(qtbot, player)
    player.show_safety(True, tab)
    name = "checklist" if tab == CHECKLIST_TAB else "cues"
    path, image = grab(player, f"safety-{name}-{theme}-1280x800")
    stats = pixel_stats(image)
    if theme == "bedtime":
        assert stats["white"] == 0.0, f"{path}: pure white at bedtime"
        assert stats["mean"] < 90, f"{path}: too bright for bedtime"
    else:
        assert stats["mean"] > 150, path


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["bedtime", "day"])
def test_screenshot_of_the_baby_permission_card_with_its_safety_button(qtbot, theme):
    for size in ((1280, 800), (800, 600)):
        player, _ = make_player(qtbot, *load(ROUTINE), theme=theme, size=size)
        player.permission_card.hands.set_time(2.0)
        grab(player, f"safety-permission-{theme}-{size[0]}x{size[1]}")
        button = player.permission_card.safety
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width(), "the button's words fit"
        question = player.permission_card.question
        if player.permission_card.hands.isVisible():
            assert player.permission_card.hands.geometry().bottom() < question.geometry().top()
