"""app.py wires the objects and windows: library first, a story straight into
the player, the player back to the library, settings saved and themes applied,
and every notice about damaged files shown once."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from test_library_kit import settle, write_broken
from touchstory import app as app_mod
from touchstory.cli.main import build_parser
from touchstory.journal.settings import Settings, ThemeChoice
from touchstory.pacing.session import Mode
from touchstory.paths import UserPaths
from touchstory.resources import bundled_stories_dir
from touchstory.ui.library.window import PROBLEMS_PAGE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def paths(tmp_path: Path) -> UserPaths:
    root = tmp_path / "home"
    return UserPaths(root / "data", root / "config", root / "cache")


def args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def a_story() -> Path:
    return bundled_stories_dir() / "the-sleepy-balloon" / "the-sleepy-balloon.story"


@pytest.fixture
def started(qtbot, paths: UserPaths):
    made: list[app_mod.Touchstory] = []

    def start(*argv: str, **kw) -> app_mod.Touchstory:
        app, code = app_mod.build(args(*argv), paths) if not kw else (app_mod.Touchstory(paths, **kw), None)
        assert app is not None, code
        made.append(app)
        qtbot.addWidget(app.library)
        return app

    yield start
    for app in made:
        app.library.close()
        app.shutdown()


def wait_scanned(qtbot, app: app_mod.Touchstory) -> None:
    qtbot.waitUntil(lambda: app.library.model.rowCount() > 0, timeout=10_000)


def test_the_library_opens_with_the_bundled_stories(qtbot, started, paths: UserPaths):
    app = started("library")
    wait_scanned(qtbot, app)
    assert app.library.isVisible()
    assert app.library.model.rowCount() == len(list(bundled_stories_dir().glob("*/*.story")))
    assert not app.library.notice_bar.isVisible(), app.library.notice_bar.notices
    assert paths.stories.is_dir(), "the user's stories folder is made for them"


def test_stories_named_on_the_command_line_are_added(qtbot, started, tmp_path: Path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "x.story").write_text("title: Extra One\n\n# P\n[calm] Hi.\n", "utf-8")
    (extra / "y.story").write_text("title: Extra Two\n\n# P\n[calm] Hi.\n", "utf-8")
    app = started("library", str(extra), str(tmp_path / "missing"))
    qtbot.waitUntil(lambda: any(e.title == "Extra Two" for e in app.library.model.entries()), timeout=10_000)
    assert "missing was not found" in " ".join(app.library.notice_bar.notices)


def test_a_damaged_settings_file_is_kept_and_explained(qtbot, started, paths: UserPaths):
    paths.config.mkdir(parents=True)
    paths.settings.write_text("{ not json", "utf-8")
    app = started("library")
    notices = " ".join(app.library.notice_bar.notices)
    assert "settings file was damaged" in notices
    assert len(list(paths.config.glob("settings.json.broken-*"))) == 1


def test_a_damaged_journal_is_kept_and_explained(qtbot, started, paths: UserPaths):
    paths.data.mkdir(parents=True)
    paths.journal.write_bytes(b"definitely not sqlite" * 50)
    app = started("library")
    wait_scanned(qtbot, app)  # the journal is opened for the first scan, after the window has painted
    assert "started a fresh one" in " ".join(app.library.notice_bar.notices)
    assert len(list(paths.data.glob("journal.sqlite3.broken-*"))) == 1


def test_a_broken_stroke_pack_is_named_in_a_notice(qtbot, started, paths: UserPaths):
    paths.packs.mkdir(parents=True)
    (paths.packs / "mine.pack").write_text("not a pack", "utf-8")
    app = started("library")
    wait_scanned(qtbot, app)  # the packs are read for the first scan, after the window has painted
    assert "A stroke pack has a problem" in " ".join(app.library.notice_bar.notices)
    assert app.library.model.rowCount() > 0, "the bundled packs still work"


def test_the_library_paints_before_the_story_reader_and_journal_load(tmp_path: Path):
    """Start-up: the first frame needs none of the story parser, the stroke packs,
    the journal's SQLite or the problems view; they load right after it (issue 3)."""
    code = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from touchstory.ui.library.window import LibraryWindow
        from touchstory.cli.main import main
        original = LibraryWindow.paintEvent
        seen = []
        def paint(self, event):
            original(self, event)
            if not seen:
                seen.append(sorted(m for m in sys.modules if m.startswith(("touchstory.story", "touchstory.pacing.plan",
                    "touchstory.journal.store", "sqlite3", "touchstory.ui.library.problems", "PySide6.QtSvg"))))
                print("loaded at first paint:", seen[0], flush=True)
                QTimer.singleShot(0, lambda: [w.close() for w in QApplication.topLevelWidgets()])
        LibraryWindow.paintEvent = paint
        qt = QApplication(["touchstory"])
        sys.exit(main(["library"]))
    """)
    env = {**os.environ, "TOUCHSTORY_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "loaded at first paint: []" in result.stdout, result.stdout


def test_play_opens_the_player_and_stopping_returns_to_the_library(qtbot, started):
    app = started("play", str(a_story()))
    qtbot.waitUntil(lambda: app.player is not None, timeout=10_000)
    player = app.player
    assert player.isVisible() and not app.library.isVisible()
    assert player.story.title == "The Sleepy Balloon"
    player.permission_card.yes.click()
    for _ in range(3):
        player.session.next()
    player.leave()
    assert app.player is None and app.library.isVisible()
    wait_scanned(qtbot, app)
    app.library.refresh_journal()
    bar = app.library.continue_bar
    assert bar.isVisible() and "The Sleepy Balloon" in bar.label.text()
    progress = app.journal.progress(a_story())
    assert progress is not None and progress.step >= 3
    assert app.journal.key(a_story()).startswith("bundled:"), "bundled stories are named by place, not full path"


def test_continue_opens_the_player_at_the_line_where_it_stopped(qtbot, started):
    app = started("library")
    wait_scanned(qtbot, app)
    app.journal.save_progress(a_story(), 4, 12, "The Sleepy Balloon")
    app.library.refresh_journal()
    app.library.continue_bar.continue_button.click()
    assert app.player is not None
    app.player.permission_card.yes.click()
    assert app.player.session.step.line_number == 4
    app.player.close()  # the window's own close button
    settle(50)
    assert app.player is None and app.library.isVisible()


def test_play_narrated_starts_hands_free_and_really_speaks(qtbot, started):
    """`touchstory play --narrate`: the story opens hands-free, the real voice
    engine renders ahead, and the end of each spoken line reaches the session."""
    app = started("play", "--narrate", str(a_story()))
    qtbot.waitUntil(lambda: app.player is not None, timeout=10_000)
    player = app.player
    if app.narration is None:
        pytest.skip(f"no voice engine here: {app.narration_problem}")
    assert player.session.mode is Mode.NARRATED and player.narrate_button.isChecked()
    heard: list[int] = []
    app.narration.speech_finished.connect(heard.append)
    qtbot.waitUntil(lambda: 0 in heard, timeout=20_000)  # the question is said aloud too
    player.permission_card.yes.click()
    first_line = player.session.index
    qtbot.waitUntil(lambda: first_line in heard, timeout=20_000)
    assert player.session.index == first_line, "after the words comes the stroke's own time"
    assert player.session.time_until_advance() is not None


def test_without_a_voice_engine_narration_is_offered_as_unavailable(qtbot, started):
    from touchstory.speech.engine import NullSpeechEngine

    app = started(backends=app_mod.Backends(engine=NullSpeechEngine))
    app.narrate_next = True
    app.play(a_story())
    qtbot.waitUntil(lambda: app.player is not None, timeout=10_000)
    player = app.player
    assert app.narration is None
    assert player.session.mode is Mode.READ_ALOUD, "the story still plays, read aloud"
    assert player.narrate_button.isVisible()
    assert "libespeak-ng1" in player.toast.text(), "asked for narration: told why not, and how to get it"
    player.narrate_button.click()
    assert player.session.mode is Mode.READ_ALOUD and "apt-get install" in player.toast.text()


def test_play_a_story_with_errors_shows_its_problems(qtbot, started, tmp_path: Path):
    broken = write_broken(tmp_path / "mine")
    app = started("play", str(broken))
    qtbot.waitUntil(lambda: app.library.pages.currentIndex() == PROBLEMS_PAGE, timeout=10_000)
    assert app.library.isVisible() and app.player is None


def test_play_a_missing_file(paths: UserPaths, capsys):
    app, code = app_mod.build(args("play", "/nowhere/at/all.story"), paths)
    assert app is None and code == 2
    assert "no such file" in capsys.readouterr().err


def test_classroom_opens_its_windows_and_not_the_library(qtbot, started):
    app = started("classroom")
    assert app.classroom is not None
    assert not app.library.isVisible()
    app.classroom.close()


def test_classroom_with_a_broken_story_shows_the_problems(qtbot, started, tmp_path: Path):
    broken = write_broken(tmp_path / "class")
    app = started("classroom", str(broken))
    assert app.classroom is None
    assert app.library.isVisible() and app.library.pages.currentIndex() == PROBLEMS_PAGE
    assert app.library.problems.problems


def test_new_settings_are_saved_and_the_theme_follows(qtbot, started, paths: UserPaths):
    app = started("library")
    app._on_settings_changed(replace(app.settings, theme=ThemeChoice.CONTRAST, text_scale=1.2))
    saved = json.loads(paths.settings.read_text("utf-8"))
    assert saved["theme"] == "contrast" and saved["text_scale"] == 1.2
    assert app.library.property("touchstory_theme") == "contrast"
    assert app.library.grid.delegate.theme.text_scale == 1.2


def test_automatic_theme_turns_to_bedtime_in_the_evening(qtbot, started, paths: UserPaths):
    clock = {"now": datetime(2025, 3, 12, 16, 0)}
    app = started(now=lambda: clock["now"])
    app.open_library()
    assert app.library.property("touchstory_theme") == "day"
    clock["now"] = datetime(2025, 3, 12, 18, 45)
    app._on_theme_timer_timeout()
    assert app.library.property("touchstory_theme") == "bedtime"


def test_an_open_classroom_follows_a_theme_change(qtbot, started):
    app = started("classroom")
    classroom = app.classroom
    assert classroom is not None
    try:
        app._on_settings_changed(replace(app.settings, theme=ThemeChoice.CONTRAST))
        assert app.theme.name.value == "contrast" and classroom.theme == app.theme
        assert classroom.projector.theme == app.theme and classroom.preview.theme == app.theme
        assert classroom.console._theme == app.theme
    finally:
        classroom.close()


def test_closing_the_library_saves_its_size_and_filters(qtbot, started, paths: UserPaths):
    app = started("library")
    wait_scanned(qtbot, app)
    app.library.resize(1100, 760)
    app.library.filter_bar.age.setCurrentIndex(app.library.filter_bar.age.findData(3))
    app.library.close()
    assert (paths.config / "windows.ini").read_text("utf-8").count("geometry") == 1
    assert json.loads(paths.settings.read_text("utf-8"))["last_library_filter"]["age"] == 3


def test_run_gui_runs_and_exits_cleanly(tmp_path: Path):
    """The real entry point, in its own process: start, paint, close, exit 0."""
    code = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from touchstory.app import run_gui
        from touchstory.cli.main import build_parser
        from touchstory.paths import UserPaths
        qt = QApplication(["touchstory"])
        QTimer.singleShot(1500, lambda: [w.close() for w in QApplication.topLevelWidgets()])
        sys.exit(run_gui(build_parser().parse_args(["library"]), UserPaths.default()))
    """)
    env = {**os.environ, "TOUCHSTORY_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "home" / "config" / "windows.ini").exists()
    assert (tmp_path / "home" / "data" / "journal.sqlite3").exists()


def test_no_screen_is_explained_not_crashed(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["TOUCHSTORY_HOME"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "touchstory"], env=env, capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 3 and "no screen" in result.stderr


def test_one_application_and_no_globals(qtbot, started):
    app = started("library")
    assert QApplication.instance() is not None
    assert app.library.parent() is None and app.player is None
    assert not hasattr(app_mod, "APP") and not hasattr(app_mod, "app")
    assert isinstance(app.settings, Settings)


def test_settings_get_the_voices_and_a_preview_that_really_plays(qtbot, started, tmp_path: Path):
    from touchstory.speech.fake import FAKE_VOICES, FakeSpeechEngine

    app = started(backends=app_mod.Backends(engine=lambda: FakeSpeechEngine(tmp_path / "voice")))
    qtbot.waitUntil(lambda: app.library._voices is not None, timeout=10_000)  # offered after the first paint
    assert [v.id for v in app.library._voices()] == [v.id for v in FAKE_VOICES]
    assert app.library._narration_problem is None
    app.library._preview("fake/en", "en-GB", 125)
    qtbot.waitUntil(lambda: app.sound is not None and app.sound.mixer.voice_playing(), timeout=10_000)


def test_a_story_with_warnings_plays_with_a_notice(qtbot, started, tmp_path: Path):
    story = tmp_path / "noted.story"
    story.write_text("title: Noted\n# One\npicture: gone.svg | A hill\n[calm] Hello, hill.\n", encoding="utf-8")
    app = started("play", str(story))
    qtbot.waitUntil(lambda: app.player is not None, timeout=10_000)
    toast = app.player.toast
    assert toast.isVisible()
    assert toast.text() == ('This story plays, with something worth a look at line 3: picture file "gone.svg" was '
                            "not found next to the story; a soft placeholder with the description is shown instead. "
                            "To see every note: touchstory check noted.story")
    app.player.leave()
