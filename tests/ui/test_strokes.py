"""The animated stroke demonstrations: hands follow the pack's motion at the
stroke's tempo, each touch kind looks like itself, every stroke of both packs
animates on the right side of the right body (a baby's back strokes on the baby
lying on its tummy; a child's feet and legs on the child lying down, their chest,
tummy and face on the child facing us), the day outline reads from across a room,
and the Strokes page lists them all with their how-to."""

from __future__ import annotations

import math
import re

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from screenshots.helpers import grab, load, registry, settle
from touchstory.resources import bundled_stories_dir
from touchstory.story.model import Area
from touchstory.story.packs import Body, HandShape, Motion, Touch
from touchstory.ui.player.stroke_card import StrokeCard
from touchstory.ui.strokes.animation import StrokeAnimation, Ticker
from touchstory.ui.strokes.body import outline
from touchstory.ui.strokes.hands import hand_drawing
from touchstory.ui.strokes.marks import _trail
from touchstory.ui.strokes.motion import GLIDE_TRAVEL, RIPPLE_SECONDS, MotionPlayer
from touchstory.ui.strokes.placing import SPOTS, View, place, view_for
from touchstory.ui.strokes.practice import StrokesPage
from touchstory.ui.strokes.words import first_sentence, tempo_words
from touchstory.ui.theme import BEDTIME, CONTRAST, DAY, theme_by_name

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


# -- which body, which side, and where on it ---------------------------------------------

BACK_STROKES = [s.id for s in registry()["infant"].strokes if s.area is Area.BACK]


def _hand_points(motion: Motion, tempo: float) -> list[tuple[float, float]]:
    """Every place the hands touch: the smoothed glide path, or the tap/press points,
    and their mirror image for two hands."""
    player = MotionPlayer(motion, tempo)
    points = player.guide() or list(motion.points)
    if motion.hands == 2:
        points += [(1 - x, y) for x, y in points]
    return points


def test_the_infant_pack_has_back_strokes():
    assert {"back-glide", "back-circles"} <= set(BACK_STROKES)


@pytest.mark.parametrize("stroke_id", BACK_STROKES)
def test_a_babys_back_strokes_show_the_baby_from_behind(qtbot, stroke_id):
    pack, s = stroke("infant", stroke_id)
    widget = StrokeAnimation(theme_by_name("day"), s, pack.body)
    qtbot.addWidget(widget)
    assert widget.view is View.BABY_BACK
    assert widget.motion == s.motion  # its own area: the pack's path as written


def test_other_strokes_keep_their_views(qtbot):
    infant, story = registry()["infant"], registry()["story"]
    widget = StrokeAnimation(theme_by_name("day"), infant["tummy-clock"], infant.body)
    qtbot.addWidget(widget)
    assert widget.view is View.BABY_FRONT
    widget.set_stroke(infant["back-glide"], infant.body)
    assert widget.view is View.BABY_BACK
    widget.set_stroke(None)
    assert widget.view is View.BABY_BACK  # the body stays put on a line with no stroke
    widget.set_stroke(infant["stroking"], infant.body, Area.BACK)  # "[stroking x2 back]"
    assert widget.view is View.BABY_BACK and widget.area is Area.BACK
    widget.set_stroke(story["circle"], story.body, Area.HANDS)
    assert widget.view is View.CHILD_BACK
    assert view_for(Body.BABY, Area.LEGS) is View.BABY_FRONT and view_for(Body.BABY, None) is View.BABY_FRONT


def test_a_child_turns_to_the_side_the_hands_are_on(qtbot):
    """The child is seen from behind for the usual strokes, lies down for the legs
    and feet ("[squeeze feet]"), and faces us for the chest, tummy and face."""
    for area in (None, Area.BACK, Area.SHOULDERS, Area.ARMS, Area.HANDS, Area.HEAD):
        assert view_for(Body.BACK, area) is View.CHILD_BACK, area
    for area in (Area.LEGS, Area.FEET):
        assert view_for(Body.BACK, area) is View.CHILD_LYING, area
    for area in (Area.CHEST, Area.TUMMY, Area.FACE):
        assert view_for(Body.BACK, area) is View.CHILD_FRONT, area
    story = registry()["story"]
    widget = StrokeAnimation(theme_by_name("bedtime"), story["squeeze"], story.body)
    qtbot.addWidget(widget)
    assert widget.view is View.CHILD_BACK and widget.motion == story["squeeze"].motion
    widget.set_stroke(story["squeeze"], story.body, Area.FEET)
    assert widget.view is View.CHILD_LYING and widget.area is Area.FEET
    widget.set_stroke(None)
    assert widget.view is View.CHILD_LYING  # a line with no stroke leaves the child lying
    widget.set_stroke(story["calm"], story.body, Area.TUMMY)
    assert widget.view is View.CHILD_FRONT
    widget.set_stroke(story["calm"], story.body)
    assert widget.view is View.CHILD_BACK


@pytest.mark.parametrize("body", list(Body))
@pytest.mark.parametrize("area", list(Area))
def test_every_area_has_a_place_on_the_drawing_shown(body, area):
    view = view_for(body, area)
    assert area in SPOTS[view], f"{body.value}: the {area.value} are not on {view.value}"


def _near_spot(point: tuple[float, float], spot) -> bool:
    """Within the spot: along its axis (a little slack at the ends) and no further
    across it than half its width."""
    (x0, y0), (x1, y1) = spot.start, spot.end
    dx, dy = x1 - x0, y1 - y0
    u = ((point[0] - x0) * dx + (point[1] - y0) * dy) / (dx * dx + dy * dy)
    closest = (x0 + dx * min(max(u, 0.0), 1.0), y0 + dy * min(max(u, 0.0), 1.0))
    return -0.05 <= u <= 1.05 and math.dist(point, closest) <= spot.width / 2 + 1e-3  # points are rounded


def test_a_squeeze_moved_onto_the_feet_lands_on_the_feet():
    story = registry()["story"]
    squeeze = story["squeeze"]
    view = view_for(story.body, Area.FEET)
    motion = place(squeeze.motion, squeeze.area, Area.FEET, view)
    assert motion != squeeze.motion and motion.hands == 2 and motion.touch is squeeze.motion.touch
    feet = SPOTS[View.CHILD_LYING][Area.FEET]
    mirror = type(feet)((1 - feet.start[0], feet.start[1]), (1 - feet.end[0], feet.end[1]), feet.width)
    fill = outline(view).fill
    for x, y in motion.points:
        assert _near_spot((x, y), feet), f"the left hand at {x},{y} is not on the left foot"
        assert _near_spot((1 - x, y), mirror), f"the right hand at {1 - x},{y} is not on the right foot"
        assert y > 0.85 and fill.contains(QPointF(x, y)) and fill.contains(QPointF(1 - x, y))
    walk = place(story["walk"].motion, Area.BACK, Area.LEGS, View.CHILD_LYING)
    legs = SPOTS[View.CHILD_LYING][Area.LEGS]
    assert all(_near_spot(p, legs) for p in walk.points)
    assert walk.points[0][1] > walk.points[-1][1]  # the last piggy walks up the leg, as up the back


def test_the_hands_squeeze_the_feet_in_the_picture(qtbot):
    """Render "[squeeze feet]": every hand-coloured pixel is low in the picture, on
    the child's feet, none on the back where the stroke is usually shown."""
    story = registry()["story"]
    theme = theme_by_name("day")
    widget = StrokeAnimation(theme, None, story.body)
    qtbot.addWidget(widget)
    widget.resize(240, 240)
    widget.show()
    side = min(widget.width(), widget.height()) - 8
    top = (widget.height() - side) / 2
    accent = QColor(theme.palette.accent)

    def hand_rows(area):
        widget.set_stroke(story["squeeze"], story.body, area)
        image = _frame_image(widget, 0.5 * story["squeeze"].tempo)  # squeezing
        return [(y - top) / side for _, y in _mask(image, lambda c: _close(c, accent))]

    feet = hand_rows(Area.FEET)
    assert widget.view is View.CHILD_LYING
    assert len(feet) > 150, "the hands are drawn"
    assert min(feet) > 0.78, f"a hand reaches up to {min(feet):.2f} of the picture: not on the feet"
    shoulders = hand_rows(None)  # the stroke's own place, for comparison
    assert widget.view is View.CHILD_BACK and max(shoulders) < 0.45


def _close(a: QColor, b: QColor, tolerance: int = 24) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance


def test_the_back_view_is_its_own_drawing(qtbot):
    theme = theme_by_name("day")
    front, back = StrokeAnimation(theme, None, Body.BABY), StrokeAnimation(theme, None, Body.BABY)
    back.set_stroke(None, Body.BABY, Area.BACK)
    for w in (front, back):
        qtbot.addWidget(w)
        w.resize(160, 160)
    assert back.view is View.BABY_BACK and front.view is View.BABY_FRONT
    assert back.grab().toImage() != front.grab().toImage()
    assert outline(View.BABY_BACK).face.isEmpty() is False  # the turned head's eye, ear and smile


def test_the_child_has_three_drawings(qtbot):
    theme = theme_by_name("bedtime")
    images = {}
    for area in (None, Area.CHEST, Area.FEET):
        widget = StrokeAnimation(theme, None, Body.BACK)
        widget.set_stroke(None, Body.BACK, area)
        qtbot.addWidget(widget)
        widget.resize(160, 160)
        images[widget.view] = widget.grab().toImage()
    assert set(images) == {View.CHILD_BACK, View.CHILD_FRONT, View.CHILD_LYING}
    assert len({img.constBits().tobytes() for img in images.values()}) == 3
    assert outline(View.CHILD_BACK).face.isEmpty()  # from behind: hair, no face
    assert not outline(View.CHILD_FRONT).face.isEmpty()  # a calm face under the fringe
    lying = outline(View.CHILD_LYING)
    for x in (0.44, 0.56):  # both legs and both feet, the soles turned up
        assert lying.fill.contains(QPointF(x, 0.75)) and lying.fill.contains(QPointF(x, 0.93))
    assert not lying.fill.contains(QPointF(0.5, 0.8))  # a gap between the legs


def _drawn(view: View):
    """Everything drawn in the body's colours: the body and, over it, hair and nappy."""
    shape = outline(view)
    return shape.fill.united(shape.hair)


def _areas(pack_id: str) -> list[tuple[str, Area]]:
    body = registry()[pack_id].body
    return [(s.id, area) for s in registry()[pack_id].strokes for area in Area
            if area in SPOTS[view_for(body, area)]]


@pytest.mark.parametrize("pack_id,stroke_id,area", [("infant", *a) for a in _areas("infant")]
                         + [("story", *a) for a in _areas("story")])
def test_every_stroke_lands_on_the_body_wherever_a_line_puts_it(pack_id, stroke_id, area):
    pack, s = stroke(pack_id, stroke_id)
    view = view_for(pack.body, area)
    motion = place(s.motion, s.area, area, view)
    fill = _drawn(view)
    off = [p for p in _hand_points(motion, s.tempo) if not fill.contains(QPointF(*p))]
    assert not off, f"{stroke_id} on the {area.value}: off the body at {off[:3]}"


def test_the_bundled_routines_put_every_hand_on_the_body():
    """Every line of every bundled story, with its own area: the hands land on the
    drawing shown, and that drawing shows the area (a child's feet too)."""
    checked = 0
    for folder in sorted(p for p in bundled_stories_dir().iterdir() if p.is_dir() and any(p.glob("*.story"))):
        story, pack = load(folder.name)
        for page in story.pages:
            for line in page.lines:
                s = pack.get(line.tag.stroke) if (pack and line.tag.stroke) else None
                if s is None:
                    continue
                area = line.tag.area or s.area
                view = view_for(pack.body, area)
                motion = place(s.motion, s.area, area, view)
                assert area in SPOTS[view], f"{folder.name}:{line.loc.line} [{s.id} {area.value}] not drawn"
                fill = _drawn(view)
                off = [p for p in _hand_points(motion, s.tempo) if not fill.contains(QPointF(*p))]
                assert not off, f"{folder.name}:{line.loc.line} [{s.id} {area.value}] off the body at {off[:3]}"
                checked += 1
    assert checked > 100


def _mask(image: QImage, inside) -> list[tuple[int, int]]:
    return [(x, y) for y in range(image.height()) for x in range(image.width()) if inside(image.pixelColor(x, y))]


@pytest.mark.parametrize("stroke_id,area", [("back-glide", None), ("back-circles", None), ("stroking", Area.BACK),
                                            ("rocking", Area.BACK)])
def test_the_hands_trail_stays_on_the_drawn_back(qtbot, stroke_id, area):
    """Render the back view alone and the hand's contact trail alone: every trail
    pixel is on the drawn baby, within its back (the torso, above the legs)."""
    pack, s = stroke("infant", stroke_id)
    widget = StrokeAnimation(theme_by_name("day"), None, pack.body)
    qtbot.addWidget(widget)
    widget.set_stroke(None, pack.body, Area.BACK)
    widget.resize(240, 240)
    widget.show()
    body = widget.grab().toImage()
    background = body.pixelColor(2, 2)
    widget.set_stroke(s, pack.body, area)
    assert widget.view is View.BABY_BACK
    side = min(widget.width(), widget.height()) - 8
    square = QRectF((widget.width() - side) / 2, (widget.height() - side) / 2, side, side)
    to_widget = QTransform().translate(square.x(), square.y()).scale(side, side)
    torso = to_widget.mapRect(QRectF(0.36, 0.18, 0.28, 0.53))  # the drawn back, neck to nappy, with its outline
    player = MotionPlayer(widget.motion, s.tempo)
    trail_pixels = 0
    for k in range(12):
        frame = player.frame(s.tempo * (k + 0.5) / 12)
        trail = QImage(body.size(), QImage.Format.Format_ARGB32_Premultiplied)
        trail.fill(Qt.GlobalColor.transparent)
        painter = QPainter(trail)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for points in frame.trails:
            _trail(painter, points, to_widget, side * 0.04, QColor("#000000"))
        painter.end()
        for x, y in _mask(trail, lambda c: c.alpha() > 40):
            trail_pixels += 1
            assert body.pixelColor(x, y) != background, f"t={k}: trail pixel {x},{y} off the baby"
            assert torso.contains(x, y), f"t={k}: trail pixel {x},{y} outside the back"
    assert trail_pixels > 500


def test_the_card_shows_a_line_on_the_area_it_names(qtbot):
    story, pack = load("sleepy-back")
    lines = {f"{line.tag.stroke} {line.tag.area.value if line.tag.area else ''}".strip(): line
             for page in story.pages for line in page.lines if line.tag.stroke}
    card = StrokeCard(theme_by_name("day"))
    qtbot.addWidget(card)
    card.set_line(lines["back-glide"], pack)
    assert card.animation.view is View.BABY_BACK
    card.set_line(lines["compression back"], pack)  # a legs stroke, moved onto the back
    assert card.animation.view is View.BABY_BACK and card.animation.area is Area.BACK
    assert card.where_text().startswith("On the back")
    hand = card.animation.motion.points[0]
    assert 0.36 < hand[0] < 0.5 and 0.22 < hand[1] < 0.6
    tummy, _ = load("round-the-tummy")
    line = next(line for page in tummy.pages for line in page.lines if line.tag.stroke == "tummy-clock")
    card.set_line(line, pack)
    assert card.animation.view is View.BABY_FRONT
    piggy, story_pack = load("this-little-piggy")
    lines = [line for page in piggy.pages for line in page.lines if line.tag.stroke]
    card.set_line(lines[0], story_pack)  # [squeeze feet light] This little piggy went to market,
    assert card.animation.view is View.CHILD_LYING and card.animation.area is Area.FEET
    assert card.where_text().startswith("On the feet")
    assert all(y > 0.85 for _, y in card.animation.motion.points)
    card.set_line(lines[4], story_pack)  # [walk x4 legs light] ... all the way home.
    assert card.animation.view is View.CHILD_LYING and card.animation.area is Area.LEGS
    assert all(0.6 < y < 0.86 for _, y in card.animation.motion.points)


# -- colours -----------------------------------------------------------------------------

def _luminance(hex_colour: str) -> float:
    c = QColor(hex_colour)
    channels = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in (c.redF(), c.greenF(), c.blueF())]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_day_body_outline_reads_from_the_back_of_a_room():
    p = DAY.palette
    assert contrast(p.body_line, p.surface) >= 3.0  # the stroke card
    assert contrast(p.body_line, p.window) >= 3.0  # the Strokes page, the projector
    assert contrast(p.body_line, p.body) >= 2.5  # the outline against the body it rims
    assert 1.3 <= contrast(p.body, p.surface) < 2.0  # a filled shape, still soft
    assert contrast(p.accent, p.body) >= 3.0  # the hand stands out on the body
    assert contrast(p.body_line, p.text) >= 2.0  # and it is not as heavy as the words


def test_bedtime_and_high_contrast_bodies_stay_as_they_should():
    p = BEDTIME.palette
    for colour in (p.body, p.body_line):
        c = QColor(colour)
        assert c.blue() <= c.red() and c.lightness() < 120  # warm and dim
    assert 2.0 <= contrast(p.body_line, p.surface) < 3.5
    assert contrast(CONTRAST.palette.body_line, CONTRAST.palette.surface) >= 7.0


# -- screenshots to look at (in /tmp/touchstory-shots) -----------------------------------

@pytest.mark.parametrize("theme", ["day", "bedtime"])
def test_stroke_card_screenshots(qtbot, theme):
    cases = [("sleepy-back", "back-glide", View.BABY_BACK), ("sleepy-back", "compression", View.BABY_BACK),
             ("round-the-tummy", "tummy-clock", View.BABY_FRONT), ("the-lighthouse-cat", "circle", View.CHILD_BACK),
             ("this-little-piggy", "squeeze", View.CHILD_LYING), ("this-little-piggy", "walk", View.CHILD_LYING)]
    for name, stroke_id, view in cases:
        story, pack = load(name)
        line = next(line for page in story.pages for line in page.lines if line.tag.stroke == stroke_id)
        card = StrokeCard(theme_by_name(theme))
        qtbot.addWidget(card)
        card.resize(340, 560)
        card.set_line(line, pack)
        card.set_animation_time(0.45 * pack[stroke_id].tempo)
        card.show()
        qtbot.waitExposed(card)
        assert card.animation.view is view
        grab(card, f"stroke-card-{theme}-{name}-{stroke_id}")


def test_strokes_page_screenshot_infant(qtbot):
    page = StrokesPage(list(registry()), theme_by_name("day"), initial_pack="infant")
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    for tile in page.tiles:
        tile.animation.set_time(0.45 * tile.stroke.tempo)
    backs = [t for t in page.tiles if t.stroke.area is Area.BACK]
    assert backs and all(t.animation.view is View.BABY_BACK for t in backs)
    grab(page, "strokes-page-infant-day")
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    grab(page, "strokes-page-infant-day-end")


# -- the hand's shape, and where it keeps off --------------------------------------------

SHAPES = {"walk": HandShape.TWO_FINGERS, "claw": HandShape.CURLED, "sprinkle": HandShape.FINGERTIPS,
          "drum": HandShape.FINGERTIPS, "bounce": HandShape.CUPPED, "squeeze": HandShape.GRASP,
          "calm": HandShape.FLAT, "tummy-paddle": HandShape.SIDE, "foot-thumbs": HandShape.THUMBS,
          "face-smile": HandShape.THUMBS, "compression": HandShape.CUPPED, "back-circles": HandShape.TWO_FINGERS}


@pytest.mark.parametrize("stroke_id", sorted(SHAPES))
def test_each_stroke_shows_the_hand_its_words_name(qtbot, stroke_id):
    """The pack names the hand (walk: two fingertips; claw: curled fingers...), and the
    picture draws that hand, not one flat palm for every stroke."""
    pack = next(p for p in registry() if p.get(stroke_id))
    s = pack[stroke_id]
    assert s.motion.shape is SHAPES[stroke_id]
    widget = StrokeAnimation(theme_by_name("day"), s, pack.body)
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    widget.set_time(s.tempo * 0.1)
    sprite, _ = widget._hand_sprite(60, False, False)
    flat = StrokeAnimation(theme_by_name("day"), registry()["story"]["calm"], Body.BACK)
    qtbot.addWidget(flat)
    flat_sprite, _ = flat._hand_sprite(60, False, False)
    same = s.motion.shape is HandShape.FLAT
    assert (sprite.toImage() == flat_sprite.toImage()) is same


def test_every_hand_shape_is_its_own_drawing():
    outlines = {shape: hand_drawing(shape).fill.boundingRect() for shape in HandShape}
    sizes = {(round(r.width(), 2), round(r.height(), 2)) for r in outlines.values()}
    assert len(sizes) == len(HandShape), outlines
    assert len(hand_drawing(HandShape.TWO_FINGERS).tips) == 2
    assert len(hand_drawing(HandShape.FINGERTIPS).tips) == len(hand_drawing(HandShape.CURLED).tips) == 4


def _touches(pack_id: str, stroke_id: str, samples: int = 64, lifted: bool = False) -> list[tuple[float, float]]:
    """Where every fingertip of every hand meets the back, through two repeats (and,
    `lifted`, where it passes over it between touches)."""
    pack, s = stroke(pack_id, stroke_id)
    player = MotionPlayer(s.motion, s.tempo)
    unit = outline(pack.body).hand_size
    out = []
    for k in range(samples):
        for hand in player.frame(2 * s.tempo * k / samples).hands:
            if hand.contact < 0.5 and not lifted:
                continue
            for tx, ty in hand_drawing(s.motion.shape, hand.mirrored).tips:
                out.append((hand.x + tx * unit, hand.y + ty * unit))
    return out


@pytest.mark.parametrize("pack_id,stroke_id,margin", [("story", "walk", 0.05), ("story", "claw", 0.04),
                                                      ("infant", "back-circles", 0.02)])
def test_walk_claw_and_little_circles_keep_off_the_spine(pack_id, stroke_id, margin):
    """Their words say "keep away from the spine": no fingertip comes nearer the
    spine line (x = 0.5) than `margin`, on either side, at any moment, not even
    hopping over it between steps."""
    touches = _touches(pack_id, stroke_id, 200, lifted=True)
    assert touches
    nearest = min(abs(x - 0.5) for x, _ in touches)
    assert nearest >= margin, f"{stroke_id}: a fingertip {nearest:.3f} from the spine"
    assert any(x < 0.5 for x, _ in touches) and any(x > 0.5 for x, _ in touches), "both sides, both hands"


@pytest.mark.parametrize("pack_id,stroke_id", ALL)
def test_every_fingertip_lands_on_the_drawn_body(pack_id, stroke_id):
    pack, s = stroke(pack_id, stroke_id)
    fill = _drawn(view_for(pack.body, s.area))
    off = [p for p in _touches(pack_id, stroke_id, 24) if not fill.contains(QPointF(*p))]
    assert not off, f"{stroke_id}: off the body at {off[:3]}"


def test_walking_hands_take_turns():
    """"One hand after the other": the two hands never land at the same moment."""
    _, s = stroke("story", "walk")
    player = MotionPlayer(s.motion, s.tempo)
    frames = [player.frame(s.tempo * k / 200) for k in range(200)]
    both_down_moving = [f for f in frames if f.hands[0].y == f.hands[1].y and f.hands[0].contact > 0.9]
    assert not both_down_moving
    assert all(f.hands[0].x < 0.45 and f.hands[1].x > 0.55 for f in frames)


def test_resting_hands_rest_on_the_tummy_and_the_head():
    """Its words: one hand on the tummy, one on the head or feet."""
    pack, s = stroke("infant", "resting-hands")
    frame = MotionPlayer(s.motion, s.tempo).frame(1.0)
    spots = SPOTS[View.BABY_FRONT]
    tummy, head = spots[Area.TUMMY], spots[Area.HEAD]
    (a, b) = frame.hands
    assert tummy.start[1] <= a.y <= tummy.end[1] and abs(a.x - 0.5) < tummy.width / 2
    assert head.start[1] <= b.y <= head.end[1] and abs(b.x - 0.5) < head.width / 2


# -- the how-to, whole, for every place --------------------------------------------------

STORY_PLACES = (Area.BACK, Area.SHOULDERS, Area.ARMS, Area.HANDS, Area.LEGS, Area.FEET, Area.CHEST)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def _places_in_the_library() -> set[tuple[str, str, Area]]:
    used = set()
    for folder in sorted(p for p in bundled_stories_dir().iterdir() if p.is_dir() and any(p.glob("*.story"))):
        story, pack = load(folder.name)
        for _, line in story.lines():
            s = pack.get(line.tag.stroke) if line.tag.stroke else None
            if s is not None:
                used.add((pack.id, s.id, line.tag.area or s.area))
    return used


def test_every_story_stroke_has_its_own_words_for_every_place():
    """Each story stroke is told for the back, shoulders, arms, hands, legs, feet and
    chest (a profile may move it to any), in its own words: not a generic line."""
    for s in registry()["story"].strokes:
        for area in STORY_PLACES:
            text = s.how_for(area)
            assert text, f"{s.id} on the {area.value} has no how-to of its own"


def test_every_place_a_bundled_story_puts_a_stroke_has_its_own_words():
    missing = [(p, s, a.value) for p, s, a in sorted(_places_in_the_library(), key=str)
               if registry()[p][s].how_for(a) is None]
    assert not missing


@pytest.mark.parametrize("pack_id,stroke_id", ALL)
def test_every_how_to_is_two_whole_sentences_and_makes_no_claims(pack_id, stroke_id):
    _, s = stroke(pack_id, stroke_id)
    for text in (s.how, *(t for _, t in s.how_on)):
        assert len(_sentences(text)) == 2 and text.endswith("."), (stroke_id, text)
        for word in ("cure", "treat", "heal", "therapy", "medical", "pain"):
            assert word not in text.lower(), (stroke_id, word)


def test_the_card_shows_the_whole_how_to_not_its_first_sentence(qtbot):
    pack = registry()["story"]
    card = StrokeCard(theme_by_name("day"))
    qtbot.addWidget(card)
    piggy, story_pack = load("this-little-piggy")
    lines = [line for page in piggy.pages for line in page.lines if line.tag.stroke]
    card.set_line(lines[0], story_pack)  # [squeeze feet light]
    assert card.how_text() == pack["squeeze"].how_for(Area.FEET)
    assert len(_sentences(card.how_text())) == 2
    fan = next(line for _, line in load("the-moon-boat")[0].lines() if line.tag.stroke == "fan")
    card.set_line(fan, story_pack)
    assert "sweep them up and out" in card.how_text() and card.how_text() == pack["fan"].how


def test_resting_hands_words_match_the_picture():
    _, s = stroke("infant", "resting-hands")
    assert "tummy" in s.how and "head" in s.how and s.motion.other
    moved = place(s.motion, s.area, Area.BACK, View.BABY_BACK)
    assert not moved.other and "side by side" in s.how_for(Area.BACK)


def test_a_pack_without_words_for_a_place_still_gets_two_safe_sentences():
    from touchstory.ui.strokes.words import how_words
    _, s = stroke("story", "squeeze")
    text = how_words(s, Area.FACE)
    assert len(_sentences(text)) == 2 and "on the face" in text and "shoulders" in text
    assert "stop" in text
