"""Classroom mode as a teacher meets it: the clicker drives the projector and the
console together, blanking, the cards, the plan flow, the round timer's chime on
a fake clock, narration hooks, saving and reopening plans, and bad plans."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox

from touchstory.errors import StoryError
from touchstory.journal.settings import Settings
from touchstory.pacing.clock import FakeClock
from touchstory.pacing.group import MOVE_ON_SECONDS
from touchstory.pacing.slides import INCLUSION_TEXT, Overlay, SlideKind
from touchstory.pacing.plan import Formation, StepKind
from touchstory.pacing.session import Mode
from touchstory.paths import UserPaths
from touchstory.story.packs import PackRegistry
from touchstory.ui.classroom import open_classroom
from touchstory.ui.classroom.symbols import Symbol, paint_symbol
from touchstory.ui.theme import theme_by_name

STORY = """title: Rain Song
kind: classroom
note: Sit behind your partner.
[calm] Hello, rain.
[sprinkle x3] Drip, drip, drip.
[circle x2] The sun comes out.
"""
PLAN = """title: Test circle
formation: circle
round: 30s
settle
demonstrate
permission
story: rain-song
thanks
swap
permission
story: again
thanks
close
"""


class FakeMixer:
    def __init__(self) -> None:
        self.cues = 0
        self.stopped = 0

    def play_cue(self) -> None:
        self.cues += 1

    def stop_gently(self) -> None:
        self.stopped += 1


class FakeNarrator:
    def __init__(self) -> None:
        self.spoken: list[tuple[int, str]] = []
        self.stops = 0

    def speak(self, index: int, text: str) -> None:
        self.spoken.append((index, text))

    def stop(self) -> None:
        self.stops += 1


@pytest.fixture(scope="module")
def packs() -> PackRegistry:
    return PackRegistry.default()


@pytest.fixture
def paths(tmp_path: Path) -> UserPaths:
    paths = UserPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache").ensure()
    (paths.stories / "rain-song").mkdir()
    (paths.stories / "rain-song" / "rain-song.story").write_text(STORY, encoding="utf-8")
    (paths.plans / "test-circle.plan").write_text(PLAN, encoding="utf-8")
    return paths


@pytest.fixture
def make(qtbot, packs, paths):
    made = []

    def _make(target: Path | None = None, **kwargs):
        clock = kwargs.pop("clock", FakeClock())
        controller = open_classroom(target or paths.plans / "test-circle.plan", packs=packs,
                                    settings=kwargs.pop("settings", Settings()), paths=paths, clock=clock,
                                    theme=theme_by_name("day"), **kwargs)
        made.append(controller)
        qtbot.addWidget(controller.console)
        qtbot.addWidget(controller.projector)
        qtbot.waitExposed(controller.projector)
        return controller, clock

    yield _make
    for controller in made:
        controller.close()


def press(qtbot, widget, clock: FakeClock, key: Qt.Key, gap: float = 0.4) -> None:
    """One deliberate press, a moment after the last one (more than a bounce)."""
    clock.advance(gap)
    qtbot.keyClick(widget, key)


def in_sync(c) -> None:
    """The projector, its copy on the console and the console agree."""
    slide = c.group.slide
    if slide.kind is not SlideKind.STROKE:
        assert c.projector.words.text() == slide.text
        assert c.preview.words.text() == slide.text
    assert c.console.now_label.text().endswith(slide.text)
    assert c.projector.is_blank() == c.preview.is_blank() == c.group.blanked
    assert c.projector.card.overlay is c.preview.card.overlay is c.group.overlay


def test_the_clicker_drives_both_windows_from_either_window(qtbot, make):
    c, clock = make()
    assert c.group.slide.text.startswith("Sit in our circle")
    in_sync(c)
    press(qtbot, c.projector, clock, Qt.Key.Key_PageDown)
    assert c.group.slide.kind is SlideKind.STROKE and c.group.slide.text == "Calm"
    in_sync(c)
    press(qtbot, c.console, clock, Qt.Key.Key_Right)
    assert c.group.slide.text == "Sprinkle"
    press(qtbot, c.console.plan_list, clock, Qt.Key.Key_Down)  # a focused list does not swallow the clicker
    assert c.group.slide.text == "Circle"
    press(qtbot, c.console.formation_box, clock, Qt.Key.Key_PageUp)
    assert c.group.slide.text == "Sprinkle"
    in_sync(c)
    assert c.console.next_label.text() == "Watch me: Circle (3 of 3)"  # the console shows what is coming


def test_a_bouncing_or_held_clicker_moves_one_slide(qtbot, make):
    c, clock = make()
    press(qtbot, c.projector, clock, Qt.Key.Key_PageDown)
    qtbot.keyClick(c.projector, Qt.Key.Key_PageDown)  # the same instant: a bounce
    assert c.group.slide.text == "Calm"
    held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier, "", True)
    clock.advance(1)
    QApplication.sendEvent(c.projector, held)
    assert c.group.slide.text == "Calm"


def test_space_on_a_focused_button_presses_that_button_only(qtbot, make):
    c, clock = make()
    c.console.blank_button.setFocus()
    press(qtbot, c.console.blank_button, clock, Qt.Key.Key_Space)
    assert c.group.blanked and c.group.step_index == 0


def test_blank_gives_a_calm_dark_projector_and_the_console_says_so(qtbot, make):
    c, clock = make()
    press(qtbot, c.projector, clock, Qt.Key.Key_B)
    assert c.projector.is_blank() and c.projector.shown_text() == ""
    assert "BLANK" in c.console.state_label.text() and c.console.blank_button.isChecked()
    image = c.projector.grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.lightness() < 10
    assert c.console.next_label.text() == "Watch me: Calm (1 of 3)"  # the console still shows what comes
    press(qtbot, c.console, clock, Qt.Key.Key_Period)
    assert not c.projector.is_blank()
    press(qtbot, c.projector, clock, Qt.Key.Key_B)
    press(qtbot, c.projector, clock, Qt.Key.Key_PageDown)  # uncovers, skips nothing unseen
    assert not c.group.blanked and c.group.step_index == 0
    in_sync(c)


@pytest.mark.parametrize("key, overlay", [
    (Qt.Key.Key_I, Overlay.INCLUSION), (Qt.Key.Key_0, Overlay.INCLUSION), (Qt.Key.Key_Y, Overlay.YES),
    (Qt.Key.Key_1, Overlay.YES), (Qt.Key.Key_N, Overlay.NO), (Qt.Key.Key_S, Overlay.SOFTER),
    (Qt.Key.Key_F, Overlay.FIRMER), (Qt.Key.Key_X, Overlay.STOP), (Qt.Key.Key_5, Overlay.STOP),
])
def test_each_card_has_one_key(qtbot, make, key, overlay):
    c, clock = make()
    press(qtbot, c.projector, clock, key)
    assert c.group.overlay is overlay and c.projector.card.isVisible()
    assert c.projector.shown_text() == overlay.text
    in_sync(c)
    press(qtbot, c.console, clock, key)  # the same key takes it down
    assert c.group.overlay is None and not c.projector.card.isVisible()


def test_inclusion_card_words_and_escape(qtbot, make):
    c, clock = make()
    press(qtbot, c.projector, clock, Qt.Key.Key_I)
    assert c.projector.card.words.text() == INCLUSION_TEXT
    assert "inclusion card" in c.console.state_label.text()
    press(qtbot, c.projector, clock, Qt.Key.Key_Escape)  # takes the card down, never closes anything
    assert c.group.overlay is None and c.projector.isVisible()
    press(qtbot, c.projector, clock, Qt.Key.Key_Escape)  # then leaves full screen
    assert not c.projector_full_screen and c.projector.isVisible()
    press(qtbot, c.projector, clock, Qt.Key.Key_F11)
    assert c.projector_full_screen and c.projector.isFullScreen()
    press(qtbot, c.console, clock, Qt.Key.Key_F1)
    assert not c.console.keys_label.isHidden() and "Inclusion card" in c.console.keys_label.text()


def test_the_whole_plan_with_the_clicker(qtbot, make):
    c, clock = make()
    finished = []
    c.finished.connect(finished.append)
    seen = []
    for _ in range(30):
        seen.append((c.group.step.kind, c.projector.shown_text()))
        rows = [c.console.plan_list.item(i) for i in range(c.console.plan_list.count())]
        assert [r.font().bold() for r in rows].index(True) == c.group.step_index  # the current step stands out
        press(qtbot, c.projector, clock, Qt.Key.Key_PageDown)
        if c.group.ended:
            break
    texts = [t for _, t in seen]
    assert "Ask the person in front: may I give you a story massage?" in texts
    assert "Thank your partner, turn around, and swap." in texts
    assert texts.count("Hello, rain.") == 2 and "Would you like a story massage?" not in texts
    assert [k for k, _ in seen if k is StepKind.STORY].__len__() == 6
    assert finished == ["completed"] and c.projector.shown_text() == "Thank you, everyone."
    assert c.console.step_label.text() == "The session has ended"


def test_round_timer_chimes_and_says_move_on(qtbot, make):
    mixer = FakeMixer()
    c, clock = make(mixer=mixer)
    c.group.goto(3)
    clock.advance(29)
    c._tick.timeout.emit()
    assert mixer.cues == 0 and "0:01" in c.console.round_label.text()
    clock.advance(1)
    c._tick.timeout.emit()
    assert mixer.cues == 1 and c.projector.move_on.isVisible() and not c.preview.move_on.isHidden()
    clock.advance(MOVE_ON_SECONDS)
    c._tick.timeout.emit()
    assert not c.projector.move_on.isVisible()
    press(qtbot, c.console, clock, Qt.Key.Key_M)  # "move on" now, by hand
    assert mixer.cues == 2 and c.projector.move_on.isVisible()


def test_the_teacher_picks_formation_and_round_timer_on_the_console(qtbot, make):
    mixer = FakeMixer()
    c, clock = make(mixer=mixer)
    c.group.goto(2)
    c.console.formation_box.setCurrentIndex(list(Formation).index(Formation.PAIRS))
    assert c.projector.shown_text() == "Ask your partner: may I give you a story massage?"
    assert not c.console.round_box.isEnabled() and not c.console.move_on_button.isEnabled()
    c.group.goto(3)
    clock.advance(100)
    c._tick.timeout.emit()
    assert mixer.cues == 0  # no round timer for pairs
    c.console.formation_box.setCurrentIndex(list(Formation).index(Formation.LINE))
    c.console.round_box.setCurrentIndex(c.console.round_box.findData(60.0))
    assert c.group.plan.round_seconds == 60.0 and c.group.round_left() == 60.0


def test_console_buttons(qtbot, make):
    c, clock = make()
    qtbot.mouseClick(c.console.next_button, Qt.MouseButton.LeftButton)
    assert c.group.slide.text == "Calm"
    clock.advance(0.4)
    qtbot.mouseClick(c.console.back_button, Qt.MouseButton.LeftButton)
    assert c.group.step_index == 0
    qtbot.mouseClick(c.console.card_buttons[next(iter(c.console.card_buttons))], Qt.MouseButton.LeftButton)
    assert c.group.overlay is Overlay.INCLUSION
    qtbot.mouseClick(c.console.blank_button, Qt.MouseButton.LeftButton)
    assert c.group.blanked and c.group.overlay is None
    c.console.plan_list.itemActivated.emit(c.console.plan_list.item(5))
    assert c.group.step_index == 5 and c.group.blanked  # the teacher can get ready behind the blank
    assert c.projector.words.text() == "Thank your partner, turn around, and swap."
    qtbot.mouseClick(c.console.pause_button, Qt.MouseButton.LeftButton)
    assert c.group.paused and c.console.pause_button.text().startswith("Go on")


def test_hold_to_end_ends_gently(qtbot, make):
    mixer = FakeMixer()
    c, clock = make(mixer=mixer)
    finished = []
    c.finished.connect(finished.append)
    qtbot.mouseClick(c.console.stop_button, Qt.MouseButton.LeftButton)  # a short click is not enough
    assert not c.group.ended
    c.console.stop_button.activated.emit()
    assert finished == ["stopped"] and c.projector.shown_text() == "That's all for now. Thank you, everyone."
    assert not c.console.next_button.isEnabled()
    c.close()
    assert mixer.stopped == 1 and not c.projector.isVisible()


def test_pictures_and_strokes_on_the_projector(qtbot, make, paths):
    c, clock = make(paths.stories / "rain-song" / "rain-song.story")
    assert [s.kind for s in c.group.plan.steps][:4] == [
        StepKind.SETTLE, StepKind.DEMONSTRATE, StepKind.PERMISSION, StepKind.STORY]
    c.group.goto(3)
    c.group.next()
    assert c.projector.animation.stroke.id == "sprinkle" and c.projector.animation.isVisible()
    assert c.console.stroke_label.text() == "Sprinkle × 3 · on the back · light touch"


def test_narrated_mode_speaks_through_the_narrator(qtbot, make, packs):
    narrator = FakeNarrator()
    c, clock = make(narrator=narrator)
    c.console.mode_box.setCurrentIndex(1)
    assert c.group.mode is Mode.NARRATED
    c.group.goto(3)
    assert narrator.spoken[-1][1] == "Hello, rain."
    c.speech_finished(narrator.spoken[-1][0])
    clock.advance(packs["story"]["calm"].tempo + 0.1)
    c._tick.timeout.emit()
    assert c.projector.shown_text() == "Drip, drip, drip."
    said, stops = len(narrator.spoken), narrator.stops
    press(qtbot, c.projector, clock, Qt.Key.Key_P)  # pause mid-line: the voice stops at once
    assert narrator.stops == stops + 1 and c.group.paused
    press(qtbot, c.projector, clock, Qt.Key.Key_P)  # go on: the line is said again
    assert not c.group.paused and len(narrator.spoken) == said + 1
    assert narrator.spoken[-1][1] == "Drip, drip, drip."


def test_save_a_plan_and_open_it_again(qtbot, make, paths):
    c, clock = make(paths.stories / "rain-song" / "rain-song.story")
    c.console.formation_box.setCurrentIndex(list(Formation).index(Formation.CIRCLE))
    saved = c.save_plan("Friday circle")
    assert saved == paths.plans / "friday-circle.plan"
    assert "story: rain-song" in saved.read_text() and "formation: circle" in saved.read_text()
    assert c.open_target(saved)
    assert c.group.plan.formation is Formation.CIRCLE and c.group.plan.path == saved
    assert c.console.plan_list.count() == len(c.group.plan.steps)
    assert c.projector.shown_text().startswith("Sit in our circle")


def test_a_plan_with_errors_is_explained_and_the_session_goes_on(qtbot, make, paths, monkeypatch):
    c, clock = make()
    broken = paths.plans / "broken.plan"
    broken.write_text("title: B\nformation: cirkle\npermission\nstory: rain-son\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert not c.open_target(broken)
    assert "broken.plan:2:12: error: unknown formation" in shown[0] and 'did you mean "rain-song"' in shown[0]
    assert c.group.plan.title == "Test circle"


def test_open_classroom_refuses_a_broken_plan_with_every_problem(packs, paths):
    broken = paths.plans / "broken.plan"
    broken.write_text("title: B\nsetle\nstory: nothing-here\n", encoding="utf-8")
    with pytest.raises(StoryError) as caught:
        open_classroom(broken, packs=packs, settings=Settings(), paths=paths, clock=FakeClock(), show=False)
    assert [(p.loc.line, p.loc.col) for p in caught.value.problems] == [(2, 1), (3, 8)]


def test_with_one_screen_the_console_is_small_and_on_top(qtbot, make):
    c, clock = make()
    assert len(QApplication.screens()) == 1
    assert c.console.compact and not c.console.side_panel.isVisible()
    assert c.console.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert c.projector.isFullScreen()


def test_choosing_the_screen_is_remembered_in_settings(qtbot, make):
    c, clock = make()
    changed = []
    c.settings_changed.connect(changed.append)
    c.console.screen_requested.emit(QApplication.screens()[0].name())
    assert changed and dataclasses.is_dataclass(changed[0])
    assert changed[0].projector_screen == QApplication.screens()[0].name()


def test_closing_either_window_closes_both(qtbot, make):
    c, clock = make()
    closed = []
    c.closed.connect(lambda: closed.append(True))
    c.projector.close()
    assert closed == [True] and not c.console.isVisible()


@pytest.mark.parametrize("symbol", list(Symbol))
def test_every_symbol_draws_a_clear_shape(qapp, symbol):
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_symbol(painter, QRectF(0, 0, 200, 200), symbol, QColor("#000000"), QColor("#ffffff"))
    painter.end()
    inked = sum(image.pixelColor(x, y).lightness() < 128 for x in range(0, 200, 4) for y in range(0, 200, 4))
    assert 0.04 < inked / 2500 < 0.75, f"{symbol.value}: {inked / 2500:.0%} inked"


def test_a_bounced_pause_key_pauses_once(qtbot, make):
    # A clicker's P that bounces (two presses 10 ms apart) must not pause and unpause.
    c, clock = make()
    c.group.goto(3)
    qtbot.keyClick(c.projector, Qt.Key.Key_P)
    clock.advance(0.01)
    qtbot.keyClick(c.projector, Qt.Key.Key_P)
    assert c.group.paused
    clock.advance(0.5)  # a deliberate second press does go on
    qtbot.keyClick(c.projector, Qt.Key.Key_P)
    assert not c.group.paused
