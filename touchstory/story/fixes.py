"""Safe, unambiguous rewrites of a story's lines: the book style, where a printed
story-massage text puts the stroke after the line, `(The Calm)`, or writes it with
"The", `[The Calm]`. The parser uses `book_rewrite` to say exactly what to write;
`touchstory check --fix` uses `fix_text` / `fix_file` to write it, keeping a backup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from touchstory.story.packs import StrokePack

# "... a massage story (The Calm)." : the words, then the stroke in () or [], maybe a full stop after
_TRAILING = re.compile(r"^(?P<body>[^\[].*?\S)\s*[(\[](?P<name>[^()\[\]]+)[)\]](?P<stop>\s*[.!?,;:]*)\s*$")
# "[The Calm] It's time ..." : the stroke with "The" in front
_LEADING_THE = re.compile(r"^\[\s*the\s+(?P<name>[^\]]+)\](?P<rest>.*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LineFix:
    """One rewritten line (1-based number), before and after."""

    line: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class FileFix:
    """What `fix_file` did: the lines changed and where the original was kept."""

    path: Path
    fixes: tuple[LineFix, ...]
    backup: Path | None


def _stroke_words(name: str, pack: StrokePack) -> str | None:
    """`The Calm` / `Tummy Clock` / `circle x2 back` -> the tag's words with the stroke
    as the pack names it, or None when the words do not start with one of its strokes."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return None
    whole = pack.get("-".join(words).lower())
    if whole is not None:
        return whole.id
    first = pack.get(words[0].lower())
    if first is None:
        return None
    return " ".join([first.id, *(w.lower() for w in words[1:])])


def book_rewrite(line: str, pack: StrokePack | None) -> str | None:
    """The line as the story format wants it, when it is written in the book style
    with a stroke of `pack`; None when it is not (or the rewrite would be a guess)."""
    if pack is None:
        return None
    text = line.strip()
    if m := _LEADING_THE.match(text):
        words = _stroke_words(m.group("name"), pack)
        return f"[{words}]{m.group('rest')}" if words else None
    if m := _TRAILING.match(text):
        words = _stroke_words(m.group("name"), pack)
        body = m.group("body").rstrip() + m.group("stop").strip()
        return f"[{words}] {body}" if words else None
    return None


def fix_text(text: str, pack: StrokePack | None) -> tuple[str, tuple[LineFix, ...]]:
    """`text` with every book-style line rewritten (indent and line endings kept)."""
    out: list[str] = []
    fixes: list[LineFix] = []
    for number, raw in enumerate(text.splitlines(keepends=True), 1):
        content = raw.rstrip("\r\n")
        ending = raw[len(content):]
        stripped = content.strip()
        new = None if stripped.startswith(("//", "#")) else book_rewrite(stripped, pack)
        if new is None:
            out.append(raw)
            continue
        indent = content[: len(content) - len(content.lstrip())]
        out.append(indent + new + ending)
        fixes.append(LineFix(number, stripped, new))
    return "".join(out), tuple(fixes)


def backup_path(path: Path) -> Path:
    """`name.story.bak`, or `.bak2`, `.bak3`... so an earlier backup is never overwritten."""
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak{n}")
        n += 1
    return candidate


def fix_file(path: Path, text: str, pack: StrokePack | None) -> FileFix:
    """Rewrite the book-style lines of the story at `path` (whose text is `text`),
    keeping the original beside it first; nothing is written when nothing changes."""
    new, fixes = fix_text(text, pack)
    if not fixes:
        return FileFix(path, (), None)
    backup = backup_path(path)
    backup.write_bytes(path.read_bytes())  # the exact original bytes, whatever their encoding
    path.write_text(new, encoding="utf-8", newline="")
    return FileFix(path, fixes, backup)
