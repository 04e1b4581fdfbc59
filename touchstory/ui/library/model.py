"""The library's Qt model: one row per story (entry, favourite, thumbnail, where it
was left off) and a proxy that applies the filters and the card order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QImage

from touchstory.journal.settings import LibraryFilter
from touchstory.ui.library.filters import length_note, matches, sort_key, spoken_summary

if TYPE_CHECKING:  # read by the first scan, after the window has painted
    from touchstory.journal.store import Progress
    from touchstory.story.library import StoryEntry

AnyIndex = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ENTRY = Qt.ItemDataRole.UserRole + 1
    FAVOURITE = Qt.ItemDataRole.UserRole + 2
    THUMBNAIL = Qt.ItemDataRole.UserRole + 3
    PROGRESS = Qt.ItemDataRole.UserRole + 4
    KEY = Qt.ItemDataRole.UserRole + 5


class LibraryModel(QAbstractListModel):
    """Stories in the order they were found; `key_for(path)` names them in the journal."""

    def __init__(self, key_for: Callable[[Path], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key_for = key_for
        self._entries: list[StoryEntry] = []
        self._keys: list[str] = []
        self._favourites: set[str] = set()
        self._progress: dict[str, Progress] = {}
        self._thumbs: dict[str, QImage] = {}  # picture path -> thumbnail

    # -- contents ----------------------------------------------------------------------------

    def set_entries(self, entries: Iterable[StoryEntry]) -> None:
        """All the library's stories, read afresh. Stories opened by hand (File > Open,
        the command line) that the new reading does not hold stay: they may have been
        opened while the library was still being read."""
        fresh = list(entries)
        keys = [self._key_for(e.path) for e in fresh]
        known = set(keys)
        for key, entry in zip(self._keys, self._entries, strict=True):
            if entry.source == "opened" and key not in known:
                fresh.append(entry)
                keys.append(key)
        self.beginResetModel()
        self._entries = fresh
        self._keys = keys
        self.endResetModel()

    def add_entries(self, entries: Iterable[StoryEntry]) -> list[StoryEntry]:
        """Add stories, replacing any already shown from the same file (re-opened
        after an edit). Returns the entries as now held."""
        added: list[StoryEntry] = []
        for entry in entries:
            key = self._key_for(entry.path)
            if key in self._keys:
                row = self._keys.index(key)
                old = self._entries[row]
                # A story that ships with touchstory stays "bundled" when opened again.
                self._entries[row] = entry if old.source != "bundled" else _with_source(entry, "bundled")
                self.dataChanged.emit(self.index(row), self.index(row))
                added.append(self._entries[row])
            else:
                self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries))
                self._entries.append(entry)
                self._keys.append(key)
                self.endInsertRows()
                added.append(entry)
        return added

    def entries(self) -> list[StoryEntry]:
        return list(self._entries)

    def key(self, entry: StoryEntry) -> str:
        return self._key_for(entry.path)

    def row_of(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def entry_for_key(self, key: str) -> StoryEntry | None:
        row = self.row_of(key)
        return self._entries[row] if row >= 0 else None

    def set_favourites(self, keys: set[str]) -> None:
        self._favourites = set(keys)
        self._changed_all((Role.FAVOURITE, Qt.ItemDataRole.AccessibleTextRole))

    def set_favourite(self, key: str, on: bool) -> None:
        (self._favourites.add if on else self._favourites.discard)(key)
        row = self.row_of(key)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row),
                                  [Role.FAVOURITE, Qt.ItemDataRole.AccessibleTextRole])

    def is_favourite(self, key: str) -> bool:
        return key in self._favourites

    def set_progress(self, progress: Iterable[Progress]) -> None:
        self._progress = {p.story: p for p in progress}
        self._changed_all((Role.PROGRESS, Qt.ItemDataRole.AccessibleTextRole))

    def set_thumbnail(self, picture: str, image: QImage) -> None:
        self._thumbs[picture] = image
        for row, entry in enumerate(self._entries):
            if entry.picture is not None and str(entry.picture) == picture:
                self.dataChanged.emit(self.index(row), self.index(row), [Role.THUMBNAIL])

    def _changed_all(self, roles: tuple[int, ...]) -> None:
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1), list(roles))

    # -- QAbstractListModel --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        key = self._keys[index.row()]
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return entry.title
            case Qt.ItemDataRole.AccessibleTextRole:
                return spoken_summary(entry, key in self._favourites, self._stopped_text(key))
            case Qt.ItemDataRole.ToolTipRole:
                return "\n".join(filter(None, (entry.summary, length_note(entry)))) or None
            case Role.ENTRY:
                return entry
            case Role.KEY:
                return key
            case Role.FAVOURITE:
                return key in self._favourites
            case Role.PROGRESS:
                return self._progress.get(key)
            case Role.THUMBNAIL:
                return self._thumbs.get(str(entry.picture)) if entry.picture is not None else None
        return None

    def _stopped_text(self, key: str) -> str:
        progress = self._progress.get(key)
        return f"stopped at line {progress.step} of {progress.total}" if progress else ""


def _with_source(entry: StoryEntry, source: str) -> StoryEntry:
    return replace(entry, source=source)


class LibraryProxy(QSortFilterProxyModel):
    """The cards shown: filtered by a LibraryFilter and sorted for the grid."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = LibraryFilter()
        self.setDynamicSortFilter(True)

    @property
    def filter(self) -> LibraryFilter:
        return self._filter

    def set_filter(self, wanted: LibraryFilter) -> None:
        if wanted != self._filter:
            self.beginFilterChange()
            self._filter = wanted
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Favourites changed: 'favourites only' may show different cards now."""
        if self._filter.favourites_only:
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        entry = index.data(Role.ENTRY)
        return entry is not None and matches(entry, self._filter, bool(index.data(Role.FAVOURITE)))

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        return sort_key(left.data(Role.ENTRY)) < sort_key(right.data(Role.ENTRY))

    def entry_at(self, row: int) -> StoryEntry | None:
        return self.index(row, 0).data(Role.ENTRY) if 0 <= row < self.rowCount() else None
