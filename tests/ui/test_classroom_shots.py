"""Screenshots of classroom mode to LOOK at (saved to $TOUCHSTORY_SHOTS or
/tmp/touchstory-shots/classroom): the projector at 1920x1080 on every kind of
slide and card, in each theme, and the teacher's console full size and compact.

The assertions check what matters six metres away: type large enough, strong
contrast, a truly dark blank, nothing missing from a slide."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from screenshots.helpers import text_problems
from touchstory.journal.settings import Settings
from touchstory.pacing.clock import FakeClock
from touchstory.pacing.group import GroupSession
from touchstory.pacing.slides import Overlay
from touchstory.pacing.plan import default_plan, load_plan
from touchstory.paths import UserPaths
from touchstory.resources import bundled_stories_dir
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import load_story
from touchstory.ui.classroom import open_classroom
from touchstory.ui.classroom.cards import strong_accent
from touchstory.ui.classroom.projector import LINE_FLOOR, ProjectorWindow
from touchstory.ui.theme import theme_by_name

pytestmark = pytest.mark.slow

PLAN = bundled_stories_dir() / "plans" / "after-lunch-circle.plan"
THEMES = ("day", "bedtime", "contrast")


def shots() -> Path:
    folder = Path(os.environ.get("TOUCHSTORY_SHOTS", "/tmp/touchstory-shots")) / "classroom"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mean_lightness(image: QImage) -> float:
    step = 16
    values = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), step)
              for y in range(0, image.height(), step)]
    return sum(values) / len(values)


@pytest.fixture(scope="module")
def packs() -> PackRegistry:
    return PackRegistry.default()


@pytest.fixture
def projector(qtbot, packs):
    made: list[ProjectorWindow] = []

    def _make(theme: str = "day"):
        result = load_plan(PLAN, packs, [bundled_stories_dir()])
        assert result.ok
        group = GroupSession(result.plan, result.stories, packs, FakeClock())
        group.start()
        view = ProjectorWindow(theme_by_name(theme))
        qtbot.addWidget(view)
        view.resize(1920, 1080)
        view.show()
        qtbot.waitExposed(view)
        made.append(view)  # kept until the test ends, then closed in order
        return view, group

    yield _make
    for view in made:
        view.close()


def render(qtbot, view: ProjectorWindow, group: GroupSession, name: str) -> QImage:
    view.show_slide(group.slide, formation=group.plan.formation,
                    progress=(group.step_index + 0.5) / len(group.plan.steps))
    view.set_overlay(group.overlay)
    view.set_blank(group.blanked)
    view.set_move_on(group.move_on_visible)
    view.animation.set_time(0.9)
    qtbot.wait(120)  # pictures render on a worker; let them arrive
    view.picture.set_picture(view.picture.picture, animate=False)
    image = view.grab().toImage()
    image.save(str(shots() / f"{name}.png"))
    assert image.width() == 1920 and image.height() == 1080
    return image


@pytest.mark.parametrize("theme", THEMES)
def test_projector_story_line_is_readable_from_the_back(qtbot, projector, theme):
    view, group = projector(theme)
    group.goto(3)
    group.next()
    render(qtbot, view, group, f"projector-line-{theme}")
    assert view.words.font_pixel_size() >= 80, "the story line must be readable six metres away"
    assert view.picture.isVisible() and not view.picture.is_placeholder()
    assert view.animation.isVisible() and view.animation.stroke.id == "sprinkle"
    pal = view.theme.palette
    assert contrast(pal.text, pal.window) >= 7.0
    assert contrast(strong_accent(view.theme).name(), pal.window) >= 4.5, "the repeat count survives a washed-out projector"


LONG_LINE = ("Our class walked all the way along the river path, past the old mill, over the wooden bridge and "
             "up the hill, where the wind blew the leaves round and round.")


def test_a_long_line_of_a_teachers_own_story_stays_readable(qtbot, packs, tmp_path):
    folder = tmp_path / "walk"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "hill.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200"><rect width="320" height="200" '
        'fill="#9cc98a"/><circle cx="250" cy="50" r="30" fill="#f0d080"/></svg>', "utf-8")
    (folder / "walk.story").write_text(
        "title: Our Walk\nkind: classroom\n\n# The hill\npicture: pictures/hill.svg | A green hill.\n"
        f"[walk x4] {LONG_LINE}\n[calm] Home again.\n", "utf-8")
    result = load_story(folder / "walk.story", packs)
    assert result.story is not None, [p.format() for p in result.problems]
    group = GroupSession(default_plan(result.story), {result.story.path: result.story}, packs, FakeClock())
    group.start()
    while group.slide.text != LONG_LINE:
        group.next()
    view = ProjectorWindow(theme_by_name("day"))
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    qtbot.waitExposed(view)
    try:
        render(qtbot, view, group, "projector-long-line")
        assert view.words.font_pixel_size() >= 80, "a long line makes room rather than shrinking"
        assert view.picture.isVisible() and view.animation.isVisible() and view.label.isVisible()
        assert view.picture.height() >= 300, "the picture is smaller, not gone"
    finally:
        view.close()


def test_projector_every_slide(qtbot, projector):
    view, group = projector("day")
    names = {0: "settle", 1: "watch-me", 2: "ask", 4: "thanks", 5: "swap", 9: "close"}
    for index, name in names.items():
        group.goto(index)
        render(qtbot, view, group, f"projector-{name}")
        if name != "watch-me":
            assert view.words.font_pixel_size() >= 70 and view.label.isVisible()
    group.goto(1)
    render(qtbot, view, group, "projector-watch-me")
    assert view.how.isVisible() and view.heading.isVisible() and view.animation.isVisible()
    assert view.how.font_pixel_size() >= 56, "the how-to is read from the carpet too"
    group.stop()
    render(qtbot, view, group, "projector-end")
    assert view.words.text() == "That's all for now. Thank you, everyone."


@pytest.mark.parametrize("overlay", list(Overlay))
def test_projector_cards(qtbot, projector, overlay):
    view, group = projector("day")
    group.goto(3)
    group.toggle_overlay(overlay)
    image = render(qtbot, view, group, f"projector-card-{overlay.value}")
    assert view.card.isVisible() and view.shown_text() == overlay.text
    disc = image.pixelColor(700, 389)  # on the card's coloured disc, beside the symbol
    if overlay is not Overlay.INCLUSION:
        assert disc.saturation() > 80, "the card's coloured symbol fills the middle"


def test_projector_cards_in_contrast_and_bedtime(qtbot, projector):
    for theme in ("contrast", "bedtime"):
        view, group = projector(theme)
        group.goto(3)
        for overlay in (Overlay.SOFTER, Overlay.INCLUSION):
            group.toggle_overlay(overlay)
            image = render(qtbot, view, group, f"projector-card-{overlay.value}-{theme}")
            assert view.card.isVisible() and view.shown_text() == overlay.text
            assert text_problems(view) == [], f"projector-card-{overlay.value}-{theme}"
            low, high = _darkest_and_lightest(image, view.card.geometry())
            floor = 7.0 if theme == "contrast" else 4.5
            assert contrast(low.name(), high.name()) >= floor, f"the {overlay.value} card reads on a {theme} screen"
            if theme == "bedtime":
                assert high.lightness() < 250, "no pure white on a bedtime projector"


def _darkest_and_lightest(image: QImage, box) -> tuple[QColor, QColor]:
    colours = [image.pixelColor(x, y) for x in range(box.left(), box.right(), 6)
               for y in range(box.top(), box.bottom(), 6)]
    return min(colours, key=luminance), max(colours, key=luminance)


def test_projector_blank_and_move_on(qtbot, projector):
    view, group = projector("day")
    group.goto(3)
    group.move_on_now()
    render(qtbot, view, group, "projector-move-on")
    assert view.move_on.isVisible()
    for widget in (view.picture, view.animation, view.label, view.words):
        assert not widget.geometry().intersects(view.move_on.geometry()), f"{widget} is covered by Move on"
    assert view.words.font_pixel_size() >= LINE_FLOOR * view.height(), "the line stays readable at the back"
    view.set_move_on(False)
    assert view.picture.geometry().top() < view.move_on.geometry().bottom(), "the slide moves back up after"
    group.toggle_blank()
    image = render(qtbot, view, group, "projector-blank")
    assert mean_lightness(image) < 3, "a blanked projector is a calm dark screen"


@pytest.mark.parametrize("theme", ("day", "bedtime"))
def test_console(qtbot, packs, tmp_path, theme):
    paths = UserPaths(tmp_path / "d", tmp_path / "c", tmp_path / "k").ensure()
    c = open_classroom(PLAN, packs=packs, settings=Settings(), paths=paths, clock=FakeClock(),
                       theme=theme_by_name(theme))
    qtbot.addWidget(c.console)
    qtbot.addWidget(c.projector)
    try:
        c.console.set_compact(False)
        c.console.resize(1280, 800)
        c.group.goto(3)
        c.group.next()
        c.preview.animation.set_time(0.9)
        qtbot.wait(150)
        image = c.console.grab().toImage()
        image.save(str(shots() / f"console-{theme}.png"))
        assert c.console.side_panel.isVisible() and c.console.notes_label.text()
        plan = c.console.plan_list
        assert plan.count() == 10 and plan.verticalScrollBar().maximum() == 0, \
            "at 1280x800 the whole plan shows without scrolling"
        c.console.set_compact(True)
        c.console.resize(660, 470)
        qtbot.wait(50)
        c.console.grab().toImage().save(str(shots() / f"console-compact-{theme}.png"))
        assert not c.console.side_panel.isVisible() and c.console.next_label.isVisible()
        assert (c.console.width(), c.console.height()) == (660, 470)
    finally:
        c.close()
