"""Search by title (`search`, placed by the window) and the row of filters
above the cards: age, mood, length and kind, favourites only, and a way back
to everything. Emits one LibraryFilter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

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


COMBO_MAX = 250  # a menu's widest in one row; two rows let it grow for large text
COMBO_CHROME = 96  # a menu's padding, frame and drop-down area around its text (measured)


class FilterBar(QWidget):
    filter_changed = Signal(object)  # LibraryFilter

    def __init__(self, initial: LibraryFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = initial
        self._updating = False
        row = QGridLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setHorizontalSpacing(10)
        row.setVerticalSpacing(10)
        self._row = row
        self._columns = 0
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
        self.favourites = QPushButton("☆  Favourites")
        self.favourites.setCheckable(True)
        self.favourites.setObjectName("filterToggle")
        self.favourites.setAccessibleName("Show favourites only")
        self.clear = QPushButton("Show all")
        self.clear.setAccessibleName("Clear the search and filters")
        self.clear.setObjectName("linkButton")
        # "Show all" keeps its place while hidden, so the row does not jump when it appears
        policy = self.clear.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.clear.setSizePolicy(policy)
        self._arrange(6)
        # Placed by the window next to the heading, where there is room for it.
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._show(initial)
        self._update_looks(initial)
        self._connect_signals()

    # -- layout: one row, or two when large text would clip the menus ------------------------------

    def _items(self) -> list[QWidget]:
        return [self.age, self.mood, self.length, self.kind, self.favourites, self.clear]

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._items():
            self._row.removeWidget(widget)
        for i, widget in enumerate(self._items()):
            self._row.addWidget(widget, i // columns, i % columns)
        for column in range(6):
            self._row.setColumnStretch(column, 1 if column < 4 and column < columns else 0)
        for combo in (self.age, self.mood, self.length, self.kind):
            combo.setMaximumWidth(COMBO_MAX if columns > 3 else 16777215)


    def _needed_width(self) -> int:
        """The row's width with every menu showing its whole current choice."""
        widths = [combo.fontMetrics().horizontalAdvance(combo.currentText()) + COMBO_CHROME
                  for combo in (self.age, self.mood, self.length, self.kind)]
        widths += [w.sizeHint().width() for w in (self.favourites, self.clear)]  # Show all's place is kept
        return sum(widths) + self._row.horizontalSpacing() * (len(widths) - 1)

    def _rearrange(self) -> None:
        self._arrange(6 if self._needed_width() <= self.width() else 3)
        # In one row Favourites keeps its own width, never the rest of a wide row
        # (it was ~800 px at 1920); in two rows it shares its column with a menu.
        self.favourites.setMaximumWidth(self.favourites.sizeHint().width() if self._columns > 3 else 16777215)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._rearrange()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self._rearrange)  # once the new style has reached the menus

    def _combo(self, name: str, choices: Sequence[Choice]) -> QComboBox:
        combo = QuietCombo()
        combo.setAccessibleName(f"Filter by {name.lower()}")
        # Narrow when closed, wide enough when open: the row must fit a small laptop.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
        combo.setMaximumWidth(COMBO_MAX)
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
