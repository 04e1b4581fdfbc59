""""How it went": a calm card after the thank-you (or "Not now", or a stop) with
three big symbol buttons, the cues the grown-up saw and a free note. Skippable:
nothing is stored unless something is chosen or written."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from touchstory.journal.sessions import Cue, Feeling, HowItWent
from touchstory.ui.theme import Theme, apply_theme, paint_card

# Plain symbols every font has: a heart, a level line, a moon (bedtime, another night).
SYMBOLS = {Feeling.LOVED: "♥", Feeling.FINE: "―", Feeling.NOT_TONIGHT: "☾"}


class HowItWentCard(QWidget):
    done = Signal(object)  # HowItWent, or None when skipped

    def __init__(self, theme: Theme, title: str = "", child: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 28, 36, 28)
        column.setSpacing(16)
        who = f" for {child}" if child else ""
        self.heading = QLabel(f"How did it go{who}?")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setFont(theme.ui_font(20, bold=True))
        column.addWidget(self.heading)
        if title:
            sub = QLabel(title)
            sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(sub)
        row = QHBoxLayout()
        row.setSpacing(18)
        self.feelings = QButtonGroup(self)
        self.feelings.setExclusive(True)
        self.feeling_buttons: dict[Feeling, QPushButton] = {}
        for index, feeling in enumerate(Feeling):
            button = QPushButton(feeling.label)
            button.setCheckable(True)
            button.setIcon(_symbol(SYMBOLS[feeling], theme))
            button.setIconSize(QSize(44, 44))
            button.setMinimumSize(190, 110)
            button.setFont(theme.ui_font(16, bold=True))
            button.setAccessibleName(feeling.label)
            self.feelings.addButton(button, index)
            self.feeling_buttons[feeling] = button
            row.addWidget(button)
        column.addLayout(row)
        seen = QLabel("What did you notice? (any)")
        seen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(seen)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.cue_buttons: dict[Cue, QPushButton] = {}
        for index, cue in enumerate(Cue):
            button = QPushButton(cue.label)
            button.setCheckable(True)
            button.setMinimumHeight(48)
            button.setAccessibleName(f"Noticed: {cue.label}")
            grid.addWidget(button, index // 3, index % 3)
            self.cue_buttons[cue] = button
        column.addLayout(grid)
        self.note = QLineEdit()
        self.note.setPlaceholderText("A note, if you like (what helped, what to try next time)")
        self.note.setMinimumHeight(44)
        column.addWidget(self.note)
        actions = QHBoxLayout()
        self.skip_button = QPushButton("Skip")
        self.skip_button.setAccessibleName("Skip, store nothing")
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        for button in (self.skip_button, self.save_button):
            button.setMinimumSize(140, 48)
        actions.addStretch(1)
        actions.addWidget(self.skip_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        column.addLayout(actions)
        self.skip_button.clicked.connect(lambda: self.done.emit(None))
        self.save_button.clicked.connect(lambda: self.done.emit(self.answer()))
        apply_theme(self, theme)

    def answer(self) -> HowItWent:
        checked = self.feelings.checkedId()
        feeling = list(Feeling)[checked] if checked >= 0 else None
        cues = tuple(c for c, b in self.cue_buttons.items() if b.isChecked())
        return HowItWent(feeling, cues, self.note.text().strip())

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.key() == Qt.Key.Key_Escape:
            self.done.emit(None)  # Escape is always "skip": nothing is asked twice
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        paint_card(self, self._theme, 22)


def _symbol(symbol: str, theme: Theme) -> QIcon:
    """The feeling's symbol, large, in the button's text colour (on and off)."""
    icon = QIcon()
    for colour, state in ((theme.palette.text, QIcon.State.Off), (theme.palette.accent_text, QIcon.State.On)):
        pixmap = QPixmap(88, 88)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = theme.ui_font(bold=True)
        font.setPixelSize(70)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QRect(0, 0, 88, 88), Qt.AlignmentFlag.AlignCenter, symbol)
        painter.end()
        icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon
