"""The library window: every story as a card, with filters, search, favourites,
"continue where you stopped", File > Open and drag and drop. A story with
errors opens into the problems view instead of the player.

The window asks for a story to be played (`play_requested`) or for classroom
mode (`classroom_requested`); app.py decides what plays it. Reading stories
and pictures happens off the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent, QDragEnterEvent, QDropEvent, QImage, QKeyEvent, QPaintEvent,
)
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from touchstory.journal.settings import LibraryFilter, Settings
from touchstory.journal.story_keys import path_for_key
from touchstory.ui.library.filters import kind_choices, mood_choices, when_text
from touchstory.ui.library.menus import LibraryMenus
from touchstory.ui.library.model import LibraryModel, LibraryProxy, Role
from touchstory.ui.library.page import LibraryPage
from touchstory.ui.library.tasks import TaskRunner
from touchstory.ui.library.style import apply_library_theme
from touchstory.ui.library.thumbnails import ThumbnailLoader
from touchstory.ui.theme import Theme

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    # The story reader (parser, packs, model) is imported when the first scan runs,
    # after the window has painted: see scan_library below.
    from touchstory.journal.store import Journal
    from touchstory.speech.engine import Voice
    from touchstory.story.library import StoryEntry
    from touchstory.story.model import Problem
    from touchstory.story.packs import PackRegistry
    from touchstory.ui.library.problems import ProblemsView
    from touchstory.ui.strokes.practice import StrokesPage

LIBRARY_PAGE, PROBLEMS_PAGE = 0, 1
STORY_SUFFIX = ".story"  # as touchstory.story.library.STORY_SUFFIX (not imported before the first paint)


def dropped_paths(urls: Sequence[QUrl]) -> list[Path]:
    """The .story files and folders among dropped URLs (anything else is ignored)."""
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() == STORY_SUFFIX]


def scan_library(sources: Sequence[tuple[str, Path]], packs: PackRegistry) -> list[StoryEntry]:
    """touchstory.story.library.scan_library, imported at the first scan (in the
    pool, after the first paint) rather than with the window."""
    from touchstory.story.library import scan_library as scan  # deferred for start-up (parser, model)

    return scan(sources, packs)


def check_story(path: Path, packs: PackRegistry) -> StoryEntry:
    """One story read again, as the library shows it (in the pool)."""
    from touchstory.story.library import read_entry  # deferred for start-up, as in scan_library

    return read_entry(path, packs, "opened")


class LibraryWindow(QMainWindow):
    play_requested = Signal(object, int)  # StoryEntry (playable), line to start at (1-based; 0 = the beginning)
    classroom_requested = Signal(object)  # Path of a classroom story, or None: the usual classroom story
    settings_changed = Signal(object)  # Settings: from the dialog, or the filters when closing
    scan_finished = Signal()

    def __init__(self, *, sources: Sequence[tuple[str, Path]], packs: PackRegistry | Callable[[], PackRegistry],
                 journal: Journal | Callable[[], Journal],
                 settings: Settings, theme: Theme, pool: QThreadPool, bundled_root: Path, stories_folder: Path,
                 cache_dir: Path | None = None, window_state: QSettings | None = None,
                 sound_available: bool = False, format_help: Path | None = None,
                 now: Callable[[], float] = time.time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sources = list(sources)
        self._packs, self._journal, self._settings, self._theme = packs, journal, settings, theme
        self._bundled_root = bundled_root
        self._window_state, self._sound_available, self._now = window_state, sound_available, now
        self._voices: Callable[[], list[Voice]] | None = None  # see set_sound_services
        self._preview: Callable[[str, str, int], None] | None = None
        self._narration_problem: str | None = None
        self._scanned = False
        self._load_pending = False
        self.runner = TaskRunner(pool, self)
        self.thumbnails = ThumbnailLoader(cache_dir / "thumbnails" if cache_dir else None, pool, parent=self)
        self.setWindowTitle("touchstory: stories")
        self.setAcceptDrops(True)
        self._build(settings)
        self.menus = LibraryMenus(self, stories_folder, format_help, cache_dir=cache_dir)
        self._connect_signals()
        self.set_theme(theme)
        self._restore_geometry()

    # -- building -------------------------------------------------------------------------------

    def _build(self, settings: Settings) -> None:
        self.model = LibraryModel(self._story_key, self)
        self.proxy = LibraryProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(0)
        self.proxy.set_filter(replace(settings.last_library_filter, search=""))

        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.page = LibraryPage(self._theme, self.proxy.filter, self.proxy)
        self.pages.addWidget(self.page)
        page = self.page  # the parts the window works with, by their own names
        self.heading, self.filter_bar, self.settings_button = page.heading, page.filter_bar, page.settings_button
        self.classroom_button = page.classroom_button
        self.strokes_button = page.strokes_button
        self._strokes: StrokesPage | None = None
        self.notice_bar, self.continue_bar, self.grid = page.notice_bar, page.continue_bar, page.grid
        self.views, self.empty_label, self.show_all_button = page.views, page.empty_label, page.show_all_button

        self._problems: ProblemsView | None = None  # made when first needed

    def _connect_signals(self) -> None:
        self.filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self.filter_bar.search.returnPressed.connect(self._on_search_return_pressed)
        self.grid.open_requested.connect(self._on_grid_open_requested)
        self.grid.favourite_requested.connect(self._on_grid_favourite_requested)
        self.grid.customContextMenuRequested.connect(self.menus.show_card_menu)
        self.proxy.rowsInserted.connect(self._update_view_state)
        self.proxy.rowsRemoved.connect(self._update_view_state)
        self.proxy.modelReset.connect(self._update_view_state)
        self.proxy.layoutChanged.connect(self._update_view_state)
        self.show_all_button.clicked.connect(self._on_show_all_button_clicked)
        self.settings_button.clicked.connect(self.open_settings)
        self.classroom_button.clicked.connect(self._on_classroom_button_clicked)
        self.strokes_button.clicked.connect(self.show_strokes)
        self.continue_bar.continue_requested.connect(self.open_entry)
        self.continue_bar.restart_requested.connect(self._on_continue_bar_restart_requested)
        self.thumbnails.ready.connect(self._on_thumbnails_ready)

    # -- public ---------------------------------------------------------------------------------

    @property
    def problems(self) -> ProblemsView:
        """The problems view, made the first time a story with problems is shown."""
        if self._problems is None:
            # Imported when first needed: its widgets are not on the first screen.
            from touchstory.ui.library.problems import ProblemsView

            self._problems = ProblemsView(self._theme)
            self.pages.addWidget(self._problems)
            self._problems.back_requested.connect(self.show_library)
            self._problems.check_again_requested.connect(self.check_again)
            self._problems.help_requested.connect(self.menus.show_format_help)
        return self._problems

    @property
    def journal(self) -> Journal:
        """The journal (favourites, where stories were left off). Like `packs`, the
        app passes a function that opens it when first asked."""
        return self._journal() if callable(self._journal) else self._journal

    @property
    def packs(self) -> PackRegistry:
        """The stroke packs. The app passes a function that reads them when first
        asked (the first scan, after the window has painted) instead of the registry."""
        return self._packs() if callable(self._packs) else self._packs

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_settings(self, settings: Settings) -> None:
        self._settings = settings

    def set_sound_services(self, *, voices: Callable[[], list[Voice]] | None = None,
                           preview: Callable[[str, str, int], None] | None = None,
                           narration_problem: str | None = None, sound_available: bool | None = None) -> None:
        """What the Settings dialog's "Voice and sound" page works with: `voices()`
        (blocking; the dialog runs it in the pool), `preview(voice_id, language,
        rate_wpm)`, and why there is no narration, if there is none."""
        self._voices, self._preview, self._narration_problem = voices, preview, narration_problem
        if sound_available is not None:
            self._sound_available = sound_available

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        apply_library_theme(self, theme)
        self.page.set_theme(theme)
        if self._problems is not None:
            self._problems.set_theme(theme)
        if self._strokes is not None:
            self._strokes.set_theme(theme)

    def stop_background_work(self) -> None:
        """Before the journal closes: answers from reads still running are dropped."""
        self.runner.forget_all()
        self.thumbnails.stop()

    def show_notice(self, text: str) -> None:
        self.notice_bar.show_notice(text)

    def load(self) -> None:
        """Read every story (off the GUI thread); cards appear when done. Stories
        opened before and starred or left part-way are found again too."""
        sources = list(self._sources)
        known = {str(root.resolve()) for _, root in sources}
        for key in self.journal.favourites() | {p.story for p in self.journal.unfinished(limit=20)}:
            path = path_for_key(key, self._bundled_root)
            if not key.startswith("bundled:") and str(path) not in known and path.is_file():
                sources.append(("opened", path))
        packs = self.packs
        self.runner.run(lambda: scan_library(sources, packs), self._on_scan_done, self._on_task_failed)

    def load_when_painted(self) -> None:
        """`load()` once the window is on screen: reading stories shares Python's
        interpreter lock with the GUI, so starting first would delay the first frame."""
        if self.isVisible():
            self._load_pending = True
            self.update()
        else:
            self.load()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._load_pending:
            self._load_pending = False
            QTimer.singleShot(0, self.load)

    def open_paths(self, paths: Sequence[Path]) -> None:
        """Add story files or folders (File > Open, drag and drop, command line). One
        file is opened straight away; a folder's stories are added to the cards."""
        paths = [Path(p) for p in paths]
        packs = self.packs
        self.runner.run(lambda: scan_library([("opened", p) for p in paths], packs),
                        lambda entries: self._on_paths_scanned(paths, entries), self._on_task_failed)

    def open_entry(self, entry: StoryEntry, start: int | None = None) -> None:
        """Play a story (from where it was left off unless `start` is given), or
        show its problems when it cannot be played."""
        if not entry.playable:
            self.show_problems(entry)
            return
        if start is None:
            progress = self.journal.progress(self.model.key(entry))
            start = progress.step if progress else 0
        self.play_requested.emit(entry, start)

    def open_classroom(self, entry: StoryEntry | None = None) -> None:
        """Ask for classroom mode: with `entry` (or the selected card) if it is a
        classroom story that can be played, else with the usual classroom story."""
        if entry is None and self.pages.currentIndex() == LIBRARY_PAGE:
            entry = self.grid.currentIndex().data(Role.ENTRY) if self.grid.currentIndex().isValid() else None
        from touchstory.story.model import Kind  # deferred for start-up; loaded by the scan by now

        wanted = entry is not None and entry.playable and entry.kind is Kind.CLASSROOM
        self.classroom_requested.emit(entry.path if wanted and entry is not None else None)

    def show_problems(self, entry: StoryEntry) -> None:
        self.show_file_problems(entry.path, list(entry.problems), entry.title)

    def show_file_problems(self, path: Path, problems: Sequence[Problem], title: str = "") -> None:
        """The problems view for any file (a story, or a classroom plan)."""
        title = title or path.stem.replace("-", " ").replace("_", " ").title()
        self.problems.show_problems(path, title, tuple(problems))
        self.pages.setCurrentIndex(PROBLEMS_PAGE)
        self._ensure_visible()

    def show_strokes(self, pack_id: str = "") -> None:
        """The Strokes page (every stroke, moving), with a way back to the stories."""
        if self._strokes is None:
            _ = self.problems  # the problems view keeps its page number (PROBLEMS_PAGE)
            from touchstory.ui.strokes.practice import StrokesPage  # deferred: not on the first screen

            self._strokes = StrokesPage(list(self.packs), self._theme)
            self.pages.addWidget(self._strokes)
            self._strokes.back_requested.connect(self.show_library)
        if pack_id:
            self._strokes.show_pack(pack_id)
        self.pages.setCurrentWidget(self._strokes)
        self._ensure_visible()
        self._strokes.back_button.setFocus()

    def show_library(self) -> None:
        self.pages.setCurrentIndex(LIBRARY_PAGE)
        self.grid.setFocus()

    def check_again(self, path: Path) -> None:
        packs = self.packs
        self.runner.run(lambda: check_story(path, packs), self._on_checked_again, self._on_task_failed)

    def refresh_journal(self) -> None:
        """Favourites and "continue" from the journal (after a story has played)."""
        self.model.set_favourites(self.journal.favourites())
        unfinished = self.journal.unfinished(limit=20)
        self.model.set_progress(unfinished)
        self.proxy.refilter()
        latest = next(((self.model.entry_for_key(p.story), p) for p in unfinished
                       if (e := self.model.entry_for_key(p.story)) is not None and e.playable), (None, None))
        entry, progress = latest
        self.continue_bar.show_progress(entry, progress, when_text(progress.updated, self._now()) if progress else "")

    def toggle_favourite(self, entry: StoryEntry) -> bool:
        key = self.model.key(entry)
        on = not self.model.is_favourite(key)
        self.journal.set_favourite(key, on, entry.title)
        self.model.set_favourite(key, on)
        self.proxy.refilter()
        return on

    def open_settings(self) -> None:
        # Imported when first opened: the dialogs are not needed to paint the library.
        from touchstory.ui.library.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._settings, self._theme, self._sound_available, self, voices=self._voices,
                                preview=self._preview, narration_problem=self._narration_problem)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self._settings = dialog.settings()
            self.settings_changed.emit(self._settings)

    def show_keys(self) -> None:
        from touchstory.ui.library.keys_dialog import KeysDialog  # see open_settings

        dialog = KeysDialog(self._theme, self)
        dialog.exec()

    # -- slots ----------------------------------------------------------------------------------

    def _on_scan_done(self, entries: list[StoryEntry]) -> None:
        self.model.set_entries(entries)
        self._scanned = True
        self._after_entries_changed(entries)
        if not self.grid.currentIndex().isValid() and self.proxy.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(0, 0))
        if not self.filter_bar.search.text():
            self.grid.setFocus()  # arrows and Enter work at once; typing a letter jumps to a title
        self.scan_finished.emit()

    def _after_entries_changed(self, entries: Sequence[StoryEntry]) -> None:
        for entry in entries:
            if entry.picture is not None:
                self.thumbnails.request(entry.picture)
        everything = self.model.entries()
        self.filter_bar.set_choices(mood_choices(everything), kind_choices(everything))
        self.refresh_journal()
        self._update_view_state()

    def _on_paths_scanned(self, paths: list[Path], entries: list[StoryEntry]) -> None:
        if not entries:
            names = ", ".join(p.name for p in paths)
            self.show_notice(f"No stories were found in {names}. touchstory opens .story files "
                             "and folders that hold them.")
            self._ensure_visible()
            return
        held = self.model.add_entries(entries)
        self._after_entries_changed(held)
        if len(paths) == 1 and paths[0].is_file() and len(held) == 1:
            self.open_entry(held[0])
            return
        hidden = [e for e in held if not self._is_shown(e)]
        if hidden:
            self.filter_bar.set_filter(LibraryFilter())
        self.show_library()
        self._ensure_visible()
        self._select(held[0])
        where = paths[0].name if len(paths) == 1 else f"{len(paths)} places"
        self.show_notice(f"Added {len(held)} stor{'y' if len(held) == 1 else 'ies'} from {where}.")

    def _on_checked_again(self, entry: StoryEntry) -> None:
        held = self.model.add_entries([entry])[0]
        self._after_entries_changed([held])
        self.problems.show_problems(held.path, held.title, held.problems)
        if held.playable:
            self.show_library()
            self._select(held)
            self.show_notice(f"“{held.title}” has no problems now and is ready to play.")

    def _on_task_failed(self, message: str) -> None:
        # Not expected (the parser reports problems, it does not raise): say so plainly.
        first = message.splitlines()[0] if message else "unknown error"
        self.show_notice(f"Something went wrong while reading stories ({first}). The stories already shown "
                         "still work.")
        self._update_view_state()

    def _on_thumbnails_ready(self, picture: str, image: QImage) -> None:
        if not image.isNull():
            self.model.set_thumbnail(picture, image)

    def _on_filter_bar_filter_changed(self, wanted: LibraryFilter) -> None:
        self.proxy.set_filter(wanted)
        self._update_view_state()

    def _on_search_return_pressed(self) -> None:
        self.filter_bar.flush()
        if self.proxy.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(0, 0))
            self.grid.setFocus()

    def _on_grid_open_requested(self, index: QModelIndex) -> None:
        entry = index.data(Role.ENTRY)
        if entry is not None:
            self.open_entry(entry)

    def _on_grid_favourite_requested(self, index: QModelIndex) -> None:
        entry = index.data(Role.ENTRY)
        if entry is not None:
            self.toggle_favourite(entry)

    def _on_show_all_button_clicked(self) -> None:
        self.filter_bar.set_filter(LibraryFilter())

    def _on_classroom_button_clicked(self) -> None:
        self.open_classroom()

    def _on_continue_bar_restart_requested(self, entry: StoryEntry) -> None:
        self.open_entry(entry, 0)

    # -- helpers --------------------------------------------------------------------------------

    def _story_key(self, path: Path) -> str:
        return self.journal.key(path)

    def _ensure_visible(self) -> None:
        # `touchstory play` starts with the library hidden; anything to say shows it.
        if not self.isVisible():
            self.show()

    def _is_shown(self, entry: StoryEntry) -> bool:
        return self._row_in_proxy(entry) >= 0

    def _row_in_proxy(self, entry: StoryEntry) -> int:
        source_row = self.model.row_of(self.model.key(entry))
        if source_row < 0:
            return -1
        return self.proxy.mapFromSource(self.model.index(source_row, 0)).row()

    def _select(self, entry: StoryEntry) -> None:
        row = self._row_in_proxy(entry)
        if row >= 0:
            index = self.proxy.index(row, 0)
            self.grid.setCurrentIndex(index)
            self.grid.scrollTo(index)

    def _update_view_state(self, *_args: object) -> None:
        self.page.show_state(self.proxy.rowCount(), self.model.rowCount(), self._scanned, self.proxy.filter)

    # -- window events --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self._window_state.value("library/geometry") if self._window_state is not None else None
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and (screen.width() < 1280 or screen.height() < 800):
            self.resize(round(screen.width() * 0.9), round(screen.height() * 0.9))
        else:
            self.resize(1280, 800)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.pages.currentIndex() == PROBLEMS_PAGE:
                self.show_library()
                return
            if self.isFullScreen():
                self.showNormal()
                return
            if self.filter_bar.search.text():
                self.filter_bar.search.clear()
                self.filter_bar.flush()
                return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and dropped_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData().urls())
        if not paths:
            self.show_notice("touchstory opens .story files and folders that hold them.")
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._window_state is not None:
            self._window_state.setValue("library/geometry", self.saveGeometry())
            self._window_state.sync()
        remembered = replace(self.filter_bar.filter, search="")  # a search is for now; filters are kept
        if remembered != self._settings.last_library_filter:
            self._settings = replace(self._settings, last_library_filter=remembered)
            self.settings_changed.emit(self._settings)
        super().closeEvent(event)
