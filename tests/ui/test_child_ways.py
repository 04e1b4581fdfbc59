"""Each child's own way in the shell: the chooser in the library, the editor,
the adapted story in the player, the "How it went" card and the routine chart;
with screenshots of each new screen in the three themes at two sizes."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

import touchstory.app as app_mod
from test_app import a_story, args  # noqa: F401
from test_library_kit import SIZES, grab
from touchstory.journal.profiles import ChildProfile, Profiles
from touchstory.journal.sessions import Cue, Evening, Feeling, HowItWent, routine
from touchstory.journal.store import EndReason, Journal
from touchstory.paths import UserPaths
from touchstory.story.adapt import ChildWay, Placement
from touchstory.story.packs import PackRegistry
from touchstory.ui.journal.chart import RoutineChart
from touchstory.ui.journal.how_it_went import HowItWentCard
from touchstory.ui.profiles.editor import AVOID, LOVE, ProfileEditor
from touchstory.ui.theme import ThemeName, apply_theme, theme_by_name

THEMES = [t.value for t in ThemeName]
SAM = ChildProfile("Sam", ChildWay(loves=("circle",), avoid=("walk",), placement=Placement.HANDS))


@pytest.fixture
def paths(tmp_path: Path) -> UserPaths:
    root = tmp_path / "home"
    paths = UserPaths(root / "data", root / "config", root / "cache").ensure()
    journal = Journal.open(paths.journal).journal
    Profiles(journal).save(SAM)
    Profiles(journal).save(ChildProfile("Ava", colour="#d99a6c"))
    journal.close()
    return paths


def test_the_child_chosen_in_the_library_is_remembered_and_the_story_plays_their_way(qtbot, paths):
    app, _ = app_mod.build(args("library"), paths)
    qtbot.addWidget(app.library)
    try:
        app.open_library([])
        qtbot.waitUntil(lambda: app.children is not None, timeout=10_000)
        chooser = app.children.chooser
        names = [b.text() for b in chooser._buttons]
        assert names == ["No one", "Ava", "Sam"] and chooser.current() is None
        sam_button = chooser._buttons[2]
        qtbot.mouseClick(sam_button, Qt.MouseButton.LeftButton)
        assert chooser.current().name == "Sam"
        assert Profiles(app.journal).chosen().name == "Sam"  # remembered for next time
        qtbot.waitUntil(lambda: app.library.model.rowCount() > 0, timeout=10_000)
        entry = next(e for e in app.library.model.entries() if e.story and "walk" in e.story.strokes_used())
        app.library.open_entry(entry, 0)
        qtbot.waitUntil(lambda: app.player is not None, timeout=10_000)
        played = app.player.story
        assert "walk" not in played.strokes_used()  # walk -> wave, the suggested swap
        tags = [line.tag for _, line in played.lines() if line.stroke]
        assert tags and all(t.area.value == "hands" for t in tags)
        app.player.leave()
    finally:
        app.library.close()
        app.shutdown()


def test_the_editor_keeps_what_the_carer_sets(qtbot):
    pack = PackRegistry.default().get("story")
    editor = ProfileEditor(None, pack, theme_by_name("day"))
    qtbot.addWidget(editor)
    editor.name.setText("  Mo ")
    editor.feelings["drum"].setCurrentText(AVOID)
    sub = editor.substitutes["drum"]
    assert sub.isEnabled()
    sub.setCurrentIndex(sub.findData("fan"))
    editor.feelings["claw"].setCurrentText(AVOID)
    editor.substitutes["claw"].setCurrentIndex(editor.substitutes["claw"].findData("-"))
    editor.feelings["circle"].setCurrentText(LOVE)
    editor.cap.setValue(4)
    way = editor.profile().way
    assert editor.profile().name == "Mo" and way.avoid == ("claw", "drum") or way.avoid == ("drum", "claw")
    assert way.substitute_for("drum", pack) == "fan"
    assert way.substitute_for("claw", pack) is None  # "leave it out", not the suggested wave
    assert way.loves == ("circle",) and way.cap_minutes == 4


def test_an_editor_without_a_name_asks_for_one(qtbot):
    editor = ProfileEditor(None, PackRegistry.default().get("story"), theme_by_name("day"))
    qtbot.addWidget(editor)
    editor.buttons.accepted.emit()
    assert "name or nickname" in editor.problem.text() and editor.result() == 0


def test_how_it_went_gives_what_was_tapped_and_skip_gives_nothing(qtbot):
    card = HowItWentCard(theme_by_name("bedtime"), "Incy Wincy Spider", "Sam")
    qtbot.addWidget(card)
    answers = []
    card.done.connect(answers.append)
    qtbot.mouseClick(card.feeling_buttons[Feeling.LOVED], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.cue_buttons[Cue.YAWNED], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.cue_buttons[Cue.RELAXED], Qt.MouseButton.LeftButton)
    card.note.setText("asleep by the last page")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.skip_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    assert answers == [HowItWent(Feeling.LOVED, (Cue.RELAXED, Cue.YAWNED), "asleep by the last page"), None, None]


def _year(today: dt.date) -> list[Evening]:
    out = []
    for i in range(365):
        day = today - dt.timedelta(days=364 - i)
        if i % 6 == 5:
            continue
        start = dt.datetime.combine(day, dt.time(19, 30)).timestamp()
        stopped = i % 9 == 0
        out.append(Evening(i, "rain", ["Rain on the Roof", "Incy Wincy Spider", "The Sleepy Balloon"][i % 3],
                           start, start + 60 * (3 + i % 5), EndReason.STOPPED if stopped else EndReason.COMPLETED,
                           3 if stopped else 8, 8, "claw" if stopped else "calm", "Sam",
                           HowItWent(Feeling.LOVED if i % 4 == 0 else Feeling.FINE if i % 4 else None)))
    return out


def test_the_chart_describes_the_last_four_weeks_and_paints_quickly(qtbot):
    today = dt.date(2026, 12, 4)
    chart = RoutineChart(theme_by_name("day"))
    qtbot.addWidget(chart)
    chart.resize(1280, 800)
    evenings = _year(today)
    start = time.perf_counter()
    chart.set_routine(routine(evenings, today), "Sam", {"claw": "Claw"})
    chart.grab()
    elapsed = time.perf_counter() - start
    assert elapsed <= 0.1, f"{elapsed * 1000:.0f} ms"
    text = chart.describe()
    assert text.startswith("24 of the last 28 evenings")  # one evening in six was missed
    assert "Most often stopped at: Claw." in text


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", list(SIZES))
def test_screenshots_of_the_new_screens(qtbot, theme, size):
    t = theme_by_name(theme)
    w, h = SIZES[size]
    pack = PackRegistry.default().get("story")
    chart = RoutineChart(t)
    qtbot.addWidget(chart)
    chart.resize(w, h)
    today = dt.date(2026, 12, 4)
    chart.set_routine(routine(_year(today), today), "Sam", {s.id: s.name for s in pack.strokes})
    grab(chart, f"routine-{theme}-{size}")
    host = QWidget()
    qtbot.addWidget(host)
    apply_theme(host, t)
    host.resize(w, h)
    card = HowItWentCard(t, "Incy Wincy Spider", "Sam", host)
    card.resize(min(760, w - 80), 520)
    card.move((w - card.width()) // 2, (h - card.height()) // 2)
    card.feeling_buttons[Feeling.LOVED].setChecked(True)
    card.cue_buttons[Cue.RELAXED].setChecked(True)
    host.show()
    grab(host, f"how-it-went-{theme}-{size}")
    editor = ProfileEditor(SAM, pack, t)
    qtbot.addWidget(editor)
    editor.resize(min(900, w), min(h, 1000))
    editor.show()
    path, image = grab(editor, f"profile-editor-{theme}-{size}")
    assert not image.isNull()


def test_after_a_story_how_it_went_is_asked_and_stored_for_the_child(qtbot, paths):
    app, _ = app_mod.build(args("library"), paths)
    qtbot.addWidget(app.library)
    try:
        app.open_library([])
        qtbot.waitUntil(lambda: app.children is not None, timeout=10_000)
        app.children.chooser.choose_id(Profiles(app.journal).named("Sam").id)
        qtbot.waitUntil(lambda: app.library.model.rowCount() > 0, timeout=10_000)
        entry = next(e for e in app.library.model.entries() if e.story)
        app.library.open_entry(entry, 0)
        qtbot.waitUntil(lambda: app.player is not None, timeout=10_000)
        app.player.permission_card.yes.click()
        app.player.session.next()
        app.player.leave()  # a stop part-way
        dialog = app.how_it_went
        assert dialog is not None and dialog.isVisible() and "Sam" in dialog.card.heading.text()
        shot, _ = grab(app.library, "library-with-child-chooser-and-how-it-went")
        qtbot.mouseClick(dialog.card.feeling_buttons[Feeling.FINE], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.card.cue_buttons[Cue.TURNED_AWAY], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.card.save_button, Qt.MouseButton.LeftButton)
        from touchstory.journal.sessions import SessionLog

        evening = SessionLog(app.journal).evenings()[-1]
        assert evening.profile == "Sam" and evening.reason is EndReason.STOPPED
        assert evening.how == HowItWent(Feeling.FINE, (Cue.TURNED_AWAY,), "")
    finally:
        app.library.close()
        app.shutdown()


def test_a_cards_menu_prints_for_the_child_and_offers_the_short_version(qtbot, paths, tmp_path):
    journal = Journal.open(paths.journal).journal
    profiles = Profiles(journal)
    sam = profiles.named("Sam")
    profiles.save(ChildProfile(sam.name, ChildWay(avoid=("walk",), cap_minutes=1), id=sam.id))
    profiles.choose(sam.id)
    journal.close()
    app, _ = app_mod.build(args("library"), paths)
    qtbot.addWidget(app.library)
    try:
        app.open_library([])
        qtbot.waitUntil(lambda: app.children is not None and app.library.model.rowCount() > 0, timeout=10_000)
        entry = next(e for e in app.library.model.entries() if e.story and "walk" in e.story.strokes_used()
                     and e.seconds > 90 and len(e.story.pages) > 2)
        actions = [a.text() for a in app.library.menus.card_menu(entry).actions()]
        assert "Play the short version for Sam" in actions and "Print Sam's bedside sheet…" in actions
        out = app.children.print_story(entry, True, tmp_path / "card.pdf")
        assert out is not None and out.stat().st_size > 1000
        bedside = app.children.print_bedside(entry, tmp_path / "bedside.pdf")
        assert bedside is not None and bedside.is_file()
        app.children._play_short(entry)
        qtbot.waitUntil(lambda: app.player is not None, timeout=10_000)
        assert len(app.player.story.pages) < len(entry.story.pages)
        app.player.leave()
        page = app.children.open_routine()
        page.export_csv(tmp_path / "j.csv")
        assert "1 session written" in page.status.text()
        grab(page, "routine-page-bedtime")
        page.close()
    finally:
        app.library.close()
        app.shutdown()


def test_the_stroke_card_says_what_the_substitute_replaces(qtbot):
    from touchstory.story.adapt import adapt
    from touchstory.story.parser import parse_story_text
    from touchstory.ui.player.stroke_card import StrokeCard

    packs = PackRegistry.default()
    pack = packs.get("story")
    story = parse_story_text("title: T\npack: story\n[drum x3] Rain.\n[circle] Round.\n", "t.story", packs)
    adapted = adapt(story, pack, ChildWay(avoid=("drum",), placement=Placement.HANDS)).story
    card = StrokeCard(theme_by_name("day"))
    qtbot.addWidget(card)
    card.resize(360, 600)
    first, second = adapted.lines()[0][1], adapted.lines()[1][1]
    card.set_line(first, pack)
    details = " ".join(par.text for par in card.details.paragraphs())
    assert card.name.text().startswith("Sprinkle") and "instead of drum" in details
    assert "hands" in card.where_text().lower()
    assert card.animation.area.value == "hands"  # the animation follows the child's place
    card.set_line(second, pack)
    assert "instead of drum" not in " ".join(par.text for par in card.details.paragraphs())


def test_the_player_writes_each_line_reached_as_it_goes(qtbot, paths):
    app, _ = app_mod.build(args("play", str(a_story())), paths)
    qtbot.addWidget(app.library)
    try:
        qtbot.waitUntil(lambda: app.player is not None, timeout=10_000)
        app.player.permission_card.yes.click()
        for _ in range(3):
            app.player.session.next()
        # before the player ends the session: the journal already has the line
        row = app.journal.db.execute("SELECT lines_reached, total_lines, ended FROM sessions "
                                     "ORDER BY id DESC LIMIT 1").fetchone()
        assert row[0] >= 3 and row[1] > 3 and row[2] is None
        app.player.leave()
    finally:
        app.library.close()
        app.shutdown()


def test_the_cards_say_which_stories_suit_the_child(qtbot, paths):
    from touchstory.story.adapt import suits

    app, _ = app_mod.build(args("library"), paths)
    qtbot.addWidget(app.library)
    try:
        app.open_library([])
        qtbot.waitUntil(lambda: app.children is not None and app.library.model.rowCount() > 0, timeout=10_000)
        link = app.children
        assert app.library.grid.delegate.child_fit is None  # no one chosen: the cards as before
        sam = Profiles(app.journal).named("Sam")
        profiles = Profiles(app.journal)
        profiles.save(ChildProfile("Sam", ChildWay(avoid=("walk", "wave"), cap_minutes=1), id=sam.id))
        link.refresh()
        shown = [b.text() for b in link.chooser.findChildren(type(link.chooser.add_button)) if b.isVisibleTo(app.library)]
        assert sorted(shown) == sorted(["No one", "Ava", "Sam", "+"])  # once each after a refresh
        link.chooser.choose_id(sam.id)
        assert app.library.grid.delegate.child_fit is not None
        entries = [e for e in app.library.model.entries() if e.story]
        words = {e.title: link.fit(e) for e in entries}
        pack = app.packs.get("story")
        walking = next(e for e in entries if e.story.meta.pack == "story" and "walk" in e.story.strokes_used())
        assert words[walking.title][0] == "not Sam's way" and not suits(walking.story, profiles.get(sam.id).way, pack)
        fine = [e for e in entries if words[e.title][0] == "suits Sam"]
        assert fine and any(words[e.title][1] == "Long for Sam" for e in fine if e.seconds > 60)
        grab(app.library, "library-cards-for-sam")
    finally:
        app.library.close()
        app.shutdown()


@pytest.mark.parametrize("theme", THEMES)
def test_screenshots_of_the_library_for_a_child(qtbot, paths, theme):
    from dataclasses import replace

    from touchstory.journal.settings import SettingsStore, ThemeChoice

    store = SettingsStore(paths.settings)
    settings, _ = store.load()
    store.save(replace(settings, theme=ThemeChoice(theme)))
    journal = Journal.open(paths.journal).journal
    Profiles(journal).choose(Profiles(journal).named("Sam").id)
    journal.close()
    app, _ = app_mod.build(args("library"), paths)
    qtbot.addWidget(app.library)
    try:
        app.open_library([])
        qtbot.waitUntil(lambda: app.children is not None and app.library.model.rowCount() > 0, timeout=10_000)
        assert app.children.current().name == "Sam"
        for size, (w, h) in SIZES.items():
            app.library.resize(w, h)
            grab(app.library, f"library-for-sam-{theme}-{size}")
    finally:
        app.library.close()
        app.shutdown()


def test_the_childs_sound_and_voice_speed_hold_for_the_story_only(qtbot, paths):
    from dataclasses import replace

    journal = Journal.open(paths.journal).journal
    sam = Profiles(journal).named("Sam")
    Profiles(journal).save(replace(sam, soundscape="sea", voice_speed=100))
    Profiles(journal).choose(sam.id)
    journal.close()
    app, _ = app_mod.build(args("library"), paths)
    qtbot.addWidget(app.library)
    try:
        app.open_library([])
        qtbot.waitUntil(lambda: app.children is not None and app.library.model.rowCount() > 0, timeout=10_000)
        users = app.settings
        assert users.rate_wpm != 100 and users.soundscape_override != "sea"
        tonight, save = app.children.settings_for_tonight(users, app._on_settings_changed)
        assert (tonight.rate_wpm, tonight.soundscape_override) == (100, "sea")
        save(replace(tonight, child_lock=not users.child_lock))  # the user changes something else in the player
        assert app.settings.child_lock is not users.child_lock  # that is kept
        assert (app.settings.rate_wpm, app.settings.soundscape_override) == (users.rate_wpm,
                                                                             users.soundscape_override)
        save(replace(tonight, rate_wpm=140))  # the user changes the speed itself: theirs now
        assert app.settings.rate_wpm == 140
    finally:
        app.library.close()
        app.shutdown()
