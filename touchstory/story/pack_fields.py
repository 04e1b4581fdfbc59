"""The pieces of a pack file below the stroke: `key: value` fields (indented lines
run on), motion points, "how on AREA:" lines and enum values, each read with the
line and column a problem is told at. packs.py puts them together into strokes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from touchstory.story.model import Area
from touchstory.story.problems import ProblemList, did_you_mean

HOW_ON = "how on "  # "how on feet, hands: ..." gives the how-to for those places
_E = TypeVar("_E", bound=Enum)


@dataclass(slots=True)
class Field:
    key: str
    value: str
    line: int
    col: int  # column of the value


def fields(lines: list[str]) -> Iterator[Field]:
    """`key: value` lines; indented lines continue the previous value."""
    current: Field | None = None
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("//"):
            continue
        if raw[:1] in (" ", "\t") and current is not None:
            current.value = f"{current.value} {stripped}".strip()
            continue
        if current is not None:
            yield current
        key, sep, value = raw.partition(":")
        if not sep:
            current = Field("", stripped, number, 1)
            continue
        col = len(key) + 2 + (len(value) - len(value.lstrip()))
        current = Field(key.strip().lower(), value.strip(), number, col)
    if current is not None:
        yield current


def points(f: Field | None, problems: ProblemList) -> tuple[tuple[float, float], ...] | None:
    """The "x,y x,y ..." of a motion; () when the field is absent, None on errors."""
    if f is None:
        return ()
    points: list[tuple[float, float]] = []
    ok = True
    for m in re.finditer(r"\S+", f.value):
        try:
            x, y = (float(v) for v in m.group().split(","))
            if not (0 <= x <= 1 and 0 <= y <= 1):
                raise ValueError
            points.append((x, y))
        except ValueError:
            problems.error(f.line, f.col + m.start(),
                           f'"{m.group()}" is not a point "x,y" with both numbers from 0 to 1', len(m.group()))
            ok = False
    if not points and ok:
        problems.error(f.line, f.col, f"{f.key} needs at least one point x,y")
        ok = False
    return tuple(points) if ok else None


def hows(fields: list[Field], own: Area | None, problems: ProblemList) -> tuple[tuple[Area, str], ...] | None:
    """"how on feet, hands: ..." lines: the how-to for each place named; None on errors."""
    out: dict[Area, str] = {}
    ok = True
    for f in fields:
        col = 1 + len(HOW_ON)
        for word in f.key[len(HOW_ON):].split(","):
            name = word.strip()
            at = col + len(word) - len(word.lstrip())
            col += len(word) + 1
            try:
                area = Area(name)
            except ValueError:
                choices = [a.value for a in Area]
                problems.error(f.line, at, f'"{name}" is not a place: write one of {", ".join(choices)}'
                               f"{did_you_mean(name, choices)}", max(len(name), 1))
                ok = False
                continue
            if area is own:
                problems.error(f.line, at, f'"how on {name}:" is the stroke\'s usual place: its "how:" says that',
                               len(name))
                ok = False
            elif area in out:
                problems.error(f.line, at, f'the how-to on the {name} is written twice for the same stroke', len(name))
                ok = False
            elif not f.value:
                problems.error(f.line, 1, f'"how on {name}:" has no words after the colon', len(f.key))
                ok = False
            out[area] = f.value
    return tuple(out.items()) if ok else None


def enum_value(block: dict[str, Field], key: str, enum: type[_E], default: _E, problems: ProblemList) -> _E | None:
    if key not in block:
        return default
    f = block[key]
    try:
        return enum(f.value.lower())
    except ValueError:
        choices = [str(e.value) for e in enum]
        problems.error(f.line, f.col, f'{key} "{f.value}" is not one of {", ".join(choices)}{did_you_mean(f.value, choices)}', len(f.value))
        return None

