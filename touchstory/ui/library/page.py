"""The library page itself: heading and count, search, Classroom, Strokes and
Settings (the last two under "More" when large text leaves no room for them),
the notice and "continue" strips, the filter row, and the card grid (or a calm
message when there is nothing to show). It lays things out; the window decides
what they do."""

from __future__ import annotations

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from touchstory.journal.settings import LibraryFilter
from touchstory.ui.library.banners import ContinueBar, NoticeBar
from touchstory.ui.library.filter_bar import FilterBar
from touchstory.ui.library.grid import GAP, CardGrid
from touchstory.ui.theme import Theme

GRID, EMPTY = 0, 1


def empty_text(scanned: bool, total: int, wanted: LibraryFilter) -> str:
    """What to say when no card is shown."""
    if not scanned:
        return "Finding your stories…"
    if total == 0:
        return ("No stories yet. Open a story file with File > Open, or drop one here. "
                "Stories you put in your stories folder appear here too.")
    if wanted == LibraryFilter(favourites_only=True):
        return "No favourites yet. Press the ☆ on a story card to keep it here."
    return "No stories match. Try another age or mood, or show them all."


class LibraryPage(QWidget):
    def __init__(self, theme: Theme, initial: LibraryFilter, proxy: QSortFilterProxyModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        # Cards carry half a gap of their own on each side; the rows above are
        # indented by the same amount so their edges line up with the cards.
        half_gap = GAP // 2
        column.setContentsMargins(32 - half_gap, 22, 32 - half_gap, 0)
        column.setSpacing(14)
        top = QVBoxLayout()
        top.setContentsMargins(half_gap, 0, half_gap, 0)
        top.setSpacing(14)
        column.addLayout(top)

        header = QHBoxLayout()
        self.heading = QLabel("Choose a story")
        header.addWidget(self.heading)
        header.addSpacing(14)
        self.filter_bar = FilterBar(initial)
        self.filter_bar.count.setContentsMargins(0, 0, 0, 6)
        header.addWidget(self.filter_bar.count, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        header.addWidget(self.filter_bar.search, 1)
        header.addSpacing(6)
        self.classroom_button = QPushButton("Classroom")
        self.classroom_button.setToolTip("Classroom mode: the story on a projector for the whole class, "
                                         "with a teacher's console")
        self.classroom_button.setAccessibleName("Classroom mode")
        header.addWidget(self.classroom_button)
        self.strokes_button = QPushButton("Strokes")
        self.strokes_button.setToolTip("Every stroke with a moving picture, to learn them before the story")
        self.strokes_button.setAccessibleName("Learn the strokes")
        header.addWidget(self.strokes_button)
        self.settings_button = QPushButton("Settings")
        header.addWidget(self.settings_button)
        # Where Strokes and Settings go when the row would not fit the window
        self.more_button = QPushButton("More")
        self.more_button.setAccessibleName("More: Strokes and Settings")
        self.more_menu = QMenu(self.more_button)
        self.more_menu.addAction("Strokes", self.strokes_button.click)
        self.more_menu.addAction("Settings", self.settings_button.click)
        self.more_button.setMenu(self.more_menu)
        self.more_button.hide()
        header.addWidget(self.more_button)
        self._header = header
        top.addLayout(header)
        self.top = top  # the rows above the cards; "Who is it for tonight?" joins them (ui/profiles/link.py)
        self.notice_bar = NoticeBar()
        top.addWidget(self.notice_bar)
        top.addWidget(self.filter_bar)
        self.continue_bar = ContinueBar()
        top.addWidget(self.continue_bar)

        self.views = QStackedWidget()
        self.grid = CardGrid(theme)
        self.grid.setModel(proxy)
        self.views.addWidget(self.grid)
        empty = QWidget()
        empty_column = QVBoxLayout(empty)
        empty_column.addStretch(1)
        self.empty_label = QLabel(empty_text(False, 0, initial))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        empty_column.addWidget(self.empty_label)
        self.show_all_button = QPushButton("Show all stories")
        self.show_all_button.hide()
        empty_column.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_column.addStretch(2)
        self.views.addWidget(empty)
        self.views.setCurrentIndex(EMPTY)
        column.addWidget(self.views, 1)

    def set_theme(self, theme: Theme) -> None:
        # The heading grows at half the rate of the text, so the header row (heading,
        # count, search, Classroom, Settings) still fits a 1280 px laptop at "Largest".
        scale = max(theme.text_scale, 0.1)
        self.heading.setFont(theme.ui_font(24.0 * (1.0 + (scale - 1.0) * 0.5) / scale, bold=True))
        self.empty_label.setFont(theme.ui_font(16.0))
        self.grid.set_theme(theme)
        QTimer.singleShot(0, self._fit_header)  # once the new fonts have reached the buttons

    # -- the header row: never wider than the window -------------------------------------------

    def _header_width(self, extras: list[QWidget]) -> int:
        row = [self.heading, self.filter_bar.count, self.classroom_button, *extras]
        spacing = self._header.spacing()
        margins = self.contentsMargins().left() + self.contentsMargins().right() + 32
        return (sum(w.sizeHint().width() for w in row) + self.filter_bar.search.minimumWidth()
                + spacing * (len(row) + 1) + 20 + margins)

    def _fit_header(self) -> None:
        roomy = self._header_width([self.strokes_button, self.settings_button]) <= self.width()
        self.strokes_button.setVisible(roomy)
        self.settings_button.setVisible(roomy)
        self.more_button.setVisible(not roomy)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # The header folds its extras into "More" rather than push the window wider
        # than a 1280 px laptop; the grid and filters make their own room.
        hint = super().minimumSizeHint()
        folded = self._header_width([self.more_button])
        return QSize(min(hint.width(), max(folded, self.filter_bar.minimumSizeHint().width())), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_header()

    def show_state(self, shown: int, total: int, scanned: bool, wanted: LibraryFilter) -> None:
        """The cards, or a message saying why there are none."""
        self.filter_bar.set_count(shown, total)
        self._fit_header()
        if shown:
            self.views.setCurrentIndex(GRID)
            return
        self.empty_label.setText(empty_text(scanned, total, wanted))
        self.show_all_button.setVisible(scanned and total > 0)
        self.views.setCurrentIndex(EMPTY)
