"""The problems view: what is wrong with a story file, one problem at a time,
each with its line, what to do about it, and the line itself with the spot
marked. Never a traceback. "Check again" re-reads the file after an edit."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from touchstory.story.model import Problem
from touchstory.story.problems import suggestion_words
from touchstory.ui.theme import Theme

MAX_SHOWN = 100  # a file that is not a story at all can have hundreds; the first ones say enough
_HINTS = (  # for messages that say what is wrong but not what to write instead
    ("unknown stroke",
     "Check the spelling; every stroke is listed in “How to write a story” (button above)."),
    ("unknown area", "Use one of: back, shoulders, arms, hands, head, face, feet, legs, chest, tummy."),
    ("unknown pressure", "Use one of: light, medium, firm."),
)
_FIX_AFTER = re.compile(r"(?<=\S)[:;] (?=\S)")  # "what is wrong: what to do"


def _plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def split_fix(problem: Problem) -> tuple[str, str]:
    """Messages say what is wrong, then often how to mend it after a ':' or ';',
    or carry a suggested word (`Problem.hint`): shown as two lines, the fix second.
    The suggestion is worded here, from the value, not read back out of the message."""
    message = problem.message
    found = _FIX_AFTER.search(message)
    if found:
        what, fix = message[:found.start()], message[found.end():]
        return what, fix[:1].upper() + fix[1:]
    suggested = suggestion_words(problem.hint)
    if suggested and suggested in message:
        return message.replace(suggested, ""), f'Did you mean "{problem.hint}"?'
    for start, hint in _HINTS:
        if message.startswith(start):
            return message, hint
    return message, ""


class ProblemCard(QFrame):
    """One problem: 'Line 12' / what is wrong / the fix / the line with a caret."""

    def __init__(self, problem: Problem, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.setObjectName("problemCard")
        what, fix = split_fix(problem)
        kind = "Needs fixing" if problem.is_error else "Worth a look"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        where = QLabel(f"<b>Line {problem.loc.line}</b>, column {problem.loc.col}  ·  {kind}")
        where.setObjectName("problemWhere")
        layout.addWidget(where)
        message = QLabel(_plain(what[0].upper() + what[1:]) if what else "")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message.setFont(theme.ui_font(14.0))
        layout.addWidget(message)
        if fix:
            fix_label = QLabel(_plain(fix))
            fix_label.setObjectName("problemFix")
            fix_label.setWordWrap(True)
            fix_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(fix_label)
        if problem.source_line.strip():
            shown = problem.source_line.rstrip("\n").replace("\t", " ")
            caret = " " * (max(problem.loc.col, 1) - 1) + "^" * max(1, min(problem.length, 60))
            code = QLabel(f"{_plain(shown)}\n{caret}")
            code.setObjectName("problemCode")
            mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            mono.setPointSizeF(theme.ui_font().pointSizeF() * 0.95)
            code.setFont(mono)
            code.setTextFormat(Qt.TextFormat.PlainText)
            code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(code)
        self.setAccessibleName(f"Line {problem.loc.line}: {problem.message}")


class ProblemsView(QWidget):
    """Shown instead of the player when a story cannot be played."""

    back_requested = Signal()
    check_again_requested = Signal(Path)
    help_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._path: Path | None = None
        self._title = ""
        self.problems: tuple[Problem, ...] = ()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(14)

        top = QHBoxLayout()
        self.back_button = QPushButton("‹  Back to the stories")
        self.back_button.setAccessibleName("Back to the stories")
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.help_button = QPushButton("How to write a story")
        self.editor_button = QPushButton("Open in text editor")
        self.check_button = QPushButton("Check again")
        self.check_button.setProperty("primary", True)
        for button in (self.help_button, self.editor_button, self.check_button):
            top.addWidget(button)
        outer.addLayout(top)

        self.heading = QLabel()
        self.heading.setObjectName("problemsHeading")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.intro)

        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setObjectName("problemList")
        outer.addWidget(self._scroll, 1)
        self._connect_signals()
        self.set_theme(theme)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.editor_button.clicked.connect(self._on_editor_button_clicked)
        self.help_button.clicked.connect(self.help_requested)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.heading.setFont(theme.ui_font(22.0, bold=True))
        if self.problems and self._path is not None:
            self.show_problems(self._path, self._title, self.problems)

    def show_problems(self, path: Path, title: str, problems: tuple[Problem, ...]) -> None:
        self._path, self._title, self.problems = path, title, tuple(problems)
        errors = [p for p in problems if p.is_error]
        if errors:
            self.heading.setText(f"“{title}” can’t be played yet")
            count = len(errors)
            self.intro.setText(
                f"touchstory found {count} thing{'s' * (count != 1)} to fix in <b>{_plain(path.name)}</b>. "
                "Open the file in your text editor, mend each line below, save it, then press "
                "<b>Check again</b>. Nothing is lost: the file is only read, never changed.")
        else:
            self.heading.setText(f"Notes on “{title}”")
            self.intro.setText(f"<b>{_plain(path.name)}</b> plays as it is; these are only worth a look.")
        self.intro.setToolTip(str(path))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(12)
        ordered = sorted(problems, key=lambda p: (not p.is_error, p.loc.line, p.loc.col))
        for problem in ordered[:MAX_SHOWN]:
            column.addWidget(ProblemCard(problem, self._theme))
        if len(ordered) > MAX_SHOWN:
            more = QLabel(f"…and {len(ordered) - MAX_SHOWN} more. Fix these first; many of the rest "
                          "often go away with them.")
            more.setWordWrap(True)
            column.addWidget(more)
        column.addStretch(1)
        self._scroll.setWidget(body)
        self.check_button.setVisible(True)
        self.back_button.setFocus()

    @property
    def path(self) -> Path | None:
        return self._path

    def _on_check_button_clicked(self) -> None:
        if self._path is not None:
            self.check_again_requested.emit(self._path)

    def _on_editor_button_clicked(self) -> None:
        if self._path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path)))
