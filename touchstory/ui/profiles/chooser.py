""""Who is it for tonight?": one tap on a child's name (or "No one") in the
library header; the choice is remembered in the journal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from touchstory.journal.profiles import COLOURS, ChildProfile

NO_ONE = 0  # profile ids start at 1; QButtonGroup keeps -1 for "no id"


class ChildChooser(QWidget):
    """A row of toggle buttons, one per child, plus "No one" and "+"."""

    chosen = Signal(object)  # ChildProfile | None
    add_requested = Signal()
    edit_requested = Signal(object)  # ChildProfile

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self.label = QLabel("Who is it for tonight?")
        self._row.addWidget(self.label)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self._on_clicked)
        self._profiles: dict[int, ChildProfile] = {}
        self._buttons: list[QPushButton] = []
        self.add_button = QPushButton("+")
        self.add_button.setToolTip("Add a child: their strokes, where, pressure and length")
        self.add_button.setAccessibleName("Add a child profile")
        self.add_button.clicked.connect(self.add_requested)
        self.set_profiles([], None)

    def set_profiles(self, profiles: list[ChildProfile], chosen: ChildProfile | None) -> None:
        for button in self._buttons:
            self._group.removeButton(button)
            self._row.removeWidget(button)
            button.hide()  # gone now, not only when the event loop gets to deleteLater
            button.deleteLater()
        self._buttons.clear()
        self._row.removeWidget(self.add_button)
        self._profiles = {p.id: p for p in profiles}
        self._add_button("No one", NO_ONE, "The stories as written", None)
        for index, profile in enumerate(profiles):
            colour = profile.colour or COLOURS[index % len(COLOURS)]
            self._add_button(profile.name, profile.id, f"Adapt the stories to {profile.name}'s own way "
                             "(right-click to change it)", colour)
        self._row.addWidget(self.add_button)
        wanted = chosen.id if chosen is not None and chosen.id in self._profiles else NO_ONE
        self._group.button(wanted).setChecked(True)

    def _add_button(self, text: str, ident: int, tip: str, colour: str | None) -> None:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setAccessibleName(f"For {text}" if ident != NO_ONE else "For no one in particular")
        if colour:
            # the child's colour as a dot: a child who cannot read yet finds their own
            button.setIcon(_dot(QColor(colour)))
            profile = self._profiles[ident]
            button.setContextMenuPolicy(button.contextMenuPolicy().CustomContextMenu)
            button.customContextMenuRequested.connect(lambda _pos, p=profile: self.edit_requested.emit(p))
        self._group.addButton(button, ident)
        self._buttons.append(button)
        self._row.addWidget(button)
        button.setVisible(True)  # now, not when the layout's queued show comes round

    def current(self) -> ChildProfile | None:
        return self._profiles.get(self._group.checkedId())

    def choose_id(self, ident: int | None) -> None:
        button = self._group.button(NO_ONE if ident is None else ident)
        if button is not None:
            button.click()

    def _on_clicked(self, ident: int) -> None:
        self.chosen.emit(self._profiles.get(ident))


def _dot(colour: QColor) -> QIcon:
    pixmap = QPixmap(36, 36)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#00000060"))
    painter.setBrush(colour)
    painter.drawEllipse(3, 3, 30, 30)
    painter.end()
    return QIcon(pixmap)
