"""Collecting problems while reading a file: one place that builds Problems with
the source line attached, and the "did you mean" suggestions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from touchstory.story.model import Location, Problem, Severity

MAX_FILE_BYTES = 1_000_000


class ProblemList:
    """Problems for one file, in the order they were found."""

    def __init__(self, path: str, lines: Sequence[str]) -> None:
        self.path = path
        self._lines = lines
        self.items: list[Problem] = []

    def _add(self, severity: Severity, line: int, col: int, message: str, length: int) -> None:
        source = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        self.items.append(
            Problem(severity, message, Location(self.path, line, max(col, 1)), source, max(length, 1))
        )

    def error(self, line: int, col: int, message: str, length: int = 1) -> None:
        self._add(Severity.ERROR, line, col, message, length)

    def warning(self, line: int, col: int, message: str, length: int = 1) -> None:
        self._add(Severity.WARNING, line, col, message, length)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.items)

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.loc.line, p.loc.col))


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most like `word`, or None when nothing is close enough."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """` (did you mean "circle"?)` or "" when nothing is close."""
    close = closest(word, choices, cutoff)
    return f' (did you mean "{close}"?)' if close else ""


def decode_text(data: bytes, path: str, *, too_big: str | None = None, empty: str | None = None,
                binary: str | None = None) -> tuple[str | None, Problem | None]:
    """Turn file bytes into text, or explain plainly why they are not a story (a
    plan passes its own wording for the three messages that name the kind of file)."""

    def problem(message: str) -> Problem:
        return Problem(Severity.ERROR, message, Location(path, 1, 1))

    if len(data) > MAX_FILE_BYTES:
        return None, problem(too_big or (
            f"the file is {len(data) / 1_000_000:.1f} MB; a story must be under 1 MB "
            "(is this the right file?)"
        ))
    if not data.strip():
        return None, problem(empty or "the file is empty; a story needs at least a title: line and one story line")
    if b"\x00" in data[:8192]:
        return None, problem(binary or ("this is not a text file (it looks like a picture or program); "
                                        "save the story as plain text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem(
            Severity.ERROR,
            "the file is not UTF-8 text; in your editor choose Save As and the UTF-8 encoding",
            Location(path, line, col),
        )
    return text, None
