"""Every key and input of the player: next/back keys, clicks and touches (left fifth
goes back), Home/End, blank, full screen, Esc, the key list, learned clicker keys,
held-key auto-repeat and bounces."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from screenshots.helpers import auto_repeat, make_player, press, story_from_text
from touchstory.journal.settings import Settings
from touchstory.pacing.clock import FakeClock
from touchstory.pacing.session import Phase
from touchstory.ui.keys import DEFAULT_KEYS, Action, KeyMap, key_text
from touchstory.ui.player.learn_keys import LearnClickerDialog
from touchstory.ui.theme import theme_by_name

K = Qt.Key
STORY = "title: Keys\n" + "".join(f"[circle] Line {n}.\n" for n in range(1, 7))


@pytest.fixture
def playing(qtbot, tmp_path):
    """A player on line 3 of 6."""
    player, clock = make_player(qtbot, *story_from_text(tmp_path, STORY))
    for _ in range(3):
        press(qtbot, player, clock, K.Key_Right)
    assert player.line_view.text() == "Line 3."
    return player, clock


def line(player) -> str:
    return player.line_view.text()


# -- the key map on its own ---------------------------------------------------------

@pytest.mark.parametrize("key", [K.Key_Space, K.Key_Return, K.Key_Enter, K.Key_Right, K.Key_Down, K.Key_PageDown])
def test_next_keys(key):
    assert KeyMap().action_for_key(key) is Action.NEXT


@pytest.mark.parametrize("key", [K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace])
def test_back_keys(key):
    assert KeyMap().action_for_key(key) is Action.BACK


def test_other_keys():
    km = KeyMap()
    assert km.action_for_key(K.Key_Home) is Action.HOME
    assert km.action_for_key(K.Key_End) is Action.END
    assert km.action_for_key(K.Key_B) is Action.BLANK
    assert km.action_for_key(K.Key_Period) is Action.BLANK
    assert km.action_for_key(K.Key_F11) is Action.FULL_SCREEN
    assert km.action_for_key(K.Key_Escape) is Action.LEAVE_FULL_SCREEN
    assert km.action_for_key(K.Key_F1) is Action.SHOW_KEYS
    assert km.action_for_key(K.Key_Question, Qt.KeyboardModifier.ShiftModifier, "?") is Action.SHOW_KEYS
    assert km.action_for_key(K.Key_Slash, Qt.KeyboardModifier.ShiftModifier, "?") is Action.SHOW_KEYS
    assert km.action_for_key(K.Key_Shift) is None
    assert km.action_for_key(K.Key_Right, Qt.KeyboardModifier.ControlModifier) is None  # the system's
    assert km.action_for_key(K.Key_X) is None


def test_learned_bindings_win_and_round_trip():
    km = KeyMap({"F5": "next", "Tab": "back", "X": "full-screen", "Y": "nonsense"})
    assert km.bindings == {"F5": "next", "Tab": "back"}  # only next/back/blank may be learned
    assert km.action_for_key(K.Key_F5) is Action.NEXT
    assert km.action_for_key(K.Key_Tab) is Action.BACK
    km2 = km.with_binding(key_text(K.Key_B), Action.NEXT)
    assert km2.action_for_key(K.Key_B) is Action.NEXT
    assert km2.without_binding("B").action_for_key(K.Key_B) is Action.BLANK
    with pytest.raises(ValueError):
        km.with_binding("F6", Action.HOME)


def test_key_text_is_portable():
    assert key_text(K.Key_F5) == "F5"
    assert key_text(K.Key_PageDown) == "PgDown"
    assert key_text(K.Key_N, Qt.KeyboardModifier.ControlModifier) == "Ctrl+N"
    assert key_text(K.Key_5, Qt.KeyboardModifier.KeypadModifier) == "5"


def test_every_default_key_is_listed_in_the_help():
    from touchstory.ui.keys import KEY_HELP
    text = " ".join(keys for keys, _ in KEY_HELP)
    for word in ("Space", "Enter", "Page Down", "Page Up", "Backspace", "Home", "End", "B", "F11", "Esc", "F1", "?"):
        assert word in text
    assert len(DEFAULT_KEYS) >= 18


# -- keys in the player ---------------------------------------------------------------

@pytest.mark.parametrize("key", [K.Key_Space, K.Key_Return, K.Key_Enter, K.Key_Right, K.Key_Down, K.Key_PageDown])
def test_each_next_key_moves_one_line(playing, qtbot, key):
    player, clock = playing
    press(qtbot, player, clock, key)
    assert line(player) == "Line 4."


@pytest.mark.parametrize("key", [K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace])
def test_each_back_key_moves_back_one_line(playing, qtbot, key):
    player, clock = playing
    press(qtbot, player, clock, key)
    assert line(player) == "Line 2."


def test_home_and_end(playing, qtbot):
    player, clock = playing
    press(qtbot, player, clock, K.Key_End)
    assert line(player) == "Line 6."
    assert player.session.phase is Phase.PLAYING  # the thank-you still waits for a tap
    press(qtbot, player, clock, K.Key_Home)
    assert line(player) == "Line 1."


def test_a_click_anywhere_on_the_page_is_next(playing, qtbot):
    player, clock = playing
    clock.advance(0.4)
    qtbot.mouseClick(player.line_view, Qt.MouseButton.LeftButton, pos=QPoint(400, 60))
    assert line(player) == "Line 4."
    clock.advance(0.4)
    qtbot.mouseClick(player.stroke_card, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert line(player) == "Line 5."
    clock.advance(0.4)
    qtbot.mouseClick(player.picture_view, Qt.MouseButton.LeftButton, pos=QPoint(player.picture_view.width() - 5, 5))
    assert line(player) == "Line 6."


def test_a_tap_on_the_left_fifth_goes_back(playing, qtbot):
    player, clock = playing
    clock.advance(0.4)
    x = int(player.page.width() * 0.15)
    qtbot.mouseClick(player.page, Qt.MouseButton.LeftButton, pos=QPoint(x, 300))
    assert line(player) == "Line 2."
    clock.advance(0.4)
    x = int(player.page.width() * 0.25)
    qtbot.mouseClick(player.page, Qt.MouseButton.LeftButton, pos=QPoint(x, 300))
    assert line(player) == "Line 3."


def test_a_second_press_within_250_ms_is_a_bounce(playing, qtbot):
    player, clock = playing
    press(qtbot, player, clock, K.Key_PageDown)
    press(qtbot, player, clock, K.Key_PageDown, gap=0.03)  # a clicker's contact bounce
    assert line(player) == "Line 4."
    press(qtbot, player, clock, K.Key_Space, gap=0.2)  # another key straight after: still a bounce
    assert line(player) == "Line 4."
    press(qtbot, player, clock, K.Key_PageDown, gap=0.06)  # 260 ms after the accepted press
    assert line(player) == "Line 5."
    assert player.router.ignored == 2


def test_a_double_tap_on_the_page_moves_one_line(playing, qtbot):
    player, clock = playing
    clock.advance(0.4)
    qtbot.mouseClick(player.page, Qt.MouseButton.LeftButton, pos=QPoint(700, 300))
    clock.advance(0.08)
    qtbot.mouseClick(player.page, Qt.MouseButton.LeftButton, pos=QPoint(700, 300))
    assert line(player) == "Line 4."


def test_holding_a_key_never_runs_through_the_story(playing, qtbot):
    player, clock = playing
    press(qtbot, player, clock, K.Key_Right)
    for _ in range(3):
        clock.advance(0.5)  # even long after the first press, repeats stay ignored
        auto_repeat(player, K.Key_Right, count=4)
    assert line(player) == "Line 4."
    assert player.router.ignored == 12


def test_blank_and_unblank(playing, qtbot):
    player, clock = playing
    press(qtbot, player, clock, K.Key_B)
    assert player.is_blank()
    press(qtbot, player, clock, K.Key_B)
    assert not player.is_blank()
    press(qtbot, player, clock, K.Key_Period)
    assert player.is_blank()
    press(qtbot, player, clock, K.Key_PageDown)  # brings the page back without moving on
    assert not player.is_blank()
    assert line(player) == "Line 3."


def test_a_tap_on_the_blank_screen_brings_the_page_back(playing, qtbot):
    player, clock = playing
    press(qtbot, player, clock, K.Key_Period)
    clock.advance(0.4)
    qtbot.mouseClick(player.blank_overlay, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not player.is_blank()
    assert line(player) == "Line 3."


def test_f11_toggles_full_screen_and_esc_leaves_it_but_never_quits(playing, qtbot):
    player, clock = playing
    press(qtbot, player, clock, K.Key_F11)
    assert player.windowState() & Qt.WindowState.WindowFullScreen
    press(qtbot, player, clock, K.Key_Escape)
    assert not player.windowState() & Qt.WindowState.WindowFullScreen
    press(qtbot, player, clock, K.Key_Escape)
    press(qtbot, player, clock, K.Key_Escape)
    assert player.isVisible()
    assert player.session.phase is Phase.PLAYING
    assert line(player) == "Line 3."


def test_f1_and_question_mark_show_the_keys(playing, qtbot):
    player, clock = playing
    press(qtbot, player, clock, K.Key_F1)
    assert player.keys_overlay.isVisible()
    press(qtbot, player, clock, K.Key_PageDown)  # while the list is up the story stays put
    assert line(player) == "Line 3."
    press(qtbot, player, clock, K.Key_Escape)
    assert not player.keys_overlay.isVisible()
    press(qtbot, player, clock, K.Key_Question, text="?", modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert player.keys_overlay.isVisible()
    press(qtbot, player, clock, K.Key_F1)
    assert not player.keys_overlay.isVisible()


def test_keys_reach_the_story_when_a_button_has_focus(qtbot, tmp_path):
    player, clock = make_player(qtbot, *story_from_text(tmp_path, STORY))
    yes = player.permission_card.yes
    yes.setFocus()
    press(qtbot, yes, clock, K.Key_PageDown)  # a clicker on the permission card: yes
    assert line(player) == "Line 1."
    player.keys_button.setFocus()
    press(qtbot, player.keys_button, clock, K.Key_Right)
    assert line(player) == "Line 2."


def test_enter_on_a_focused_card_button_presses_it(qtbot, tmp_path):
    player, clock = make_player(qtbot, *story_from_text(tmp_path, STORY))
    not_now = player.permission_card.not_now
    not_now.setFocus()
    press(qtbot, not_now, clock, K.Key_Return)
    assert player.session.phase is Phase.ENDED


def test_the_next_key_on_the_permission_card_means_yes(qtbot, tmp_path):
    player, clock = make_player(qtbot, *story_from_text(tmp_path, STORY))
    press(qtbot, player, clock, K.Key_PageDown)
    assert player.session.phase is Phase.PLAYING
    press(qtbot, player, clock, K.Key_PageUp)  # back from the first line asks again
    assert player.permission_card.isVisible()


def test_a_learned_clicker_key_moves_the_story(qtbot, tmp_path):
    settings = Settings(key_bindings={"F5": "next", "Tab": "back", "Y": "blank"})
    player, clock = make_player(qtbot, *story_from_text(tmp_path, STORY), settings=settings)
    press(qtbot, player, clock, K.Key_F5)
    press(qtbot, player, clock, K.Key_F5)
    assert line(player) == "Line 2."
    press(qtbot, player, clock, K.Key_Tab)
    assert line(player) == "Line 1."
    press(qtbot, player, clock, K.Key_Y)
    assert player.is_blank()


def test_learn_my_clicker_dialog_captures_any_key(qtbot):
    dialog = LearnClickerDialog(theme_by_name("bedtime"), KeyMap())
    qtbot.addWidget(dialog)
    dialog.choose(Action.BACK)
    qtbot.keyClick(dialog, K.Key_F7)
    assert dialog.captured() == "F7"
    assert dialog.save_button.isEnabled()
    qtbot.keyClick(dialog, K.Key_Escape)  # some clickers send Esc: it is captured, not a cancel
    assert dialog.captured() == "Esc"
    qtbot.keyClick(dialog, K.Key_F7)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.keymap is not None
    assert dialog.keymap.bindings == {"F7": "back"}


def test_learn_dialog_ignores_modifier_keys_and_repeats(qtbot):
    dialog = LearnClickerDialog(theme_by_name("day"), KeyMap({"F5": "next"}))
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog, K.Key_Shift)
    assert dialog.captured() is None
    assert "F5" in dialog.learned_label.text()
    qtbot.mouseClick(dialog.forget_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.keymap is not None and dialog.keymap.bindings == {}


def test_the_debouncer_runs_on_the_injected_clock(qtbot, tmp_path):
    clock = FakeClock()
    player, _ = make_player(qtbot, *story_from_text(tmp_path, STORY), clock=clock)
    qtbot.keyClick(player, K.Key_Right)  # no time passes at all
    qtbot.keyClick(player, K.Key_Right)
    qtbot.keyClick(player, K.Key_Right)
    assert line(player) == "Line 1."


def test_the_keyboard_alone_reaches_every_button(playing, qtbot):
    player, clock = playing
    reached = set()
    for _ in range(8):
        qtbot.keyClick(player.focusWidget() or player, K.Key_Tab)
        reached.add(player.focusWidget())
    assert {player.keys_button, player.full_button, player.stop_button} <= reached
    assert line(player) == "Line 3."  # Tab never moves the story


def test_the_full_screen_button_follows_the_window(playing, qtbot):
    player, clock = playing
    player.showFullScreen()
    assert player.full_button.text() == "Leave full screen"
    player.showNormal()
    assert player.full_button.text() == "Full screen"
