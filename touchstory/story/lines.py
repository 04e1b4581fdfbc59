"""Reading the inside of one story line: the `[stroke x2 back firm]` tag and the
`{pause 2s}` / `{tap}` markers in the text after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from touchstory.story.model import Area, Location, Part, Pause, Pressure, StrokeTag, WaitForTap
from touchstory.story.packs import StrokePack
from touchstory.story.problems import ProblemList, did_you_mean

MAX_REPEATS = 20
PAUSE_RANGE = (0.1, 60.0)
MARKERS = ("pause", "tap", "refrain")
_REPEAT = re.compile(r"^(?:[x×](?P<a>\d*)|(?P<b>\d+)[x×]?)$", re.IGNORECASE)
_PAUSE = re.compile(r"^(?P<n>\d+(?:\.\d+)?|\.\d+)\s*(?P<unit>ms|s|sec|secs|second|seconds)?$", re.IGNORECASE)
_SIMPLE = re.compile(r"^(?P<s>[a-z][a-z-]*)(?: x(?P<n>\d{1,2}))?$")
_AREAS = {a.value: a for a in Area}
_PRESSURES = {p.value: p for p in Pressure} | {"gentle": Pressure.LIGHT, "soft": Pressure.LIGHT}


@dataclass(frozen=True, slots=True)
class RefrainCall:
    """A `{refrain}` marker; the parser replaces it by the refrain's lines."""

    name: str
    loc: Location


def parse_tag(body: str, col: int, line_no: int, pack: StrokePack | None,
              problems: ProblemList, path: str) -> StrokeTag | None:
    """Read the words between `[` and `]`; `col` is the column of the first of them."""
    simple = _SIMPLE.match(body)  # most tags are just "circle" or "circle x2"
    if simple and pack is not None:
        found = pack.get(simple.group("s"))
        count = int(simple.group("n") or 1)
        if found is not None and 1 <= count <= MAX_REPEATS:
            return StrokeTag(found.id, count, None, None, Location(path, line_no, col - 1))
    stroke: str | None = None
    named = False
    repeats: int | None = None
    area: Area | None = None
    pressure: Pressure | None = None
    ok = True
    tokens = [(m.group(), col + m.start()) for m in re.finditer(r"\S+", body)]
    if not tokens:
        problems.error(line_no, col - 1, "empty stroke tag: write a stroke inside the brackets, like [calm]", 2)
        return None
    for word, at in tokens:
        low = word.lower()
        if (m := _REPEAT.match(low)) and not (pack and pack.get(low)):
            digits = m.group("a") if m.group("a") is not None else m.group("b")
            count = int(digits) if digits else 0
            if not 1 <= count <= MAX_REPEATS:
                problems.error(line_no, at, f'repeat count "{word}" must be from x1 to x{MAX_REPEATS}', len(word))
                ok = False
            elif repeats is not None:
                problems.error(line_no, at, "the tag has two repeat counts; keep one", len(word))
                ok = False
            else:
                repeats = count
        elif low in _AREAS:
            if area is not None:
                problems.error(line_no, at, f'the tag names two places ("{area.value}" and "{low}"); keep one', len(word))
                ok = False
            area = _AREAS[low]
        elif low in _PRESSURES:
            if pressure is not None:
                problems.error(line_no, at, "the tag has two pressures; keep one of light, medium, firm", len(word))
                ok = False
            pressure = _PRESSURES[low]
        elif not named:
            named = True
            if low == "none":
                continue
            found = pack.get(low) if pack else None
            if pack is not None and found is None:
                problems.error(line_no, at, f'unknown stroke "{word}" in the "{pack.id}" pack'
                               f"{did_you_mean(low, pack.names() + ['none'])}", len(word))
                ok = False
            stroke = found.id if found else None
        else:
            choices = list(_AREAS) + list(_PRESSURES)
            hint = did_you_mean(low, choices) or did_you_mean(low, pack.names() if pack else [])
            problems.error(line_no, at, f'unknown word "{word}" in the stroke tag{hint}: after the stroke, write '
                           "a repeat like x2, a place like back, or light / medium / firm", len(word))
            ok = False
    if not named:
        problems.error(line_no, col, "the tag has no stroke name: start it with one, like [circle x2]",
                       max(len(body), 1))
        return None
    if not ok:
        return None
    return StrokeTag(stroke, repeats or 1, area, pressure, Location(path, line_no, col - 1))


def parse_parts(text: str, col: int, line_no: int, problems: ProblemList,
                path: str) -> tuple[list[Part | RefrainCall], bool]:
    """Split line text into words, pauses, taps and refrain calls. `col` is the
    column of text[0]. Returns the parts and whether they were all well formed."""
    parts: list[Part | RefrainCall] = []
    ok = True
    pos = 0
    while pos < len(text):
        start = text.find("{", pos)
        if start < 0:
            parts.append(text[pos:])
            break
        if start > pos:
            parts.append(text[pos:start])
        end = text.find("}", start)
        if end < 0:
            problems.error(line_no, col + start, 'this "{" is never closed: add "}" after the marker, like {pause 2s}')
            return parts, False
        marker = _marker(text[start + 1:end], col + start, line_no, problems, path)
        if marker is None:
            ok = False
        else:
            parts.append(marker)
        pos = end + 1
    return parts, ok


def _marker(inner: str, col: int, line_no: int, problems: ProblemList,
            path: str) -> Pause | WaitForTap | RefrainCall | None:
    words = inner.split(None, 1)
    loc = Location(path, line_no, col)
    if not words:
        problems.error(line_no, col, "empty {}: write {pause 2s}, {tap} or {refrain}", 2)
        return None
    name, rest = words[0].lower(), (words[1].strip() if len(words) > 1 else "")
    if name == "tap":
        return WaitForTap(loc)
    if name == "refrain":
        return RefrainCall(rest.lower(), loc)
    if name == "pause":
        m = _PAUSE.match(rest)
        if not rest or not m or not m.group("unit"):
            problems.error(line_no, col, "write the pause length with its unit, like {pause 2s} or {pause 500ms}",
                           len(inner) + 2)
            return None
        seconds = float(m.group("n")) / (1000 if m.group("unit").lower() == "ms" else 1)
        if not PAUSE_RANGE[0] <= seconds <= PAUSE_RANGE[1]:
            problems.error(line_no, col, f"a pause must be from {PAUSE_RANGE[0]:g} s to {PAUSE_RANGE[1]:g} s, "
                           f"not {seconds:g} s", len(inner) + 2)
            return None
        return Pause(seconds, loc)
    problems.error(line_no, col + 1, f'unknown marker "{{{words[0]}}}"{did_you_mean(name, MARKERS)}: '
                   "write {pause 2s}, {tap} or {refrain}", len(words[0]))
    return None
