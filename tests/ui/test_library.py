"""The library window as a parent uses it: filters, search, favourites, continue
where you stopped, opening files (menu, command line, drag and drop) and the
problems view for a story with errors."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from test_library_kit import Built, built, settle, story_root, write_broken  # noqa: F401  (fixtures)
from touchstory.journal.settings import LibraryFilter, Settings
from touchstory.ui.library import window as window_mod
from touchstory.ui.library.delegate import thumb_rect
from touchstory.ui.library.filters import matches_search, when_text
from touchstory.ui.library.model import Role
from touchstory.ui.library.problems import ProblemCard
from touchstory.ui.library.window import LIBRARY_PAGE, PROBLEMS_PAGE
from touchstory.ui.theme import theme_by_name

ALL = ["A Long Journey Home", "Baby Feet", "Bouncy Bunny", "Café Dreams", "The Sleepy Sea"]


def test_every_story_gets_a_card_in_title_order(built: Built):
    assert sorted(built.titles()) == sorted(ALL)
    assert built.titles()[0] == "Baby Feet", "'The'/'A' are ignored when sorting"
    assert built.window.filter_bar.count.text() == "5 stories"


def test_scanning_happens_off_the_gui_thread(qtbot, story_root: Path, tmp_path: Path, monkeypatch):
    threads: list[threading.Thread] = []
    real = window_mod.scan_library
    monkeypatch.setattr(window_mod, "scan_library",
                        lambda *a: (threads.append(threading.current_thread()), real(*a))[1])
    b = Built(qtbot, story_root, tmp_path)
    assert threads and all(t is not threading.main_thread() for t in threads)
    b.close()


@pytest.mark.parametrize("change,expected", [
    ({"age": 0}, ["Baby Feet"]),
    ({"age": 4}, ["Bouncy Bunny", "Café Dreams", "The Sleepy Sea"]),
    ({"age": 8}, ["A Long Journey Home"]),
    ({"mood": "sleepy"}, ["The Sleepy Sea"]),
    ({"kind": "rhyme"}, ["Bouncy Bunny"]),
    ({"kind": "routine"}, ["Baby Feet"]),
    ({"length": "short"}, ["Baby Feet", "Bouncy Bunny", "Café Dreams"]),
    ({"length": "medium"}, ["The Sleepy Sea"]),
    ({"length": "long"}, ["A Long Journey Home"]),
    ({"age": 4, "mood": "cosy"}, ["Café Dreams"]),
])
def test_filters(built: Built, change, expected):
    built.set_filter(**change)
    assert sorted(built.titles()) == sorted(expected)
    assert built.window.filter_bar.count.text() == f"{len(expected)} of 5 stories"
    assert built.window.filter_bar.clear.isVisible()


def test_filter_menus_offer_what_the_library_has(built: Built):
    bar = built.window.filter_bar
    moods = [bar.mood.itemData(i) for i in range(bar.mood.count())]
    kinds = [bar.kind.itemData(i) for i in range(bar.kind.count())]
    assert moods == ["", "calm", "sleepy", "cosy", "silly"]
    assert kinds == ["", "story", "rhyme", "routine", "classroom"]


def test_choosing_from_the_menus_filters_the_cards(built: Built):
    bar = built.window.filter_bar
    bar.mood.setCurrentIndex(bar.mood.findData("calm"))
    assert sorted(built.titles()) == ["A Long Journey Home", "Baby Feet"]
    bar.age.setCurrentIndex(bar.age.findData(0))
    assert built.titles() == ["Baby Feet"]


@pytest.mark.parametrize("typed,expected", [
    ("sleepy", ["The Sleepy Sea"]),
    ("CAFE", ["Café Dreams"]),
    ("bunny bouncy", ["Bouncy Bunny"]),
    ("  sea  ", ["The Sleepy Sea"]),
    ("dragon", []),
])
def test_search_by_title(qtbot, built: Built, typed, expected):
    qtbot.keyClicks(built.window.filter_bar.search, typed)
    qtbot.waitUntil(lambda: built.window.filter_bar.filter.search == typed.strip(), timeout=2000)
    assert built.titles() == expected


def test_search_ignores_accents_and_case():
    assert matches_search("Café Dreams", "cafe")
    assert matches_search("Hickory, Dickory, Dock", "dickory dock")
    assert not matches_search("The Moon Boat", "sun")


def test_nothing_matching_says_so_and_offers_everything_back(qtbot, built: Built):
    built.set_filter(mood="sleepy", kind="rhyme")
    assert built.window.views.currentIndex() == 1
    assert "No stories match" in built.window.empty_label.text()
    assert built.window.show_all_button.isVisible()
    qtbot.mouseClick(built.window.show_all_button, Qt.MouseButton.LeftButton)
    assert sorted(built.titles()) == sorted(ALL)
    assert built.window.views.currentIndex() == 0
    assert not built.window.filter_bar.clear.isVisible()


def test_escape_clears_a_search(qtbot, built: Built):
    built.set_filter(search="bunny")
    assert built.titles() == ["Bouncy Bunny"]
    qtbot.keyClick(built.window, Qt.Key.Key_Escape)
    assert len(built.titles()) == 5


def test_a_star_click_makes_a_favourite_and_does_not_open_the_story(built: Built):
    built.click_card("Café Dreams", "star")
    assert built.journal.is_favourite(built.entry("Café Dreams").path)
    assert built.played == []
    built.set_filter(favourites_only=True)
    assert built.titles() == ["Café Dreams"]
    built.click_card("Café Dreams", "star")
    assert built.titles() == []
    assert "No favourites yet" in built.window.empty_label.text()


def test_favourites_are_remembered_next_time(qtbot, story_root: Path, tmp_path: Path):
    first = Built(qtbot, story_root, tmp_path)
    first.click_card("Bouncy Bunny", "star")
    first.close()
    second = Built(qtbot, story_root, tmp_path, settings=Settings(
        last_library_filter=LibraryFilter(favourites_only=True)))
    assert second.titles() == ["Bouncy Bunny"]
    assert second.window.filter_bar.favourites.isChecked()
    second.close()


def test_keyboard_moves_stars_and_opens(qtbot, built: Built):
    grid = built.window.grid
    grid.setFocus()
    grid.setCurrentIndex(built.index_of("Baby Feet"))
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.currentIndex().data() == "Bouncy Bunny"
    qtbot.keyClick(grid, Qt.Key.Key_F)
    assert built.journal.is_favourite(built.entry("Bouncy Bunny").path)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert [(e.title, start) for e, start in built.played] == [("Bouncy Bunny", 0)]


def test_clicking_a_card_plays_it_from_the_beginning(built: Built):
    built.click_card("The Sleepy Sea")
    assert [(e.title, start) for e, start in built.played] == [("The Sleepy Sea", 0)]
    assert built.played[0][0].story is not None


def test_continue_where_you_stopped(qtbot, built: Built):
    sea = built.entry("The Sleepy Sea")
    session = built.journal.start_session(sea.path, "read-aloud", sea.title)
    from touchstory.journal.store import EndReason

    built.journal.end_session(session, EndReason.STOPPED, lines_reached=4, total=7)
    built.window.refresh_journal()
    bar = built.window.continue_bar
    assert bar.isVisible()
    assert "The Sleepy Sea" in bar.label.text() and "line 4 of 7" in bar.label.text()
    qtbot.mouseClick(bar.continue_button, Qt.MouseButton.LeftButton)
    built.click_card("The Sleepy Sea")  # the card resumes too
    qtbot.mouseClick(bar.restart_button, Qt.MouseButton.LeftButton)
    assert [(e.title, start) for e, start in built.played] == [
        ("The Sleepy Sea", 4), ("The Sleepy Sea", 4), ("The Sleepy Sea", 0)]


def test_a_finished_story_is_no_longer_offered_to_continue(built: Built):
    sea = built.entry("The Sleepy Sea")
    built.journal.save_progress(sea.path, 3, 7, sea.title)
    built.window.refresh_journal()
    assert built.window.continue_bar.isVisible()
    from touchstory.journal.store import EndReason

    session = built.journal.start_session(sea.path, "read-aloud", sea.title)
    built.journal.end_session(session, EndReason.COMPLETED, 7, 7)
    built.window.refresh_journal()
    assert not built.window.continue_bar.isVisible()


def test_when_text_reads_like_a_person():
    from datetime import datetime

    now = datetime(2025, 3, 12, 20, 0).timestamp()
    assert when_text(datetime(2025, 3, 12, 19, 42).timestamp(), now) == "today at 19:42"
    assert when_text(datetime(2025, 3, 11, 19, 40).timestamp(), now) == "yesterday at 19:40"
    assert when_text(datetime(2025, 3, 8, 19, 0).timestamp(), now) == "on Saturday"
    assert when_text(datetime(2025, 1, 3, 19, 0).timestamp(), now) == "on 3 January"


def test_opening_one_story_file_plays_it_and_adds_its_card(qtbot, built: Built, tmp_path: Path):
    extra = tmp_path / "elsewhere" / "extra.story"
    extra.parent.mkdir()
    extra.write_text("title: Extra Story\n\n# P\n[calm] Hello.\n", "utf-8")
    with qtbot.waitSignal(built.window.play_requested, timeout=5000):
        built.window.open_paths([extra])
    assert built.played[-1][0].title == "Extra Story"
    assert "Extra Story" in built.titles()
    assert built.titles()[0] == "Extra Story", "just opened stories come first"


def test_opening_a_folder_adds_its_stories_and_says_so(qtbot, built: Built, tmp_path: Path):
    folder = tmp_path / "class-stories"
    for n in (1, 2):
        (folder / f"s{n}").mkdir(parents=True)
        (folder / f"s{n}" / f"s{n}.story").write_text(f"title: Class Story {n}\n\n# P\n[calm] Hi.\n", "utf-8")
    built.set_filter(mood="sleepy")  # hides the new stories: opening must show them
    built.window.open_paths([folder])
    qtbot.waitUntil(lambda: "Class Story 1" in built.titles(), timeout=5000)
    assert built.played == []
    assert "Added 2 stories from class-stories" in built.window.notice_bar.label.text()
    assert built.window.grid.currentIndex().data() in ("Class Story 1", "Class Story 2")


def test_opening_something_without_stories_explains(qtbot, built: Built, tmp_path: Path):
    empty = tmp_path / "holiday-photos"
    empty.mkdir()
    built.window.open_paths([empty])
    qtbot.waitUntil(lambda: built.window.notice_bar.isVisible(), timeout=5000)
    assert "No stories were found in holiday-photos" in built.window.notice_bar.label.text()


def _drop(window, paths: list[Path]) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    accepted = enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    if accepted:
        QApplication.sendEvent(window, drop)
    return accepted, drop.isAccepted()


def test_dropping_a_story_file_opens_it(qtbot, built: Built, story_root: Path):
    with qtbot.waitSignal(built.window.play_requested, timeout=5000):
        accepted, dropped = _drop(built.window, [story_root / "bouncy" / "bouncy-rhyme.story"])
    assert accepted and dropped
    assert built.played[-1][0].title == "Bouncy Bunny"
    assert built.titles().count("Bouncy Bunny") == 1, "a story already shown is not doubled"


def test_dropping_a_folder_adds_it(qtbot, built: Built, tmp_path: Path):
    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "d.story").write_text("title: Dropped Story\n\n# P\n[calm] Hi.\n", "utf-8")
    (folder / "e.story").write_text("title: Another Dropped\n\n# P\n[calm] Hi.\n", "utf-8")
    accepted, _ = _drop(built.window, [folder])
    assert accepted
    qtbot.waitUntil(lambda: "Dropped Story" in built.titles(), timeout=5000)


def test_dropping_other_files_is_refused(built: Built, tmp_path: Path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8")
    accepted, _ = _drop(built.window, [photo])
    assert not accepted


def test_a_broken_story_opens_into_the_problems_view(qtbot, built: Built, tmp_path: Path):
    broken = write_broken(tmp_path / "mine")
    built.window.open_paths([broken])
    qtbot.waitUntil(lambda: built.window.pages.currentIndex() == PROBLEMS_PAGE, timeout=5000)
    assert built.played == []
    view = built.window.problems
    assert "can’t be played yet" in view.heading.text()
    assert "4 things to fix" in view.intro.text()
    cards = view.findChildren(ProblemCard)
    assert [c.problem.loc.line for c in cards] == [1, 5, 6, 7]
    texts = [" ".join(label.text() for label in c.findChildren(QLabel)) for c in cards]
    assert "Line 5" in texts[1] and 'Did you mean "circle"?' in texts[1]
    assert "[cirlce x2] Round and round." in texts[1] and "^^^^^^" in texts[1]
    assert 'Add a line like "title: The Sleepy Sun"' in texts[0]
    assert "Its strokes are calm, circle" in texts[2]  # no close guess for "fly": the pack's strokes instead
    everything = " ".join(texts)
    assert "Traceback" not in everything and "Error:" not in everything
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert built.window.pages.currentIndex() == LIBRARY_PAGE
    assert "Broken" in built.titles()


def test_a_broken_card_shows_its_problems_when_clicked(qtbot, story_root: Path, tmp_path: Path):
    write_broken(story_root / "zz-broken")
    b = Built(qtbot, story_root, tmp_path)
    b.click_card("Broken")
    assert b.window.pages.currentIndex() == PROBLEMS_PAGE
    assert b.played == []
    b.close()


def test_check_again_after_fixing_the_file(qtbot, built: Built, tmp_path: Path):
    broken = write_broken(tmp_path / "mine")
    built.window.open_paths([broken])
    qtbot.waitUntil(lambda: built.window.pages.currentIndex() == PROBLEMS_PAGE, timeout=5000)
    broken.write_text("title: Mended\n\n# Page\n[circle x2] Round and round.\n", "utf-8")
    qtbot.mouseClick(built.window.problems.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: built.window.pages.currentIndex() == LIBRARY_PAGE, timeout=5000)
    assert "Mended" in built.titles() and "Broken" not in built.titles()
    assert "ready to play" in built.window.notice_bar.label.text()


def test_thumbnails_are_rendered_off_the_gui_thread_and_cached(qtbot, story_root: Path, tmp_path: Path,
                                                              monkeypatch):
    from touchstory.ui.library import thumbnails

    threads: list[threading.Thread] = []
    real = thumbnails.render_picture
    monkeypatch.setattr(thumbnails, "render_picture",
                        lambda *a: (threads.append(threading.current_thread()), real(*a))[1])
    first = Built(qtbot, story_root, tmp_path)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert list((tmp_path / "cache" / "thumbnails").glob("*.png"))
    first.close()
    second = Built(qtbot, story_root, tmp_path)
    assert len(threads) == 1, "the second start uses the cached thumbnail"
    sea = second.window.model.index(second.window.model.row_of(second.window.model.key(second.entry("The Sleepy Sea"))))
    from touchstory.ui.library.model import Role

    assert sea.data(Role.THUMBNAIL) is not None and not sea.data(Role.THUMBNAIL).isNull()
    second.close()


def test_a_picture_that_cannot_be_read_leaves_the_placeholder(qtbot, story_root: Path, tmp_path: Path):
    (story_root / "sleepy-sea" / "pictures" / "sea.svg").write_text("<svg oops", "utf-8")
    b = Built(qtbot, story_root, tmp_path)
    settle(200)
    index = b.index_of("The Sleepy Sea")
    assert index.data(Role.THUMBNAIL) is None, "a picture that cannot be read gives no thumbnail"
    grid = b.window.grid
    thumb = thumb_rect(grid.visualRect(index))
    image = grid.viewport().grab().toImage()
    # The placeholder's sky starts in the card's second surface colour (the sea picture is dark blue).
    top = image.pixelColor(thumb.left() + thumb.width() // 2, thumb.top() + 3)
    want = QColor(theme_by_name("bedtime").palette.surface_alt)
    assert max(abs(top.red() - want.red()), abs(top.green() - want.green()), abs(top.blue() - want.blue())) <= 12, \
        (top.name(), want.name())
    b.close()  # and no crash


@pytest.mark.parametrize("width,columns", [(1280, 4), (1920, 6), (1000, 3)])
def test_the_grid_fills_the_width(qtbot, story_root: Path, tmp_path: Path, width, columns):
    b = Built(qtbot, story_root, tmp_path, size=(width, 800))
    grid = b.window.grid
    settle(50)
    cell = grid.gridSize().width()
    assert (grid.viewport().width() - 4) // cell == columns
    assert grid.horizontalScrollBar().maximum() == 0
    tops = {grid.visualRect(grid.model().index(r, 0)).top() for r in range(grid.model().rowCount())}
    assert len(tops) == -(-5 // columns), "cards wrap into full rows"
    b.close()


def test_accessible_text_of_a_card(built: Built):
    index = built.index_of("The Sleepy Sea")
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("The Sleepy Sea. Story. Sleepy. 1 min 40 s. ages 2–5")


def test_settings_dialog(qtbot, built: Built, monkeypatch):
    from touchstory.journal.settings import ThemeChoice
    from touchstory.ui.library.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), built.window._theme)
    qtbot.addWidget(dialog)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("contrast"))
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(1.45))
    dialog.dyslexia.setChecked(True)
    dialog.child_lock.setChecked(False)
    dialog.bedtime_start.setCurrentIndex(dialog.bedtime_start.findData("19:15"))
    result = dialog.settings()
    assert result.theme is ThemeChoice.CONTRAST and result.text_scale == 1.45
    assert result.dyslexia_spacing and not result.child_lock and result.bedtime_start == "19:15"
    assert not dialog.narration.isEnabled() and not dialog.volume_sliders["master"].isEnabled()
    assert result.volumes == Settings().volumes, "untouched disabled fields keep their values"

    changed: list[Settings] = []
    built.window.settings_changed.connect(changed.append)
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: (self.dyslexia.setChecked(True),
                                                             SettingsDialog.DialogCode.Accepted)[1])
    built.window.open_settings()
    assert changed and changed[0].dyslexia_spacing


def test_a_hand_set_text_size_is_not_rounded_away(qtbot):
    from touchstory.ui.library.settings_dialog import SettingsDialog
    from touchstory.ui.theme import theme_by_name

    dialog = SettingsDialog(Settings(text_scale=1.1), theme_by_name("day"))
    qtbot.addWidget(dialog)
    assert dialog.settings().text_scale == 1.1


def test_keys_dialog_lists_library_and_player_keys(qtbot, built: Built):
    from touchstory.ui.keys import KEY_HELP
    from touchstory.ui.library.keys_dialog import KeysDialog

    dialog = KeysDialog(built.window._theme)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    for _keys, action in KEY_HELP:
        assert action in text
    assert "Open the chosen story" in text


def test_closing_remembers_filters_but_not_the_search(qtbot, built: Built):
    changed: list[Settings] = []
    built.window.settings_changed.connect(changed.append)
    built.set_filter(age=4, search="sea")
    built.window.close()
    assert changed[-1].last_library_filter == LibraryFilter(age=4)


def test_a_cards_own_menu(built: Built):
    menu = built.window.menus.card_menu(built.entry("Café Dreams"))
    assert [a.text() for a in menu.actions()] == [
        "Play", "Play from the beginning", "Add to favourites", "Make an audio file…", "Show the story's folder"]
    next(a for a in menu.actions() if a.text() == "Play from the beginning").trigger()
    assert [(e.title, s) for e, s in built.played] == [("Café Dreams", 0)]
    star = next(a for a in built.window.menus.card_menu(built.entry("Baby Feet")).actions()
                if a.text() == "Add to favourites")
    star.trigger()
    assert built.journal.is_favourite(built.entry("Baby Feet").path)


def test_the_classroom_button_asks_for_the_selected_classroom_story(built: Built):
    asked: list[object] = []
    built.window.classroom_requested.connect(asked.append)
    journey = built.entry("A Long Journey Home")  # kind: classroom
    built.window.grid.setCurrentIndex(built.index_of("A Long Journey Home"))
    built.window.classroom_button.click()
    built.window.grid.setCurrentIndex(built.index_of("Café Dreams"))  # a bedtime story: the usual one instead
    built.window.classroom_button.click()
    assert asked == [journey.path, None]
    assert built.played == [], "classroom mode is not the player"


def test_classroom_mode_from_the_file_menu_and_a_cards_menu(built: Built):
    asked: list[object] = []
    built.window.classroom_requested.connect(asked.append)
    file_menu = built.window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "&Classroom mode…")
    assert action is built.window.menus.classroom_action
    built.window.grid.setCurrentIndex(built.index_of("A Long Journey Home"))
    action.trigger()
    journey = built.entry("A Long Journey Home")
    menu = built.window.menus.card_menu(journey)
    assert [a.text() for a in menu.actions()][:3] == ["Play", "Play from the beginning", "Open in classroom mode"]
    next(a for a in menu.actions() if a.text() == "Open in classroom mode").trigger()
    built.window.show_file_problems(journey.path, [])  # nothing is selected on the problems page
    action.trigger()
    assert asked == [journey.path, journey.path, None]


def test_stories_opened_while_the_library_is_read_stay_when_the_reading_ends(qtbot, story_root: Path,
                                                                             tmp_path: Path):
    """`touchstory library FOLDER` opens the folder while the bundled stories are still
    being read: the folder's stories must not vanish when that reading finishes."""
    built = Built(qtbot, story_root, tmp_path, load=False)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "x.story").write_text("title: Extra One\n\n# P\n[calm] Hi.\n", "utf-8")
    built.window.open_paths([extra])
    qtbot.waitUntil(lambda: "Extra One" in built.titles(), timeout=5000)
    with qtbot.waitSignal(built.window.scan_finished, timeout=10_000):
        built.window.load()
    assert "Extra One" in built.titles()
    assert set(ALL) <= set(built.titles())
    built.close()
