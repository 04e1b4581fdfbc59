"""The library's menus: the menu bar (File: open a story or a folder, your
stories folder, an audio file of the chosen story, classroom mode, Settings,
Quit; View: search, look again, full screen; Help: keys, how to write a story,
about) and the menu of a story card. Actions that only need a dialog or the
desktop live here; the rest call the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from touchstory import __version__
from touchstory.ui.library.model import Role

if TYPE_CHECKING:  # the window imports this module; only its type is needed here
    from touchstory.story.library import StoryEntry
    from touchstory.ui.export.dialog import ExportDialog
    from touchstory.ui.library.window import LibraryWindow

ABOUT = ("<b>touchstory {version}</b><p>Story massage, line by line: stories and rhymes where every line "
         "carries a gentle massage stroke.</p><p>It is not a therapy and makes no medical claims. Always ask "
         "first, and stop whenever the child wants to.</p>")


def _open_local(path: Path) -> None:
    """Open a file or folder in the desktop's own app. QDesktopServices and QUrl are
    looked up through their modules here, when used: the first paint needs neither."""
    QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))


def _action(menu: QMenu, text: str, slot: Callable[[], object],
            keys: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
    action = menu.addAction(text)
    if keys is not None:
        action.setShortcut(QKeySequence(keys))
    action.triggered.connect(slot)
    return action


class LibraryMenus(QObject):
    def __init__(self, window: "LibraryWindow", stories_folder: Path, format_help: Path | None, *,
                 cache_dir: Path | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._cache_dir = cache_dir
        self._stories_folder = stories_folder
        self._format_help = format_help
        bar = window.menuBar()
        file = bar.addMenu("&File")
        _action(file, "&Open a story…", self._on_open_file_triggered, QKeySequence.StandardKey.Open)
        _action(file, "Open a &folder of stories…", self._on_open_folder_triggered)
        _action(file, "Open your &stories folder", self._on_stories_folder_triggered)
        self.audio_file_action = _action(file, "Make an &audio file of the chosen story…",
                                         self._on_audio_file_triggered)
        file.addSeparator()
        self.classroom_action = _action(file, "&Classroom mode…", self._on_classroom_triggered)
        self.classroom_action.setStatusTip("The selected classroom story (or the usual one) on a projector, "
                                           "with a teacher's console")
        file.addSeparator()
        _action(file, "&Settings…", window.open_settings, "Ctrl+,")
        file.addSeparator()
        _action(file, "&Quit", window.close, QKeySequence.StandardKey.Quit)
        view = bar.addMenu("&View")
        _action(view, "&Search", self._on_search_triggered, QKeySequence.StandardKey.Find)
        _action(view, "Look for new stories again", window.load, QKeySequence.StandardKey.Refresh)
        _action(view, "&Full screen", self._on_full_screen_triggered, "F11")
        help_menu = bar.addMenu("&Help")
        _action(help_menu, "&Keys", window.show_keys, "F1")
        _action(help_menu, "How to &write a story", self.show_format_help)
        _action(help_menu, "&About touchstory", self._on_about_triggered)

    def show_card_menu(self, pos: QPoint) -> None:
        """Right-click (or the menu key) on a card."""
        window = self._window
        index = window.grid.indexAt(pos)
        entry: StoryEntry | None = index.data(Role.ENTRY) if index.isValid() else None
        if entry is not None:
            self.card_menu(entry).exec(window.grid.viewport().mapToGlobal(pos))

    def card_menu(self, entry: "StoryEntry") -> QMenu:
        """A card's menu: play, play from the start, classroom mode (a classroom
        story), favourite, its problems, its folder."""
        window = self._window
        menu = QMenu(window)
        if entry.playable:
            menu.addAction("Play").triggered.connect(lambda: window.open_entry(entry))
            menu.addAction("Play from the beginning").triggered.connect(lambda: window.open_entry(entry, 0))
        from touchstory.story.model import Kind  # deferred for start-up; loaded with the cards by now

        if entry.playable and entry.kind is Kind.CLASSROOM:
            menu.addAction("Open in classroom mode").triggered.connect(lambda: window.open_classroom(entry))
        starred = window.model.is_favourite(window.model.key(entry))
        menu.addAction("Remove from favourites" if starred else "Add to favourites").triggered.connect(
            lambda: window.toggle_favourite(entry))
        if entry.problems:
            menu.addAction("Show problems").triggered.connect(lambda: window.show_problems(entry))
        if entry.playable:
            menu.addAction("Make an audio file…").triggered.connect(lambda: self.make_audio_file(entry))
        menu.addAction("Show the story's folder").triggered.connect(
            lambda: _open_local(entry.path.parent))
        for extra in getattr(window, "card_menu_extras", ()):  # e.g. ui/profiles/link.py: print, short version
            extra(menu, entry)
        return menu

    def make_audio_file(self, entry: "StoryEntry | None" = None) -> "ExportDialog | None":
        """The "Make an audio file" dialog for `entry` (else the chosen card). It opens
        over the library and makes the file in its own background thread."""
        window = self._window
        chosen = window.grid.currentIndex()
        if entry is None and window.pages.currentWidget() is window.page and chosen.isValid():
            entry = chosen.data(Role.ENTRY)
        if entry is None:
            window.show_notice("Choose a story first (click its card), then make its audio file.")
            return None
        if not entry.playable or entry.story is None:
            window.show_notice(f"“{entry.title}” has problems to fix before it can become an audio file.")
            return None
        from touchstory.ui.export.dialog import ExportDialog  # see _on_open_file_triggered

        story = entry.story
        pack = window.packs.get(story.meta.pack)
        dialog = ExportDialog(story, pack, theme=window.theme, settings=window.settings,
                              cache_dir=self._cache_dir, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_format_help(self) -> None:
        if self._format_help is not None and self._format_help.is_file():
            _open_local(self._format_help)
        else:
            self._window.show_notice("The guide to writing stories (FORMAT.md) was not found next to the "
                                     "bundled stories.")

    def _on_open_file_triggered(self) -> None:
        # Dialog classes are imported when first used: each Qt class imported at
        # start-up costs the creation of all its enums before the first paint.
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self._window, "Open a story", str(self._stories_folder),
                                              "Stories (*.story);;All files (*)")
        if name:
            self._window.open_paths([Path(name)])

    def _on_open_folder_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # see _on_open_file_triggered

        name = QFileDialog.getExistingDirectory(self._window, "Open a folder of stories", str(self._stories_folder))
        if name:
            self._window.open_paths([Path(name)])

    def _on_stories_folder_triggered(self) -> None:
        try:
            self._stories_folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._window.show_notice(f"Your stories folder {self._stories_folder} could not be made: "
                                     f"{exc.strerror}.")
            return
        _open_local(self._stories_folder)

    def _on_classroom_triggered(self) -> None:
        self._window.open_classroom()

    def _on_audio_file_triggered(self) -> None:
        self.make_audio_file()

    def _on_search_triggered(self) -> None:
        window = self._window
        window.show_library()
        window.filter_bar.search.setFocus()
        window.filter_bar.search.selectAll()

    def _on_full_screen_triggered(self) -> None:
        self._window.setWindowState(self._window.windowState() ^ Qt.WindowState.WindowFullScreen)

    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # see _on_open_file_triggered

        QMessageBox.about(self._window, "About touchstory", ABOUT.format(version=__version__))
