"""Builds touchstory's objects and wires its windows: the one place that knows
them all. `run_gui(args, paths)` is what `touchstory`, `touchstory library` and
`touchstory play` end up in (see cli/main.py); `Touchstory` holds one running app.

Nothing here is global: one QApplication, and one Touchstory object that owns
the stroke packs, the settings store, the journal, a small thread pool, the
library window and (while a story plays) the player window.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Qt-free modules first: once PySide6 is imported, every later import goes
# through its import hook, which makes start-up a little slower.
from touchstory.cli.exits import EXIT_OK, EXIT_USAGE
from touchstory.errors import SettingsError, StoryError
from touchstory.journal.settings import Pace, Settings, SettingsStore
from touchstory.journal.story_keys import story_key
from touchstory.paths import UserPaths
from touchstory.resources import bundled_stories_dir

if TYPE_CHECKING:  # loaded when first used, after the first paint (see `packs` and `journal`)
    from touchstory.journal.store import Journal
    from touchstory.pacing.pace import PaceEstimator
    from touchstory.story.library import StoryEntry
    from touchstory.story.model import Problem
    from touchstory.story.packs import PackRegistry

from PySide6.QtCore import QEvent, QObject, QSettings, QThreadPool, QTimer  # noqa: E402,I001
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from touchstory.ui import collector  # noqa: E402
from touchstory.ui.library import LibraryWindow  # noqa: E402
from touchstory.ui.sound.sound_and_voice import Backends, SoundAndVoice
from touchstory.ui.theme import Theme, theme_for_now

THEME_CHECK_MS = 30_000  # how often "auto" looks at the clock for bedtime
SERVICES_DELAY_MS = 1200  # look for the voice engine once the first window has painted

def warnings_notice(warnings: Sequence[Problem]) -> str:
    """The player's notice for a story that plays with warnings: the first one, and
    where to see them all (the words are the shell's; the problems are data)."""
    first = warnings[0]
    more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
    name = Path(first.loc.path).name
    return (f"This story plays, with something worth a look at line {first.loc.line}: {first.message}{more}. "
            f"To see every note: touchstory check {name}")

class Touchstory(QObject):
    """One running touchstory: the objects and the windows, wired together."""

    def __init__(self, paths: UserPaths, now: Callable[[], datetime] = datetime.now,
                 parent: QObject | None = None, backends: Backends = Backends()) -> None:
        super().__init__(parent)
        self.paths = paths
        self._now = now
        self.pace_model: PaceEstimator | None = None  # learns the reader's rhythm across stories; see play
        self.narrate_next = False  # `touchstory play --narrate`: the first story starts hands-free
        notices: list[str] = []
        try:
            paths.ensure()
        except OSError as exc:
            notices.append(f"touchstory could not make its folders ({exc}); your changes may not be kept.")
        self._packs: PackRegistry | None = None  # read at first use: see `packs`
        self.store = SettingsStore(paths.settings)
        self.settings, notice = self.store.load()
        notices.extend([notice] if notice else [])
        self.voice = SoundAndVoice(paths, self.settings, backends, parent=self)
        bundled = bundled_stories_dir()
        self._journal: Journal | None = None  # opened at first use: see `journal`
        self.children: Any = None  # ui/profiles/link.ProfileLink, made with the journal
        self.how_it_went: Any = None  # the card offered after the last story
        self._player_opened = 0.0
        self.window_state = QSettings(str(paths.config / "windows.ini"), QSettings.Format.IniFormat, self)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)  # enough to read stories and pictures; leaves a core for the GUI
        self.theme: Theme = theme_for_now(self.settings, now())
        self.player: QWidget | None = None
        self.classroom: QObject | None = None  # kept alive while classroom mode runs
        self._ended_classroom: QObject | None = None  # still unwinding its close()
        self.library = LibraryWindow(
            sources=self._sources(), packs=lambda: self.packs, journal=lambda: self.journal,
            settings=self.settings,
            theme=self.theme, pool=self.pool, bundled_root=bundled, stories_folder=paths.stories,
            cache_dir=paths.cache, window_state=self.window_state, format_help=bundled / "FORMAT.md")
        for text in notices:
            self.library.show_notice(text)
        self._theme_timer = QTimer(self)
        self._theme_timer.setInterval(THEME_CHECK_MS)
        self._connect_signals()
        self._theme_timer.start()
        QTimer.singleShot(SERVICES_DELAY_MS, self._offer_sound_services)

    # the sound and voice, as the player, classroom and tests see them
    @property
    def sound(self) -> Any:
        return self.voice.sound

    @property
    def narration(self) -> Any:
        return self.voice.narration

    @property
    def narration_problem(self) -> str | None:
        return self.voice.narration_problem

    @property
    def packs(self) -> PackRegistry:
        """The stroke packs, read when first needed: by the library's first scan,
        which starts once the window has painted. Their problems become notices."""
        if self._packs is None:
            from touchstory.story.packs import PackRegistry  # deferred for start-up: the story model and pack files

            self._packs = PackRegistry.default(self.paths.packs)
            for problem in self._packs.problems:
                self.library.show_notice(f"A stroke pack has a problem: {problem.header()}")
        return self._packs

    @property
    def journal(self) -> Journal:
        """The journal, opened when first needed (the library's first scan, after it
        has painted). A damaged one is kept aside and a notice says so."""
        if self._journal is None:
            from touchstory.journal.store import Journal  # deferred for start-up: sqlite3 and the journal's types

            bundled = bundled_stories_dir()
            self._journal, notice = Journal.open(self.paths.journal,
                                                 story_key=partial(story_key, bundled_root=bundled))
            if notice:
                self.library.show_notice(notice)
            self._attach_profiles()
        return self._journal

    def _attach_profiles(self) -> None:
        """"Who is it for tonight?" under the library header, once the journal is open
        (after the first paint, so start-up never waits for it)."""
        from touchstory.ui.profiles.link import ProfileLink

        self.children = ProfileLink(lambda: self.journal, lambda: self.packs.get("story"), lambda: self.theme,
                                    self.library, parent=self.library)
        self.library.page.top.insertWidget(1, self.children.chooser)

    def _sources(self) -> list[tuple[str, Path]]:
        sources = [("bundled", bundled_stories_dir())]
        if self.paths.stories.is_dir():
            sources.append(("mine", self.paths.stories))
        return sources

    def _connect_signals(self) -> None:
        self.library.play_requested.connect(self._on_library_play_requested)
        self.library.classroom_requested.connect(self._on_library_classroom_requested)
        self.library.settings_changed.connect(self._on_settings_changed)
        self._theme_timer.timeout.connect(self._on_theme_timer_timeout)
        self.voice.problem_changed.connect(self._on_sound_problem_changed)

    # -- starting ---------------------------------------------------------------------------

    def open_library(self, extra: list[Path] | None = None) -> None:
        self.library.show()
        self.library.load_when_painted()
        missing = [p for p in extra or [] if not p.exists()]
        for path in missing:
            self.library.show_notice(f"{path} was not found, so it is not in the library.")
        present = [p for p in extra or [] if p.exists()]
        if present:
            self.library.open_paths(present)

    def play(self, story: Path) -> None:
        """Open one story straight into the player; the library reads itself in the
        background for when the player is closed (or shows the problems)."""
        self.library.load()
        if story.is_dir():
            self.open_library([])
        self.library.open_paths([story])

    # -- the player -------------------------------------------------------------------------

    def _on_library_play_requested(self, entry: StoryEntry, start_line: int) -> None:
        if entry.story is None:
            return  # a story with errors opens into its problems view, never here
        from touchstory.ui.player import PlayerWindow  # ~80 ms of imports: not before a story is played
        self.close_player()
        self._player_opened = time.time()  # the session this player writes starts after this
        story = entry.story
        if self.children is not None:  # the child for tonight: substitutes, place, pressure
            story = self.children.adapted(story, self.packs.get(story.meta.pack)).story
        sound, narration = self.voice.make()
        settings = self.settings
        asked_for_narration = self.narrate_next
        if asked_for_narration and narration is not None:
            settings = dataclasses.replace(settings, pace=Pace.NARRATED)
        self.narrate_next = False
        save_settings: Callable[[Settings], None] = self._on_settings_changed
        if self.children is not None:  # the child's favourite sound and voice speed, for this story
            settings, save_settings = self.children.settings_for_tonight(settings, save_settings)
        if self.pace_model is None:
            from touchstory.pacing.pace import PaceEstimator  # deferred for start-up, like the player itself

            self.pace_model = PaceEstimator()
        player = PlayerWindow(story, self.packs.get(story.meta.pack), settings, journal=self.journal,
                              theme=self.theme, start_line=start_line or None,
                              on_settings_changed=save_settings, mixer=sound,
                              narrator=narration, pace_model=self.pace_model)
        self.voice.lend_to_player(player, tell_if_missing=asked_for_narration)
        player.setWindowTitle(f"touchstory: {story.title}")
        player.installEventFilter(self)
        player.closed.connect(self._on_player_closed)
        if self.library.isFullScreen():
            player.showFullScreen()
        else:
            player.setGeometry(self.library.geometry() if self.library.isVisible() else player.geometry())
            if not self.library.isVisible():
                player.resize(self.library.size())
            player.show()
        self.player = player
        if story.warnings:  # FORMAT.md: warnings let the story play, with a notice
            player.show_notice(warnings_notice(story.warnings))
        self.library.hide()  # after the player shows, so the screen never flashes empty

    def _offer_sound_services(self) -> None:
        """After the library has painted: find out whether there is a voice (~70 ms),
        so Settings can say so, and hand Settings its voice list and preview."""
        self.voice.engine()
        self.library.set_sound_services(voices=self.voice.voices, preview=self.voice.preview,
                                        narration_problem=self.narration_problem, sound_available=True)

    def _on_sound_problem_changed(self, text: str) -> None:
        notice = getattr(self.player, "show_notice", None)
        if callable(notice):
            notice(text)
        else:
            self.library.show_notice(text)

    def close_player(self) -> None:
        player, self.player = self.player, None
        if player is not None:
            self.voice.take_back(player)
            player.removeEventFilter(self)
            player.close()
            player.deleteLater()

    def _on_player_closed(self) -> None:
        """The reader left the player (Stop, Back to stories, or closing its window)."""
        player, self.player = self.player, None
        if player is None:
            return
        self.voice.take_back(player)
        player.removeEventFilter(self)
        # Show the library before the player goes, so there is always a window
        # (and Qt does not take the last window closing as "quit").
        if not self.library.isVisible():
            if player.isFullScreen():
                self.library.showFullScreen()
            else:
                self.library.show()
        self.library.refresh_journal()
        self.library.raise_()
        self.library.activateWindow()
        if self.children is not None:  # "How it went", for the session just ended
            from touchstory.ui.journal.after import offer_how_it_went

            self.how_it_went = offer_how_it_went(self.journal, self._player_opened, self.children.current(),
                                                 self.theme, self.library)
        player.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Closing the player's window (title bar X, Alt+F4) goes back to the library.
        if watched is self.player and event.type() == QEvent.Type.Close:
            self._on_player_closed()
        return False

    # -- classroom mode (from the library) ---------------------------------------------------------

    def _on_library_classroom_requested(self, story: Path | None) -> None:
        """Projector and console for `story` (None: the usual classroom story); the
        library hides while they run. A story with errors shows its problems instead."""
        if self.classroom is not None or _classroom(argparse.Namespace(target=story), self) is not None:
            return
        if self.classroom is not None:
            self.classroom.closed.connect(self._on_classroom_closed)
            self.library.hide()  # after the classroom's windows show, so the screen never flashes empty

    def _on_classroom_closed(self) -> None:
        # Showing the library now cancels Qt's quit on the last window closing. The
        # controller is kept until the next classroom: it is still unwinding its close().
        self._ended_classroom, self.classroom = self.classroom, None
        if self._ended_classroom is not None:
            self.voice.take_back(self._ended_classroom)
        self.library.show()
        self.library.raise_()
        self.library.activateWindow()

    # -- settings and theme ---------------------------------------------------------------------

    def _on_settings_changed(self, settings: Settings) -> None:
        old, self.settings = self.settings, settings
        try:
            self.store.save(settings)
        except SettingsError as exc:
            self.library.show_notice(f"Your settings could not be saved: {exc}")
        self.library.set_settings(settings)
        self.voice.apply_settings(settings)
        apply_settings = getattr(self.player, "apply_settings", None)
        if callable(apply_settings):
            apply_settings(settings)
        if _looks(settings) != _looks(old):
            self._retheme(force=True)  # not for a volume slider: restyling every window is slow

    def _on_theme_timer_timeout(self) -> None:
        self._retheme(force=False)

    def _retheme(self, force: bool) -> None:
        theme = theme_for_now(self.settings, self._now())
        if theme == self.theme and not force:
            return
        changed = theme != self.theme
        self.theme = theme
        if changed or force:
            self.library.set_theme(theme)
            for window in (self.player, self.classroom):
                set_theme = getattr(window, "set_theme", None)
                if callable(set_theme):
                    set_theme(theme)

    def shutdown(self) -> None:
        """Before quitting: stop the timers, let running reads finish, close the journal."""
        self._theme_timer.stop()
        self.close_player()
        close_classroom = getattr(self.classroom, "close", None)
        if callable(close_classroom):
            close_classroom()
        self.classroom = None
        self.library.stop_background_work()
        self.pool.clear()
        self.pool.waitForDone(3000)
        self.voice.shutdown()
        if self._journal is not None:
            self._journal.close()


def _looks(settings: Settings) -> tuple:
    """The settings that change how windows look."""
    return (settings.theme, settings.bedtime_start, settings.bedtime_end, settings.text_scale,
            settings.dyslexia_spacing)


def _classroom(args: argparse.Namespace, app: Touchstory) -> int | None:
    """Open the projector and the console; a plan or story with errors opens the
    library's problems view instead."""
    from touchstory.pacing.clock import MonotonicClock  # deferred for start-up, as the classroom is
    from touchstory.ui.classroom import open_classroom  # its windows are only built in classroom mode

    target = Path(args.target) if args.target else None
    sound, narration = app.voice.make()  # the round timer's chime; narration when chosen
    try:
        app.classroom = open_classroom(target, packs=app.packs, settings=app.settings, paths=app.paths,
                                       clock=MonotonicClock(), theme=app.theme, mixer=sound, narrator=narration)
    except StoryError as exc:
        first = Path(exc.problems[0].loc.path) if exc.problems else (target or Path("classroom"))
        app.library.load()
        app.library.show_file_problems(first, list(exc.problems))
        return None
    app.classroom.settings_changed.connect(app._on_settings_changed)
    if narration is not None:
        narration.speech_finished.connect(app.classroom.speech_finished)
    return None


def build(args: argparse.Namespace, paths: UserPaths) -> tuple[Touchstory | None, int | None]:
    """Make the app's objects for a command and open its first window. Returns the
    app, or an exit code when there is nothing to run. Needs a QApplication."""
    command = getattr(args, "command", None) or "library"
    if command == "play" and not Path(args.story).exists():
        print(f"touchstory: {args.story}: no such file", file=sys.stderr)
        return None, EXIT_USAGE
    if command == "classroom" and args.target is not None and not Path(args.target).exists():
        print(f"touchstory: {args.target}: no such file or folder", file=sys.stderr)
        return None, EXIT_USAGE
    app = Touchstory(paths)
    if command == "play":
        app.narrate_next = bool(getattr(args, "narrate", False))
        app.play(Path(args.story))
    elif command == "classroom":
        code = _classroom(args, app)
        if code is not None:
            return None, code
    else:
        app.open_library(list(getattr(args, "paths", None) or []))
    return app, None


def run_gui(args: argparse.Namespace, paths: UserPaths) -> int:
    """Open touchstory's windows for `args` and run until the last one closes."""
    qt_app = QApplication.instance()
    if not isinstance(qt_app, QApplication):
        qt_app = QApplication([sys.argv[0] if sys.argv else "touchstory"])
    qt_app.setApplicationName("touchstory")
    qt_app.setApplicationDisplayName("touchstory")
    qt_app.setOrganizationName("touchstory")
    qt_app.setDesktopFileName("touchstory")
    collector.install(qt_app)  # Python's garbage collector runs from the event loop, never mid-paint
    app, code = build(args, paths)
    if app is None:
        return code if code is not None else EXIT_OK
    qt_app.aboutToQuit.connect(app.shutdown)
    return int(qt_app.exec())
