"""Classroom mode opened from the library (its Classroom button or File menu):
app.py opens the projector and console, hides the library while they run and
brings it back when the teacher closes them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from test_library_kit import write_broken
from touchstory import app as app_mod
from touchstory.cli.main import build_parser
from touchstory.paths import UserPaths
from touchstory.resources import bundled_stories_dir
from touchstory.ui.library.window import PROBLEMS_PAGE

UNDER_THE_SEA = bundled_stories_dir() / "under-the-sea" / "under-the-sea.story"


@pytest.fixture
def app(qtbot, tmp_path: Path):
    paths = UserPaths(tmp_path / "home" / "data", tmp_path / "home" / "config", tmp_path / "home" / "cache")
    made, code = app_mod.build(build_parser().parse_args(["library"]), paths)
    assert made is not None, code
    qtbot.addWidget(made.library)
    yield made
    made.library.close()
    made.shutdown()


def test_the_library_opens_classroom_mode_and_comes_back_when_it_closes(qtbot, app):
    app.library.classroom_requested.emit(UNDER_THE_SEA)
    classroom = app.classroom
    assert classroom is not None
    assert classroom.group.plan.title == "Under the Sea"
    assert classroom.projector.isVisible() and classroom.console.isVisible()
    assert not app.library.isVisible(), "the library steps aside while the class watches"
    classroom.console.close()  # the teacher closes the console's window
    assert app.classroom is None
    assert not classroom.projector.isVisible()
    assert app.library.isVisible()
    app.library.classroom_requested.emit(None)  # and again, with the usual classroom story
    assert app.classroom is not None and app.classroom.group.plan.title == "The Four Seasons"
    app.classroom.close()
    assert app.library.isVisible()


def test_a_broken_story_from_the_library_shows_its_problems(qtbot, app, tmp_path: Path):
    broken = write_broken(tmp_path / "class")
    app.library.classroom_requested.emit(broken)
    assert app.classroom is None
    assert app.library.isVisible() and app.library.pages.currentIndex() == PROBLEMS_PAGE


SCRIPT = r'''
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from touchstory import app as app_mod
from touchstory.cli.main import build_parser
from touchstory.paths import UserPaths

qt = QApplication([])
home = Path(sys.argv[1])
app, code = app_mod.build(build_parser().parse_args(["library"]), UserPaths(home / "d", home / "c", home / "k"))
seen = []

def open_it():
    app.library.classroom_requested.emit(None)
    seen.append(("open", app.library.isVisible(), app.classroom is not None))
    QTimer.singleShot(200, close_it)

def close_it():
    app.classroom.console.close()
    QTimer.singleShot(300, still_there)

def still_there():
    seen.append(("closed", app.library.isVisible()))
    print("SEEN", seen, flush=True)
    qt.exit(7)  # the app was still running after the classroom closed

QTimer.singleShot(200, open_it)
qt.aboutToQuit.connect(app.shutdown)
sys.exit(qt.exec())
'''


def test_closing_the_classroom_does_not_quit_the_app(tmp_path: Path):
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "home")], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                                   # this checkout's touchstory, not the venv's install
                                                   "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert done.returncode == 7, f"exit {done.returncode}\n{done.stdout}\n{done.stderr[-2000:]}"
    assert "SEEN [('open', False, True), ('closed', True)]" in done.stdout


def test_the_classroom_gets_the_apps_sound_and_voice(qtbot, tmp_path: Path):
    """The round timer's chime and narrated mode go through the same live sound
    and narrator as the player: a spoken line's end moves the class on."""
    from touchstory.pacing.session import Mode
    from touchstory.speech.fake import FakeSpeechEngine

    paths = UserPaths(tmp_path / "d", tmp_path / "c", tmp_path / "k")
    made = app_mod.Touchstory(paths, backends=app_mod.Backends(engine=lambda: FakeSpeechEngine(tmp_path / "v")))
    qtbot.addWidget(made.library)
    try:
        made.library.classroom_requested.emit(UNDER_THE_SEA)
        c = made.classroom
        assert c is not None and c.mixer is made.sound and c.narrator is made.narration
        cues: list[bool] = []
        made.sound.mixer.play_cue = lambda sound=None: cues.append(True)  # count, don't ring
        c.mixer.play_cue()
        assert cues == [True]
        c.console.mode_box.setCurrentIndex(1)
        assert c.group.mode is Mode.NARRATED
        story_step = next(i for i, step in enumerate(c.group.plan.steps) if step.kind.name == "STORY")
        c.group.goto(story_step)
        c.group.next()
        first = c.projector.shown_text()
        heard: list[int] = []
        made.narration.speech_finished.connect(heard.append)
        qtbot.waitUntil(lambda: bool(heard), timeout=20_000)  # spoken in real time by the silent output
        assert c.projector.shown_text() == first, "after the words, the stroke's own time"
    finally:
        c = made.classroom
        if c is not None:
            c.close()
        made.library.close()
        made.shutdown()
