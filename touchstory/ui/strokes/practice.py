"""The "Strokes" practice page: every stroke of a pack, each with its moving
demonstration and its how-to in full, so a parent can learn them before bedtime.
One shared frame timer drives all the animations; only the visible ones repaint."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from touchstory.story.packs import Body, Stroke, StrokePack
from touchstory.ui.strokes.words import tempo_words, where_words
from touchstory.ui.strokes.animation import StrokeAnimation, Ticker
from touchstory.ui.theme import Theme, apply_theme, paint_card

TILE_MIN_WIDTH = 520


class StrokeTile(QWidget):
    """One stroke: its animation on the left, name and how-to on the right."""

    def __init__(self, stroke: Stroke, body: Body, theme: Theme, ticker: Ticker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stroke = stroke
        self._theme = theme
        self.animation = StrokeAnimation(theme, stroke, body, ticker=ticker, parent=self)
        self.animation.setFixedSize(200, 200)
        self.name = QLabel(stroke.name, self)
        aliases = ", ".join(a.replace("-", " ") for a in stroke.aliases[:3])
        self.aka = QLabel(f"also: {aliases}" if aliases else "", self)
        self.where = QLabel(where_words(stroke.area, stroke.pressure), self)
        self.tempo = QLabel(tempo_words(stroke.tempo), self)
        self.how = QLabel(stroke.how, self)
        self.how.setWordWrap(True)
        self.how.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.name)
        text.addWidget(self.aka)
        text.addSpacing(4)
        text.addWidget(self.where)
        text.addWidget(self.tempo)
        text.addSpacing(6)
        text.addWidget(self.how, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 16, 20, 16)
        row.setSpacing(18)
        row.addWidget(self.animation, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(f"{stroke.name}: {stroke.how}")
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        pal = theme.palette
        self.animation.set_theme(theme)
        self.name.setFont(theme.ui_font(17, bold=True))
        self.aka.setFont(theme.ui_font(10.5))
        self.aka.setStyleSheet(f"color: {pal.text_muted};")
        self.where.setFont(theme.ui_font(12))
        self.where.setStyleSheet(f"color: {pal.accent};")
        self.tempo.setFont(theme.ui_font(11))
        self.tempo.setStyleSheet(f"color: {pal.text_muted};")
        self.how.setFont(theme.ui_font(12.5))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(TILE_MIN_WIDTH, 232)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        paint_card(self, self._theme, 20)


class StrokesPage(QWidget):
    """All strokes of one pack at a time, with a switch between packs."""

    back_requested = Signal()
    pack_changed = Signal(str)

    def __init__(self, packs: Iterable[StrokePack], theme: Theme, *, initial_pack: str = "story",
                 show_back: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # the story strokes first: they are what most families start with
        ordered = sorted(packs, key=lambda p: (p.id != "story", p.name))
        self._packs = {p.id: p for p in ordered}
        self._theme = theme
        self._columns = 0
        self.ticker = Ticker(self)
        self.tiles: list[StrokeTile] = []
        self.title = QLabel("Strokes", self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.back_button = QPushButton("Back to stories", self)
        self.back_button.setProperty("quiet", True)
        self.back_button.setVisible(show_back)
        self._pack_buttons = QButtonGroup(self)
        self._pack_buttons.setExclusive(True)
        switch = QHBoxLayout()
        switch.setSpacing(8)
        for pack in self._packs.values():
            button = QPushButton(pack.name, self)
            button.setCheckable(True)
            button.setProperty("pack", pack.id)
            self._pack_buttons.addButton(button)
            switch.addWidget(button)
        switch.addStretch(1)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(24)
        header.addLayout(switch, 1)
        header.addWidget(self.back_button)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setSpacing(18)
        self.scroll_area = QScrollArea(self)  # not `scroll`: that would hide QWidget.scroll()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.grid_host)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.viewport().setAutoFillBackground(False)
        self.grid_host.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 22, 32, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.description)
        layout.addWidget(self.scroll_area, 1)
        self._pack_buttons.buttonClicked.connect(self._on_pack_buttons_clicked)
        self.back_button.clicked.connect(self.back_requested)
        self.setAccessibleName("Strokes")
        apply_theme(self, theme)
        self._style_header()
        first = initial_pack if initial_pack in self._packs else next(iter(self._packs), "")
        self.show_pack(first)

    # -- public ------------------------------------------------------------------------
    @property
    def pack_id(self) -> str:
        checked = self._pack_buttons.checkedButton()
        return str(checked.property("pack")) if checked else ""

    def show_pack(self, pack_id: str) -> None:
        pack = self._packs.get(pack_id)
        if pack is None:
            return
        for button in self._pack_buttons.buttons():
            button.setChecked(button.property("pack") == pack_id)
            if button.isChecked():
                button.setFocus()
        for tile in self.tiles:
            tile.setParent(None)
            tile.deleteLater()
        self.tiles = [StrokeTile(s, pack.body, self._theme, self.ticker, self.grid_host) for s in pack.strokes]
        self.description.setText(pack.description)
        self._columns = 0
        self._relayout()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.pack_changed.emit(pack_id)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        apply_theme(self, theme)
        self._style_header()
        for tile in self.tiles:
            tile.set_theme(theme)

    def freeze(self, seconds: float | None) -> None:
        """Stop every animation at `seconds` into its loop (for screenshots)."""
        for tile in self.tiles:
            tile.animation.set_time(None if seconds is None else seconds * tile.stroke.tempo / 3.0)

    # -- layout ---------------------------------------------------------------------------
    def _style_header(self) -> None:
        pal = self._theme.palette
        self.title.setFont(self._theme.ui_font(22, bold=True))
        self.description.setFont(self._theme.ui_font(12.5))
        self.description.setStyleSheet(f"color: {pal.text_muted};")
        for button in self._pack_buttons.buttons():
            button.setFont(self._theme.ui_font(12.5, bold=True))
        self.back_button.setFont(self._theme.ui_font(12.5))

    def _relayout(self) -> None:
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right() - 20  # room for the scroll bar
        columns = max(1, min(3, width // TILE_MIN_WIDTH))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for i, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, i // columns, i % columns)
        for c in range(3):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        self.grid.setRowStretch(self.grid.rowCount(), 1)

    def _on_pack_buttons_clicked(self, button: QPushButton) -> None:
        self.show_pack(str(button.property("pack")))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._relayout()
