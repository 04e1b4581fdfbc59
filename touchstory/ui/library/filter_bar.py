"""Search by title (`search`, placed by the window) and the row of filters
above the cards: age, mood, length and kind, favourites only, and a way back
to everything. Emits one LibraryFilter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from touchstory.journal.settings import LibraryFilter
from touchstory.ui.library.filters import AGE_CHOICES, LENGTH_CHOICES, Choice

SEARCH_DELAY_MS = 120  # filter after a short pause in typing, not on every key


class QuietCombo(QComboBox):
    """A combo box with a soft chevron in the text colour (the themed style sheet
    leaves the drop-down without one, and a parent must see it is a menu)."""

    def showPopup(self) -> None:
        # The list is made wide enough for its longest entry only when it opens:
        # creating the popup for every menu at start-up costs time for nothing.
        view = self.view()
        view.setMinimumWidth(max(self.width(), view.sizeHintForColumn(0) + 48))
        super().showPopup()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Text), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        x, y = self.width() - 20.0, self.height() / 2.0
        painter.drawPolyline([QPointF(x - 5, y - 2.5), QPointF(x, y + 2.5), QPointF(x + 5, y - 2.5)])
        painter.end()


class FilterBar(QWidget):
    filter_changed = Signal(object)  # LibraryFilter

    def __init__(self, initial: LibraryFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = initial
        self._updating = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.search = QLineEdit(initial.search)
        self.search.setPlaceholderText("Search by title")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search stories by title")
        self.search.setMinimumWidth(160)
        self.search.setMaximumWidth(420)
        self.age = self._combo("Age", AGE_CHOICES)
        self.mood = self._combo("Mood", (Choice("Any mood", ""),))
        self.length = self._combo("Length", LENGTH_CHOICES)
        self.kind = self._combo("Kind", (Choice("Any kind", ""),))
        for combo in (self.age, self.mood, self.length, self.kind):
            row.addWidget(combo, 1)
        self.favourites = QPushButton("☆  Favourites")
        self.favourites.setCheckable(True)
        self.favourites.setObjectName("filterToggle")
        self.favourites.setAccessibleName("Show favourites only")
        row.addWidget(self.favourites)
        self.clear = QPushButton("Show all")
        self.clear.setAccessibleName("Clear the search and filters")
        self.clear.setObjectName("linkButton")
        row.addWidget(self.clear)
        row.addStretch(0)
        # Placed by the window next to the heading, where there is room for it.
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._show(initial)
        self._update_looks(initial)
        self._connect_signals()

    def _combo(self, name: str, choices: Sequence[Choice]) -> QComboBox:
        combo = QuietCombo()
        combo.setAccessibleName(f"Filter by {name.lower()}")
        # Narrow when closed, wide enough when open: the row must fit a small laptop.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
        combo.setMaximumWidth(250)
        self._fill(combo, choices, None)
        return combo

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._on_any_changed)
        for combo in (self.age, self.mood, self.length, self.kind):
            combo.currentIndexChanged.connect(self._on_any_changed)
        self.favourites.toggled.connect(self._on_any_changed)
        self.clear.clicked.connect(self._on_clear_clicked)

    # -- public ---------------------------------------------------------------------------------

    @property
    def filter(self) -> LibraryFilter:
        return self._filter

    def set_filter(self, wanted: LibraryFilter) -> None:
        self._show(wanted)
        self._on_any_changed()

    def set_choices(self, moods: Sequence[Choice], kinds: Sequence[Choice]) -> None:
        """The moods and kinds the library has; a chosen one that is missing stays."""
        self._updating = True
        self._fill(self.mood, moods, self._filter.mood)
        self._fill(self.kind, kinds, self._filter.kind)
        self._updating = False

    def set_count(self, shown: int, total: int) -> None:
        story = "story" if total == 1 else "stories"
        self.count.setText(f"{total} {story}" if shown == total else f"{shown} of {total} {story}")

    def flush(self) -> None:
        """Apply typed search text now (tests, and Enter in the search field)."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._on_any_changed()

    # -- inside ---------------------------------------------------------------------------------

    @staticmethod
    def _fill(combo: QComboBox, choices: Sequence[Choice], current: object) -> None:
        combo.blockSignals(True)
        combo.clear()
        for choice in choices:
            combo.addItem(choice.label, choice.value)
        if current not in (None, "") and combo.findData(current) < 0:
            combo.addItem(str(current).capitalize(), current)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current not in (None, "") else 0)
        combo.blockSignals(False)

    def _show(self, wanted: LibraryFilter) -> None:
        self._updating = True
        self.search.setText(wanted.search)
        for combo, value in ((self.age, wanted.age), (self.mood, wanted.mood), (self.length, wanted.length),
                             (self.kind, wanted.kind)):
            found = combo.findData(value) if value not in (None, "") else 0
            if found < 0:
                combo.addItem(str(value).capitalize(), value)
                found = combo.count() - 1
            combo.setCurrentIndex(found)
        self.favourites.setChecked(wanted.favourites_only)
        self._updating = False
        self._search_timer.stop()

    def _read(self) -> LibraryFilter:
        return replace(
            self._filter,
            search=self.search.text().strip(),
            age=self.age.currentData(),
            mood=self.mood.currentData() or "",
            length=self.length.currentData() or "",
            kind=self.kind.currentData() or "",
            favourites_only=self.favourites.isChecked(),
        )

    def _on_any_changed(self) -> None:
        if self._updating:
            return
        wanted = self._read()
        self._update_looks(wanted)
        if wanted != self._filter:
            self._filter = wanted
            self.filter_changed.emit(wanted)

    def _update_looks(self, wanted: LibraryFilter) -> None:
        self.favourites.setText("★  Favourites" if wanted.favourites_only else "☆  Favourites")
        self.clear.setVisible(not wanted.is_empty)

    def _on_clear_clicked(self) -> None:
        self.set_filter(LibraryFilter())
