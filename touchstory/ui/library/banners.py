"""Two quiet strips at the top of the library: a notice (something the user
should know once, such as "your settings file was damaged and kept aside") and
"continue where you stopped"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


if TYPE_CHECKING:  # read by the first scan, after the window has painted
    from touchstory.journal.store import Progress
    from touchstory.story.library import StoryEntry


def _plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NoticeBar(QFrame):
    """Shows notices until dismissed; new ones are added below the old ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 10, 10, 10)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Notice")
        row.addWidget(self.label, 1)
        self.close_button = QPushButton("OK")
        self.close_button.setAccessibleName("Dismiss the notice")
        row.addWidget(self.close_button)
        self._notices: list[str] = []
        self.close_button.clicked.connect(self.dismiss)
        self.hide()

    @property
    def notices(self) -> list[str]:
        return list(self._notices)

    def show_notice(self, text: str) -> None:
        if text in self._notices:
            return
        self._notices.append(text)
        self.label.setText("\n\n".join(self._notices))
        self.show()

    def dismiss(self) -> None:
        self._notices.clear()
        self.label.clear()
        self.hide()


class ContinueBar(QFrame):
    """"Continue The Moon Boat: you stopped at line 7 of 18, yesterday at 19:42"."""

    continue_requested = Signal(object, int)  # StoryEntry, line to start at (1-based)
    restart_requested = Signal(object)  # StoryEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("continueBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 12, 12, 12)
        row.setSpacing(12)
        self.label = QLabel()
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.restart_button = QPushButton("Start from the beginning")
        self.continue_button = QPushButton("Continue")
        self.continue_button.setProperty("primary", True)
        row.addWidget(self.restart_button)
        row.addWidget(self.continue_button)
        self._entry: StoryEntry | None = None
        self._progress: Progress | None = None
        self.continue_button.clicked.connect(self._on_continue_button_clicked)
        self.restart_button.clicked.connect(self._on_restart_button_clicked)
        self.hide()

    @property
    def entry(self) -> StoryEntry | None:
        return self._entry

    def show_progress(self, entry: StoryEntry | None, progress: Progress | None, when: str = "") -> None:
        self._entry, self._progress = entry, progress
        if entry is None or progress is None:
            self.hide()
            return
        self.label.setText(f"<b>Continue “{_plain(entry.title)}”</b><br>You stopped at line {progress.step} "
                           f"of {progress.total}{', ' + _plain(when) if when else ''}.")
        self.continue_button.setAccessibleName(f"Continue {entry.title} from line {progress.step}")
        self.restart_button.setAccessibleName(f"Start {entry.title} from the beginning")
        self.show()

    def _on_continue_button_clicked(self) -> None:
        if self._entry is not None and self._progress is not None:
            self.continue_requested.emit(self._entry, self._progress.step)

    def _on_restart_button_clicked(self) -> None:
        if self._entry is not None:
            self.restart_requested.emit(self._entry)
