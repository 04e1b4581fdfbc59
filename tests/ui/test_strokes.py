"""The animated stroke demonstrations: hands follow the pack's motion at the
stroke's tempo, each touch kind looks like itself, every stroke of both packs
animates, and the Strokes page lists them all with their how-to."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QImage

from screenshots.helpers import registry, settle
from touchstory.story.packs import Body, Motion, Touch
from touchstory.ui.strokes.animation import StrokeAnimation, Ticker
from touchstory.ui.strokes.motion import GLIDE_TRAVEL, RIPPLE_SECONDS, MotionPlayer
from touchstory.ui.strokes.practice import StrokesPage
from touchstory.ui.strokes.words import first_sentence, tempo_words
from touchstory.ui.theme import theme_by_name

ALL = [(pack.id, stroke.id) for pack in registry() for stroke in pack.strokes]


def stroke(pack_id: str, stroke_id: str):
    pack = registry()[pack_id]
    return pack, pack[stroke_id]


# -- motion arithmetic ----------------------------------------------------------------

def test_circle_goes_once_round_per_tempo():
    _, circle = stroke("story", "circle")
    player = MotionPlayer(circle.motion, circle.tempo)
    assert player.closed
    start = player.frame(0).hands[0]
    half = player.frame(circle.tempo / 2).hands[0]
    again = player.frame(circle.tempo).hands[0]
    assert math.dist((start.x, start.y), circle.motion.points[0]) < 0.01
    assert math.dist((half.x, half.y), (0.50, 0.69)) < 0.03  # the far side of the circle
    assert math.dist((start.x, start.y), (again.x, again.y)) < 1e-6
    assert player.frame(circle.tempo * 1.2).repeat == 1
    assert all(h.contact == 1.0 for h in (start, half, again))  # a glide never leaves the body


def test_open_glide_lifts_and_returns():
    _, fan = stroke("story", "fan")
    player = MotionPlayer(fan.motion, fan.tempo)
    assert not player.closed
    end_of_travel = player.frame(fan.tempo * GLIDE_TRAVEL * 0.999).hands[0]
    assert math.dist((end_of_travel.x, end_of_travel.y), fan.motion.points[-1]) < 0.02
    floating = player.frame(fan.tempo * (GLIDE_TRAVEL + (1 - GLIDE_TRAVEL) / 2)).hands[0]
    assert floating.contact == 0.0
    assert player.frame(fan.tempo * 0.5).trails[0]  # a contact trail while gliding
    assert len(player.frame(fan.tempo * 0.5).hands) == 2


def test_two_hands_are_mirrored():
    _, fan = stroke("story", "fan")
    frame = MotionPlayer(fan.motion, fan.tempo).frame(0.7)
    left, right = frame.hands
    assert right.x == pytest.approx(1 - left.x) and right.y == pytest.approx(left.y)
    assert right.mirrored and not left.mirrored


def test_taps_touch_each_point_and_leave_ripples():
    _, walk = stroke("story", "walk")
    player = MotionPlayer(walk.motion, walk.tempo)
    slot = walk.tempo / len(walk.motion.points)
    for i, point in enumerate(walk.motion.points):
        hand = player.frame(i * slot + 0.001).hands[0]
        assert hand.contact > 0.9
        assert math.dist((hand.x, hand.y), point) < 1e-6
    between = player.frame(slot * 0.65).hands[0]
    assert between.contact < 0.5  # lifted between steps
    ripples = player.frame(slot * 2 + 0.05).ripples
    assert ripples and all(0 <= r.age < 1 for r in ripples)
    assert max(r.age for r in ripples) <= (2 * slot + 0.05) / RIPPLE_SECONDS


def test_press_squeezes_softly_and_rest_breathes():
    _, compression = stroke("infant", "compression")
    press = MotionPlayer(compression.motion, compression.tempo)
    squeezes = [press.frame(t / 20 * compression.tempo).hands[0].squeeze for t in range(20)]
    assert max(squeezes) == pytest.approx(1.0) and min(squeezes) < 0.05
    assert all(abs(a - b) < 0.35 for a, b in zip(squeezes, squeezes[1:]))  # no jerks
    _, calm = stroke("story", "calm")
    rest = MotionPlayer(calm.motion, calm.tempo)
    glows = [rest.frame(t * calm.tempo / 8).glow for t in range(9)]
    assert glows[0] == pytest.approx(0.0, abs=1e-6) and glows[4] == pytest.approx(1.0)
    positions = {(h.x, h.y) for t in range(9) for h in rest.frame(t).hands}
    assert len(positions) == 2  # two still hands


@pytest.mark.parametrize("pack_id,stroke_id", ALL)
def test_every_stroke_has_a_motion_player(pack_id, stroke_id):
    _, s = stroke(pack_id, stroke_id)
    player = MotionPlayer(s.motion, s.tempo)
    for k in range(12):
        frame = player.frame(k * s.tempo / 11)
        for hand in frame.hands:
            assert -0.05 <= hand.x <= 1.05 and -0.05 <= hand.y <= 1.05


def test_a_motion_needs_points():
    with pytest.raises(ValueError):
        MotionPlayer(Motion((), Touch.GLIDE, 1), 2.0)


# -- the widget ---------------------------------------------------------------------

def _frame_image(widget: StrokeAnimation, t: float) -> QImage:
    widget.set_time(t)
    return widget.grab().toImage()


@pytest.mark.parametrize("pack_id,stroke_id", ALL)
def test_every_stroke_animates_on_its_body(qtbot, pack_id, stroke_id):
    pack, s = stroke(pack_id, stroke_id)
    widget = StrokeAnimation(theme_by_name("bedtime"), s, pack.body)
    qtbot.addWidget(widget)
    widget.resize(180, 180)
    widget.show()
    a, b = _frame_image(widget, 0.1 * s.tempo), _frame_image(widget, 0.55 * s.tempo)
    assert a != b, f"{pack_id}/{stroke_id} looks the same at two moments"


def test_bodies_differ_by_pack(qtbot):
    theme = theme_by_name("day")
    back = StrokeAnimation(theme, None, Body.BACK)
    baby = StrokeAnimation(theme, None, Body.BABY)
    for w in (back, baby):
        qtbot.addWidget(w)
        w.resize(160, 160)
    assert back.grab().toImage() != baby.grab().toImage()


def test_animation_runs_only_while_visible(qtbot):
    pack, s = stroke("story", "circle")
    ticker = Ticker()
    widget = StrokeAnimation(theme_by_name("bedtime"), s, pack.body, ticker=ticker)
    qtbot.addWidget(widget)
    assert not widget.is_animating()
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.is_animating()
    t0 = widget.current_time()
    qtbot.wait(120)
    assert widget.current_time() > t0
    widget.hide()
    assert not widget.is_animating()
    widget.show()
    widget.set_time(1.0)
    assert not widget.is_animating() and widget.current_time() == 1.0


def test_describing_words():
    assert tempo_words(2.5) == "About 2½ seconds each time"
    assert tempo_words(1) == "About 1 second each time"
    assert tempo_words(1.8) == "About 2 seconds each time"
    assert first_sentence("Rest both hands. Breathe slowly.") == "Rest both hands."


# -- the Strokes page ------------------------------------------------------------------

def test_strokes_page_lists_every_stroke_of_each_pack(qtbot):
    page = StrokesPage(list(registry()), theme_by_name("bedtime"))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    for pack in registry():
        page.show_pack(pack.id)
        settle(30)
        assert page.pack_id == pack.id
        assert [t.stroke.id for t in page.tiles] == [s.id for s in pack.strokes]
        for tile in page.tiles:
            assert tile.how.text() == tile.stroke.how
            assert tile.animation.stroke is tile.stroke
            assert tile.name.text() == tile.stroke.name


def test_strokes_page_only_animates_what_is_on_screen(qtbot):
    page = StrokesPage(list(registry()), theme_by_name("day"), initial_pack="infant")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    settle(60)
    visible = [t for t in page.tiles if not t.animation.visibleRegion().isEmpty()]
    hidden = [t for t in page.tiles if t.animation.visibleRegion().isEmpty()]
    assert visible and hidden  # 16 baby strokes do not fit on one laptop screen
    assert page.ticker._timer.isActive()  # one shared timer


def test_strokes_page_switches_packs_with_its_buttons(qtbot):
    page = StrokesPage(list(registry()), theme_by_name("contrast"))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.pack_changed) as changed:
        button = next(b for b in page._pack_buttons.buttons() if b.property("pack") == "infant")
        button.click()
    assert changed.args == ["infant"]
    assert len(page.tiles) == len(registry()["infant"].strokes)
