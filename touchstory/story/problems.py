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

    def _add(self, severity: Severity, line: int, col: int, message: str, length: int, code: str,
             hint: str | None) -> None:
        source = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        self.items.append(
            Problem(severity, message, Location(self.path, line, max(col, 1)), source, max(length, 1), code, hint)
        )

    def error(self, line: int, col: int, message: str, length: int = 1, *, code: str = "",
              hint: str | None = None) -> None:
        self._add(Severity.ERROR, line, col, message, length, code, hint)

    def warning(self, line: int, col: int, message: str, length: int = 1, *, code: str = "",
                hint: str | None = None) -> None:
        self._add(Severity.WARNING, line, col, message, length, code, hint)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.items)

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.loc.line, p.loc.col))


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most like `word`, or None when nothing is close enough."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def suggestion_words(close: str | None) -> str:
    """The one place the words of a suggestion are written: ` (did you mean "circle"?)`,
    or "" for no suggestion. The UI strips exactly this from a message that carries the
    suggestion as `Problem.hint`, and words the suggestion its own way."""
    return f' (did you mean "{close}"?)' if close else ""


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """` (did you mean "circle"?)` or "" when nothing is close."""
    return suggestion_words(closest(word, choices, cutoff))


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
    wide, note = _wide_text(data, path)
    if wide is not None or note is not None:
        return wide, note
    if b"\x00" in data[:8192] and not _mostly_text(data[:8192]):
        return None, problem(binary or ("this is not a text file (it looks like a picture or program); "
                                        "save the story as plain text"))
    try:
        text = data.decode("utf-8-sig")
        if "\x00" in text:  # one stray NUL in an otherwise good UTF-8 file (a copy-and-paste accident)
            at = data.index(b"\x00")
            line = data[:at].count(b"\n") + 1
            col = at - (data.rfind(b"\n", 0, at) + 1) + 1
            return None, Problem(Severity.ERROR, "there is an invisible NUL character here (an empty byte, often "
                                 "left by copying from another program); delete it (retype the characters "
                                 "around it) and save again", Location(path, line, col), code="nul-byte")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem(
            Severity.ERROR,
            "the file is not UTF-8 text; in your editor choose Save As and the UTF-8 encoding",
            Location(path, line, col),
        )
    return text, None


# Notepad's "Unicode" and Word's "Unicode text" save UTF-16; a few tools write UTF-32.
_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
WIDE_WARNING = ("this file is saved as {name}; it works, but UTF-8 is best: in your editor choose Save As "
                "and the UTF-8 encoding")


def _mostly_text(sample: bytes) -> bool:
    """A few NULs among many printable bytes: text with a stray NUL, not a picture."""
    return sample.count(b"\x00") <= 2 and sum(32 <= b < 127 or b in (9, 10, 13) for b in sample) > 0.95 * len(sample)


def _wide_encoding(data: bytes) -> tuple[str, str, int] | None:
    """(codec, name, bytes of mark) when the file is UTF-16/UTF-32, by its byte-order
    mark or, without one, by the zero bytes beside ASCII letters."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codec, name, len(bom)
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    # ASCII in UTF-16 LE is "T\0i\0t\0": nearly every odd byte is zero and no even one
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le", "UTF-16", 0
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be", "UTF-16", 0
    return None


def _wide_text(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """The text of a UTF-16/UTF-32 file (with a warning to save it as UTF-8 next time),
    or (None, None) when the file is not one."""
    found = _wide_encoding(data)
    if found is None:
        return None, None
    codec, name, skip = found
    body = data[skip:]
    if codec.startswith("utf-32"):
        body = body[: len(body) - len(body) % 4]
    elif len(body) % 2:
        body = body[:-1]
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        return None, Problem(Severity.ERROR, f"this file looks saved as {name} but part of it cannot be read; "
                             "in your editor choose Save As and the UTF-8 encoding", Location(path, 1, 1),
                             code="bad-encoding")
    if "\x00" in text:
        return None, None
    return text, Problem(Severity.WARNING, WIDE_WARNING.format(name=name), Location(path, 1, 1),
                         code="wide-encoding")
