"""Help > Keys: the keys of the library and of the player (the player's list
comes from `touchstory.ui.keys`, so the two never disagree)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from touchstory.ui.keys import KEY_HELP
from touchstory.ui.library.style import apply_library_theme
from touchstory.ui.theme import Theme

LIBRARY_KEYS: tuple[tuple[str, str], ...] = (
    ("Arrow keys", "Move between the stories"),
    ("Enter or Space", "Open the chosen story"),
    ("F", "Mark or unmark the chosen story as a favourite"),
    ("Ctrl+F", "Search by title"),
    ("Ctrl+O", "Open a story file"),
    ("Ctrl+,", "Settings"),
    ("F11", "Full screen on or off"),
    ("F1", "These keys"),
)


def _plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class KeysDialog(QDialog):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keys")
        self.setMinimumSize(640, 560)
        self.resize(760, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        row = 0
        for heading, keys in (("In the library", LIBRARY_KEYS),
                              ("While a story plays (clickers and foot pedals send these keys too)", KEY_HELP)):
            title = QLabel(heading)
            title.setFont(theme.ui_font(16.0, bold=True))
            title.setWordWrap(True)
            grid.addWidget(title, row, 0, 1, 2)
            row += 1
            for key, action in keys:
                key_label = QLabel(f"<b>{_plain(key)}</b>")
                key_label.setWordWrap(True)
                action_label = QLabel(_plain(action))
                action_label.setWordWrap(True)
                grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(action_label, row, 1, Qt.AlignmentFlag.AlignTop)
                row += 1
            grid.setRowMinimumHeight(row, 14)
            row += 1
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        apply_library_theme(self, theme)
