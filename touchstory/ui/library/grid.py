"""The grid of story cards: as many columns as fit, cards stretched to fill the
row; a click opens a story, a click on the star marks a favourite; the keyboard
moves between cards (arrows), opens one (Enter, Space) and stars it (F)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

from touchstory.ui.theme import Theme

if TYPE_CHECKING:
    from touchstory.ui.library.delegate import CardDelegate

GAP = 22  # space between cards
MIN_CARD = 250  # narrowest card at text size 1.0
MAX_CARD = 340  # widest card; beyond that another column is added


def columns_for(available: int, min_card: int, gap: int = GAP) -> int:
    return max(1, available // (min_card + gap))


class CardGrid(QListView):
    open_requested = Signal(QModelIndex)
    favourite_requested = Signal(QModelIndex)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._delegate: CardDelegate | None = None  # made when the cards first show (start-up)
        self._keyboard_focus = False  # the last move was a key (the focus ring shows), not the mouse
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Stories")
        self.setObjectName("cardGrid")
        self._pressed = QModelIndex()
        self.verticalScrollBar().setSingleStep(24)

    @property
    def delegate(self) -> CardDelegate:
        """What draws the cards. The first window paints with the grid hidden
        ("Finding your stories…"), so the card painter (its module, fonts and
        geometry) is made only when it is first needed: ~5 ms off the start."""
        return self._ensure_delegate()

    def _ensure_delegate(self) -> CardDelegate:
        if self._delegate is None:
            from touchstory.ui.library.delegate import CardDelegate  # deferred for start-up

            self._delegate = CardDelegate(self._theme, self)
            self._delegate.keyboard_focus = self._keyboard_focus
            self.setItemDelegate(self._delegate)
        return self._delegate

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._delegate is not None:
            self._delegate.set_theme(theme)
        self.update_card_size()

    # -- layout ---------------------------------------------------------------------------------

    def update_card_size(self) -> None:
        """Fit the cards to the width: the most columns that keep cards at least
        MIN_CARD wide, then stretch them to fill the row. A hidden grid is fitted
        when it is shown (see showEvent)."""
        if not self.isVisible():
            # The first window shows "Finding your stories…" with the grid hidden, and
            # the first viewport() call costs ~10 ms (PySide looks for the viewport's
            # class among every widget class): nothing to fit before there are cards.
            return
        # Cards grow more slowly than the text, so large text keeps three columns
        # on a laptop rather than two giant cards.
        scale = 1.0 + max(0.0, self.delegate.theme.text_scale - 1.0) * 0.6
        # A few pixels of slack: QListView wraps a row that touches the right edge exactly.
        available = self.viewport().width() - 4
        cols = columns_for(available, round(MIN_CARD * scale))
        if available // cols - GAP > MAX_CARD * scale:
            cols += 1
        cell = max(MIN_CARD // 2, available // cols)
        width = cell - GAP
        from touchstory.ui.library.delegate import card_height  # loaded with the delegate

        height = card_height(width, self.delegate.fonts)
        size = QSize(width, height)
        if size != self.delegate.card_size or self.gridSize() != QSize(cell, height + GAP):
            self.delegate.card_size = size
            self.setGridSize(QSize(cell, height + GAP))
            self.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update_card_size()

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_delegate()  # before the first card is drawn
        super().showEvent(event)
        self.update_card_size()

    def card_rect(self, index: QModelIndex) -> QRect:
        """The card's rectangle in viewport coordinates."""
        rect = QRect(QPoint(0, 0), self.delegate.card_size)
        rect.moveCenter(self.visualRect(index).center())
        return rect

    def star_rect(self, index: QModelIndex) -> QRect:
        from touchstory.ui.library.delegate import star_rect  # loaded with the delegate

        return star_rect(self.card_rect(index))

    # -- input ----------------------------------------------------------------------------------

    def _set_keyboard_focus(self, on: bool) -> None:
        # The ring marks where the keyboard is; a card clicked with the mouse needs none.
        self._keyboard_focus = on
        if self._delegate is not None and self._delegate.keyboard_focus != on:
            self._delegate.keyboard_focus = on
            self.viewport().update()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason):
            self._set_keyboard_focus(True)
        elif event.reason() == Qt.FocusReason.MouseFocusReason:
            self._set_keyboard_focus(False)
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._set_keyboard_focus(False)
        self._pressed = self.indexAt(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if not index.isValid() or index != self._pressed or not self.card_rect(index).contains(pos):
            return
        if self.star_rect(index).contains(pos):
            self.favourite_requested.emit(index)
        else:
            self.open_requested.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._set_keyboard_focus(True)
        index = self.currentIndex()
        key = event.key()
        if index.isValid() and not event.isAutoRepeat():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.open_requested.emit(index)
                return
            plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if key in (Qt.Key.Key_F, Qt.Key.Key_Asterisk) and plain:
                self.favourite_requested.emit(index)
                return
        super().keyPressEvent(event)
