"""The player's flow as a parent meets it: asked first, Yes / Not now, lines,
thank-you, Stop (with the child lock), reading again, narration hooks, notes,
missing pictures and the journal."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from screenshots.helpers import load, make_player, press, story_from_text
from touchstory.story.model import Area
from touchstory.journal.settings import Settings
from touchstory.ui.player.hooks import NullSound
from touchstory.pacing.session import Mode, Phase, StepKind
from touchstory.ui.player.cards import DECLINED_TEXT, Ending

STORY = """title: Little Test
ages: 3-7
mood: calm

# One
picture: missing.svg | A round moon over a quiet hill.
[calm] It is time for a story massage.
note: Warm your hands first.
[circle x2] The moon goes round and round.
# Two
[walk x3 shoulders light] Tip-toe, tip-toe, up the hill.
[none] Can you hear the owl?
"""


@pytest.fixture
def little(tmp_path):
    return story_from_text(tmp_path, STORY)


def test_asks_first_and_yes_shows_the_first_line(qtbot, little):
    player, clock = make_player(qtbot, *little)
    assert player.permission_card.isVisible()
    assert player.permission_card.question.text() == "Would you like a story massage?"
    assert player.line_view.text() == ""
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    assert not player.permission_card.isVisible()
    assert player.line_view.text() == "It is time for a story massage."
    assert player.progress.value() == (1, 4)
    assert player.focusWidget() is player  # the next key goes to the story, not to a hidden button


def test_not_now_ends_gently(qtbot, little):
    player, clock = make_player(qtbot, *little)
    with qtbot.waitSignal(player.finished) as finished:
        qtbot.mouseClick(player.permission_card.not_now, Qt.MouseButton.LeftButton)
    assert finished.args == ["declined"]
    assert player.end_card.isVisible()
    assert player.end_card.message.text() == DECLINED_TEXT
    assert player.end_card.ending is Ending.DECLINED
    assert player.stop_button.text() == "Back to stories"
    assert not player.stop_button.locked  # nothing is playing: one click leaves


def test_stray_taps_on_the_permission_card_do_not_answer(qtbot, little):
    player, clock = make_player(qtbot, *little)
    qtbot.mouseClick(player.permission_card, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseClick(player.page, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    assert player.session.phase is Phase.ASKING
    assert player.permission_card.isVisible()


def test_reading_to_the_end_shows_the_thank_you(qtbot, little):
    player, clock = make_player(qtbot, *little)
    seen = []
    for _ in range(5):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
        seen.append(player.line_view.text())
    assert seen[:4] == ["It is time for a story massage.", "The moon goes round and round.",
                        "Tip-toe, tip-toe, up the hill.", "Can you hear the owl?"]
    assert player.session.phase is Phase.ENDED
    assert player.end_card.isVisible()
    assert player.end_card.ending is Ending.THANKS
    assert player.end_card.message.text() == "Thank you for sharing a story massage."
    assert player.progress.value() == (4, 4)


def test_read_it_again_starts_with_the_question(qtbot, little):
    player, clock = make_player(qtbot, *little)
    for _ in range(5):
        press(qtbot, player, clock, Qt.Key.Key_Right)
    qtbot.mouseClick(player.end_card.again, Qt.MouseButton.LeftButton)
    assert player.permission_card.isVisible()
    assert not player.end_card.isVisible()
    assert player.session.phase is Phase.ASKING
    assert player.stop_button.locked


def test_a_story_with_its_own_opening_and_closing_is_not_doubled(qtbot, tmp_path):
    story = story_from_text(tmp_path, "title: Own\nask: Shall we do the rain story?\nthanks: Thank you, cloud.\n"
                                      "[sprinkle] Rain falls.\n")
    player, clock = make_player(qtbot, *story)
    assert player.permission_card.question.text() == "Shall we do the rain story?"
    asks = [s for s in player.session.steps if s.kind is StepKind.ASK]
    assert len(asks) == 1
    press(qtbot, player, clock, Qt.Key.Key_Space)
    press(qtbot, player, clock, Qt.Key.Key_Space)
    press(qtbot, player, clock, Qt.Key.Key_Space)
    assert player.end_card.message.text() == "Thank you, cloud."


def test_a_story_without_a_question_starts_on_its_first_line(qtbot, tmp_path):
    story = story_from_text(tmp_path, "title: No ask\nask: none\n[calm] Hands resting.\n")
    player, clock = make_player(qtbot, *story)
    assert not player.permission_card.isVisible()
    assert player.line_view.text() == "Hands resting."


def test_stop_needs_a_two_second_hold_while_playing(qtbot, little):
    player, clock = make_player(qtbot, *little)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    stop = player.stop_button
    assert stop.locked
    qtbot.mousePress(stop, Qt.MouseButton.LeftButton)
    clock.advance(0.3)
    with qtbot.waitSignal(stop.hint_requested):
        qtbot.mouseRelease(stop, Qt.MouseButton.LeftButton)
    assert player.session.phase is Phase.PLAYING  # a child's tap never leaves
    assert player.toast.isVisible() and player.toast.text() == "Hold Stop to leave"

    qtbot.mousePress(stop, Qt.MouseButton.LeftButton)
    clock.advance(1.0)
    qtbot.wait(60)  # the ring fills on its timer
    assert 0.4 < stop.progress < 0.6
    assert player.session.phase is Phase.PLAYING
    clock.advance(1.1)
    with qtbot.waitSignal(player.finished, timeout=1000) as finished:
        pass
    qtbot.mouseRelease(stop, Qt.MouseButton.LeftButton)
    assert finished.args == ["stopped"]
    assert player.end_card.isVisible()
    assert player.end_card.message.text() == DECLINED_TEXT
    assert player.end_card.ending is Ending.STOPPED


def test_holding_space_on_the_focused_stop_button_also_leaves(qtbot, little):
    player, clock = make_player(qtbot, *little)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    player.stop_button.setFocus()
    qtbot.keyPress(player.stop_button, Qt.Key.Key_Space)
    clock.advance(2.1)
    with qtbot.waitSignal(player.finished, timeout=1000):
        pass
    qtbot.keyRelease(player.stop_button, Qt.Key.Key_Space)
    assert player.session.phase is Phase.ENDED


def test_without_the_child_lock_stop_is_one_click(qtbot, little):
    player, clock = make_player(qtbot, *little, settings=Settings(child_lock=False))
    press(qtbot, player, clock, Qt.Key.Key_Right)
    with qtbot.waitSignal(player.finished):
        qtbot.mouseClick(player.stop_button, Qt.MouseButton.LeftButton)


def test_back_to_stories_after_the_end_emits_closed(qtbot, little):
    player, clock = make_player(qtbot, *little)
    qtbot.mouseClick(player.permission_card.not_now, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(player.closed):
        qtbot.mouseClick(player.end_card.leave, Qt.MouseButton.LeftButton)


def test_stop_card_and_stop_button_stay_visible_over_the_page(qtbot, little):
    player, clock = make_player(qtbot, *little)
    assert player.stop_button.isVisible()
    press(qtbot, player, clock, Qt.Key.Key_Right)
    assert player.stop_button.isVisible()
    for _ in range(4):
        press(qtbot, player, clock, Qt.Key.Key_Right)
    assert player.stop_button.isVisible()


def test_notes_are_shown_quietly_and_never_as_the_line(qtbot, little):
    player, clock = make_player(qtbot, *little)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    assert player.line_view.text() == "The moon goes round and round."
    assert player.line_view.notes() == ("Warm your hands first.",)
    assert "Warm" not in player.line_view.accessibleName()


def test_next_line_preview_follows_the_setting(qtbot, little):
    player, clock = make_player(qtbot, *little)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    assert player.line_view.next_text() == "The moon goes round and round."
    player.apply_settings(Settings(show_next_line=False))
    assert player.line_view.next_text() == ""


def test_the_current_line_is_the_accessible_text(qtbot, little):
    player, clock = make_player(qtbot, *little)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    assert player.line_view.accessibleName() == "It is time for a story massage."
    press(qtbot, player, clock, Qt.Key.Key_Right)
    assert player.line_view.accessibleName() == "The moon goes round and round."
    assert player.stop_button.accessibleName() == "Stop"
    assert "hold" in player.stop_button.accessibleDescription().lower()


def test_a_missing_picture_shows_a_placeholder_with_its_alt_text(qtbot, little):
    player, clock = make_player(qtbot, *little)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    assert player.picture_view.is_placeholder()
    assert player.picture_view.accessibleDescription() == "A round moon over a quiet hill."


def test_stroke_card_shows_name_repeats_place_and_pressure(qtbot, little):
    player, clock = make_player(qtbot, *little)
    for _ in range(3):
        press(qtbot, player, clock, Qt.Key.Key_Right)
    card = player.stroke_card
    assert card.name.text() == "Walk"
    assert card.dots.count() == 3
    assert card.where_text() == "On the shoulders · light touch"  # the line's own place and pressure
    assert card.how_text().endswith(".") and "\n" not in card.how_text()
    # the walk's own how-to is for the back: moved by the line, the card gives the pack's
    # whole how-to for the shoulders, both sentences
    assert card.how_text() == card.stroke.how_for(Area.SHOULDERS)
    assert card.how_text().startswith("Walk two fingertips") and "shoulder" in card.how_text()
    assert card.how_text().count(". ") == 1
    assert card.animation.stroke is card.stroke
    press(qtbot, player, clock, Qt.Key.Key_Right)
    assert card.name.text() == "No stroke"
    assert card.animation.stroke is None and not card.animation.isHidden()


class FakeNarrator:
    def __init__(self) -> None:
        self.spoken: list[tuple[int, str]] = []
        self.prepared: list[list[str]] = []
        self.stopped = 0

    def prepare(self, texts, language: str) -> None:
        self.prepared.append(list(texts))

    def speak(self, index: int, text: str) -> None:
        self.spoken.append((index, text))

    def stop(self) -> None:
        self.stopped += 1


def test_narrated_mode_speaks_each_step_and_moves_on_after_speech(qtbot, little):
    narrator = FakeNarrator()
    player, clock = make_player(qtbot, *little, settings=Settings(pace="narrated"), narrator=narrator)
    assert player.session.mode is Mode.NARRATED
    assert narrator.spoken[-1] == (0, "Would you like a story massage?")
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    assert narrator.spoken[-1] == (1, "It is time for a story massage.")
    player.speech_finished(1)
    clock.advance(30)
    qtbot.wait(250)  # the session ticks on its timer
    assert player.line_view.text() == "The moon goes round and round."
    assert narrator.spoken[-1] == (2, "The moon goes round and round.")


def test_a_tap_pauses_narration_and_stop_hushes_the_mixer(qtbot, little):
    class Mixer(NullSound):
        gentle = 0

        def stop_gently(self) -> None:
            self.gentle += 1

    narrator, mixer = FakeNarrator(), Mixer()
    player, clock = make_player(qtbot, *little, settings=Settings(pace="narrated", child_lock=False),
                                narrator=narrator, mixer=mixer)
    assert narrator.prepared and narrator.prepared[0][1] == "It is time for a story massage."
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    press(qtbot, player, clock, Qt.Key.Key_Space)
    assert player.session.paused
    assert "Paused" in player.line_view.hint()
    assert narrator.stopped == 1, "the voice hushes while paused"
    press(qtbot, player, clock, Qt.Key.Key_Space)
    assert not player.session.paused
    assert narrator.spoken[-1] == (1, "It is time for a story massage."), "the line is said again"
    qtbot.mouseClick(player.stop_button, Qt.MouseButton.LeftButton)
    assert mixer.gentle == 1
    assert narrator.stopped == 2


class RecordingSound(NullSound):
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def story_started(self, story) -> None:
        self.calls.append(("started", story.title))

    def page_changed(self, page, *, forward: bool = True) -> None:
        self.calls.append(("page", page.title if hasattr(page, "title") else page, forward))

    def story_finished(self) -> bool:
        self.calls.append(("finished",))
        return False

    def stop_gently(self) -> None:
        self.calls.append(("gently",))


def test_the_narrate_button_turns_hands_free_on_and_off(qtbot, little):
    narrator = FakeNarrator()
    player, clock = make_player(qtbot, *little, narrator=narrator)
    assert player.narrate_button.isVisible() and not player.narrate_button.isChecked()
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    assert narrator.spoken == [], "read-aloud: nothing is spoken"
    qtbot.mouseClick(player.narrate_button, Qt.MouseButton.LeftButton)
    assert player.session.mode is Mode.NARRATED and player.narrate_button.isChecked()
    assert narrator.prepared, "the lines render ahead as soon as narration is on"
    assert narrator.spoken[-1] == (1, "It is time for a story massage.")
    player.speech_finished(1)
    press(qtbot, player, clock, Qt.Key.Key_Space)
    assert player.session.paused, "Space still reaches the story after the click: it pauses"
    press(qtbot, player, clock, Qt.Key.Key_Space)
    qtbot.mouseClick(player.narrate_button, Qt.MouseButton.LeftButton)
    assert player.session.mode is Mode.READ_ALOUD and not player.narrate_button.isChecked()
    assert narrator.stopped >= 1


def test_no_narrate_button_without_a_narrator(qtbot, little):
    player, clock = make_player(qtbot, *little)
    assert not player.narrate_button.isVisible()


def test_a_voice_engine_that_gives_up_turns_narration_off_plainly(qtbot, little):
    narrator = FakeNarrator()
    player, clock = make_player(qtbot, *little, settings=Settings(pace="narrated"), narrator=narrator)
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    player.narration_unavailable("Narration has been turned off: the voice engine stopped working.")
    assert player.session.mode is Mode.READ_ALOUD
    assert "turned off" in player.toast.text()
    qtbot.mouseClick(player.narrate_button, Qt.MouseButton.LeftButton)
    assert player.session.mode is Mode.READ_ALOUD and not player.narrate_button.isChecked()
    press(qtbot, player, clock, Qt.Key.Key_Space)
    assert player.line_view.text() == "The moon goes round and round.", "taps carry the story on"


def test_the_sound_hears_start_pages_and_a_gentle_or_full_ending(qtbot, little):
    sound = RecordingSound()
    player, clock = make_player(qtbot, *little, settings=Settings(child_lock=False), mixer=sound)
    assert sound.calls[0] == ("started", player.story.title)
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    for _ in range(player.session.line_count + 1):
        press(qtbot, player, clock, Qt.Key.Key_Space)
    assert sound.calls[-1] == ("finished",)
    assert ("gently",) not in sound.calls, "a finished story winds down, it is not hushed"
    assert any(c[0] == "page" for c in sound.calls)
    qtbot.mouseClick(player.end_card.again, Qt.MouseButton.LeftButton)
    assert sound.calls[-1] == ("started", player.story.title)
    qtbot.mouseClick(player.stop_button, Qt.MouseButton.LeftButton)
    assert sound.calls[-1] == ("gently",)


def test_word_highlight_hook(qtbot, little):
    player, clock = make_player(qtbot, *little, settings=Settings(highlight_words=True))
    press(qtbot, player, clock, Qt.Key.Key_Right)
    player.highlight_word(3)
    assert player.line_view.highlighted() == "for"
    player.highlight_word(None)
    assert player.line_view.highlighted() is None


def test_word_indexes_match_the_speech_tokenizer():
    from touchstory.speech.words import tokenize
    from touchstory.ui.player.line_view import word_spans
    for text in ("Tip-toe, tip-toe, don't stop!", "Rain falls… on 3 hills — slowly.", "Él dijo «hola»."):
        assert word_spans(text) == [(a, b) for _, a, b in tokenize(text)]


def test_resume_continues_at_the_line_after_asking(qtbot, little):
    player, clock = make_player(qtbot, *little, start_line=3)
    assert player.permission_card.isVisible()
    press(qtbot, player, clock, Qt.Key.Key_Right)
    assert player.line_view.text() == "Tip-toe, tip-toe, up the hill."
    assert player.progress.value() == (3, 4)


class FakeJournal:
    def __init__(self) -> None:
        self.started: list[tuple[str, str, str]] = []
        self.ended: list[tuple[int, str, int, int | None]] = []

    def start_session(self, story: str, mode: str, title: str = "") -> int:
        self.started.append((story, mode, title))
        return len(self.started)

    def end_session(self, session_id, reason, lines_reached, total=None) -> None:
        self.ended.append((session_id, str(reason), lines_reached, total))


def test_the_journal_hears_how_it_went(qtbot, little):
    journal = FakeJournal()
    player, clock = make_player(qtbot, *little, journal=journal, settings=Settings(child_lock=False))
    press(qtbot, player, clock, Qt.Key.Key_Right)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    qtbot.mouseClick(player.stop_button, Qt.MouseButton.LeftButton)
    assert journal.started[0][1:] == ("read-aloud", "Little Test")
    assert journal.ended == [(1, "stopped", 2, 4)]


def test_learned_keys_are_saved_through_the_settings_callback(qtbot, little):
    changed = []
    player, clock = make_player(qtbot, *little, on_settings_changed=changed.append)
    player._store_bindings({"F5": "next"})
    assert changed[-1].key_bindings == {"F5": "next"}
    assert player.settings.key_bindings == {"F5": "next"}
    press(qtbot, player, clock, Qt.Key.Key_F5)
    assert player.session.phase is Phase.PLAYING


def test_text_size_setting_makes_the_line_larger(qtbot, little):
    player, clock = make_player(qtbot, *little)
    press(qtbot, player, clock, Qt.Key.Key_Right)
    normal = player.line_view.font_pixel_size()
    player.apply_settings(replace(Settings(), text_scale=0.75))
    assert player.line_view.font_pixel_size() < normal


def test_the_line_grows_with_the_window(qtbot, little):
    player, clock = make_player(qtbot, *little, size=(900, 600))
    press(qtbot, player, clock, Qt.Key.Key_Right)
    qtbot.wait(20)
    small = player.line_view.font_pixel_size()
    player.resize(1920, 1080)
    qtbot.wait(50)
    assert player.line_view.font_pixel_size() > small * 1.3


def test_bundled_story_plays_to_the_end(qtbot):
    story, pack = load("the-sleepy-balloon")
    player, clock = make_player(qtbot, story, pack)
    for _ in range(story.line_count + 1):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    assert player.end_card.ending is Ending.THANKS


def test_carry_on_at_my_pace_appears_once_learned_and_keeps_the_rhythm(qtbot):
    """Tap through at a steady rhythm (1.5 x each line's usual time): after four
    good gaps the button appears; it then moves on by itself at that rhythm
    until the next tap, which hands the pace back to the reader."""
    from touchstory.pacing.pace import PaceEstimator

    pace = PaceEstimator()
    player, clock = make_player(qtbot, *load("the-sleepy-balloon"), pace_model=pace)
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    session = player.session
    taps = 0
    while not player.follow_button.isVisible():
        clock.advance(1.5 * session.weight(session.step))
        qtbot.keyClick(player, Qt.Key.Key_Space)
        taps += 1
        assert taps < 10, "learned within a handful of lines"
    assert pace.ready and abs(pace.factor - 1.5) < 0.05
    qtbot.mouseClick(player.follow_button, Qt.MouseButton.LeftButton)
    assert session.mode is Mode.FOLLOW and not player.follow_button.isVisible()
    line = session.step.line_number
    due = session.time_until_advance()
    assert due == pytest.approx(1.5 * session.weight(session.step), rel=0.05)
    clock.advance(due - 0.3)
    session.tick()
    assert session.step.line_number == line
    clock.advance(0.4)
    session.tick()
    assert session.step.line_number == line + 1, "on by itself, at the reader's rhythm"
    clock.advance(0.5)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert session.mode is Mode.READ_ALOUD, "a tap hands the pace back"


def test_a_french_story_asks_and_answers_in_french(qtbot, tmp_path):
    """Issue 19 item 3: the app's own question and buttons follow `language:`."""
    french = STORY.replace("title: Little Test\n", "title: Petite histoire\nlanguage: fr-FR\n")
    player, clock = make_player(qtbot, *story_from_text(tmp_path, french))
    card = player.permission_card
    assert card.question.text() == "Tu as envie d'une histoire massage ?"
    assert (card.yes.text(), card.not_now.text()) == ("Oui", "Pas maintenant")
    card.grab().save(str(tmp_path / "fr-card.png"))


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_PageUp])
def test_a_bouncing_back_key_goes_back_one_line(qtbot, little, key):
    player, clock = make_player(qtbot, *little)
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    for _ in range(2):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    assert player.line_view.text() == "Tip-toe, tip-toe, up the hill."
    press(qtbot, player, clock, key)
    clock.advance(0.01)  # the switch bounces: the same key again 10 ms later
    qtbot.keyClick(player, key)
    assert player.line_view.text() == "The moon goes round and round."


def test_a_bouncing_tap_on_the_back_zone_goes_back_one_line(qtbot, little):
    player, clock = make_player(qtbot, *little)
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    for _ in range(2):
        press(qtbot, player, clock, Qt.Key.Key_PageDown)
    clock.advance(0.4)
    player.router.tap_at(0.05)
    clock.advance(0.01)
    player.router.tap_at(0.05)
    assert player.line_view.text() == "The moon goes round and round."
