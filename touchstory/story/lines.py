"""Reading the inside of one story line: the `[stroke x2 back firm]` tag and the
`{pause 2s}` / `{tap}` markers in the text after it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from touchstory.story.model import Area, Location, Part, Pause, Pressure, StrokeTag, WaitForTap
from touchstory.story.packs import StrokePack
from touchstory.story.problems import ProblemList, closest, did_you_mean, suggestion_words

MAX_REPEATS = 20
PAUSE_RANGE = (0.1, 60.0)
MARKERS = ("pause", "tap", "refrain", "chorus")
_REPEAT = re.compile(r"^(?:[x×](?P<a>\d*)|(?P<b>\d+)[x×]?)$", re.IGNORECASE)
_PAUSE = re.compile(r"^(?P<n>\d+(?:\.\d+)?|\.\d+)\s*(?P<unit>ms|s|sec|secs|second|seconds)?$", re.IGNORECASE)
_SIMPLE = re.compile(r"^(?P<s>[a-z][a-z-]*)(?: x(?P<n>\d{1,2}))?$")
_AREAS = {a.value: a for a in Area}
# a place in the singular means the plural: "[walk arm]" walks up the arms (never a "did you mean")
SINGULAR_AREAS = {"arm": Area.ARMS, "hand": Area.HANDS, "foot": Area.FEET, "shoulder": Area.SHOULDERS,
                  "leg": Area.LEGS}
_PLACE_WORDS = _AREAS | SINGULAR_AREAS
_INSIDE = re.compile(r"\[([^\[\]]*)\]")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=[^\s*_])([^*_\n]*?[^\s*_])\1(?![\w*])")
_PRESSURES = {p.value: p for p in Pressure} | {"gentle": Pressure.LIGHT, "soft": Pressure.LIGHT}
GUESS_CUTOFF = 0.75  # below this a "did you mean" is more puzzling than helpful ("sleepy" -> "sweep")
_COUNT_WORDS = ("once", "twice", "thrice", "times")
_PACK_WORDS = {"infant": "a baby-massage stroke", "story": "a story-massage stroke"}


@dataclass(frozen=True, slots=True)
class RefrainCall:
    """A `{refrain}` marker; the parser replaces it by the refrain's lines."""

    name: str
    loc: Location


def parse_tag(body: str, col: int, line_no: int, pack: StrokePack | None,
              problems: ProblemList, path: str, *, others: Sequence[StrokePack] = (),
              pack_line: int | None = None) -> StrokeTag | None:
    """Read the words between `[` and `]`; `col` is the column of the first of them.
    `others` are the packs the story does not use (to say where an unknown stroke
    lives); `pack_line` is the line of the story's own `pack:` detail, if written."""
    simple = _SIMPLE.match(body)  # most tags are just "circle" or "circle x2"
    if simple and pack is not None:
        found = pack.get(simple.group("s"))
        count = int(simple.group("n") or 1)
        if found is not None and 1 <= count <= MAX_REPEATS:
            return StrokeTag(found.id, count, None, None, Location(path, line_no, col - 1))
    shown = "[" + " ".join(body.split()) + "]"
    stroke: str | None = None
    named: str | None = None  # the stroke's name as written
    unknown: tuple[str, int] | None = None  # a stroke name the pack does not know, and its column
    doubles: list[tuple[int, int, str]] = []  # reported once we know the tag has a stroke
    repeats: int | None = None
    area: Area | None = None
    pressure: Pressure | None = None
    ok = True
    tokens = [(m.group(), col + m.start()) for m in re.finditer(r"\S+", body)]
    if not tokens:
        problems.error(line_no, col - 1, "the square brackets are empty: write a stroke inside them, like [calm]", 2)
        return None
    skip = False
    for i, (word, at) in enumerate(tokens):
        if skip:
            skip = False
            continue
        low = word.lower()
        known = pack.get(low) if pack else None
        first_is_stroke = named is None and known is not None  # [arms] in the infant pack is a stroke
        if (m := _REPEAT.match(low)) and known is None:
            digits = m.group("a") if m.group("a") is not None else m.group("b")
            # more than 6 digits is out of range anyway; int() of thousands of digits raises
            count = (int(digits) if len(digits) <= 6 else MAX_REPEATS + 1) if digits else 0
            following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if not digits and following.isdigit():
                problems.error(line_no, at, f"write the repeat without a space: x{following}",
                               len(word) + 1 + len(following))
                ok, skip = False, True
            elif not 1 <= count <= MAX_REPEATS:
                problems.error(line_no, at, f'repeat count "{word}" must be from x1 to x{MAX_REPEATS}', len(word))
                ok = False
            elif repeats is not None:
                problems.error(line_no, at, f"{shown} has two repeat counts; keep one", len(word))
                ok = False
            else:
                repeats = count
        elif low in _PLACE_WORDS and not first_is_stroke:
            if area is not None:
                doubles.append((at, len(word), f'{shown} names two places ("{area.value}" and "{low}"); keep one'))
            area = _PLACE_WORDS[low]
        elif low in _PRESSURES and not first_is_stroke:
            if pressure is not None:
                doubles.append((at, len(word), f"{shown} has two pressures; keep one of light, medium, firm"))
            pressure = _PRESSURES[low]
        elif named is None:
            named = word
            if low == "none":
                continue
            if pack is not None and known is None:
                unknown = (word, at)
                ok = False
            stroke = known.id if known else None
        elif known is not None:  # only words of this story's own pack make "two strokes"
            problems.error(line_no, at, f'{shown} has two strokes ("{named}" and "{word}"); a line has one '
                           "stroke: keep one, or give each its own line", len(word), code="two-strokes")
            ok = False
        else:
            close = closest(low, list(_AREAS) + list(_PRESSURES), GUESS_CUTOFF)
            hint = suggestion_words(close)
            places = "" if hint or low.isdigit() or low in _COUNT_WORDS else f"; the places are {', '.join(_AREAS)}"
            problems.error(line_no, at, f'unknown word "{word}" in {shown}{hint}: after the stroke write a repeat '
                           f"like x2, a place like back, or light / medium / firm{places}", len(word),
                           code="unknown-word", hint=close)
            ok = False
    if named is None:
        example = "[" + " ".join(filter(None, (
            "calm" if area in (Area.HANDS, None) and repeats is None else "circle",
            f"x{repeats}" if repeats else "", area.value if area else "", pressure.value if pressure else ""))) + "]"
        problems.error(line_no, col, f"there is no stroke in {shown}: start with the stroke's name, like {example}",
                       max(len(body), 1))
        return None
    for at, length, message in doubles:
        problems.error(line_no, at, message, length)
    if unknown is not None and pack is not None:
        word, at = unknown
        message, close = unknown_stroke_hint(word, area, pack, others, pack_line)
        problems.error(line_no, at, message, len(word), code="unknown-stroke", hint=close)
    if not ok or doubles:
        return None
    return StrokeTag(stroke, repeats or 1, area, pressure, Location(path, line_no, col - 1))


def unknown_stroke(word: str, area: Area | None, pack: StrokePack, others: Sequence[StrokePack] = (),
                   pack_line: int | None = None) -> str:
    """Why `word` is not a stroke here, and what to write instead."""
    return unknown_stroke_hint(word, area, pack, others, pack_line)[0]


def unknown_stroke_hint(word: str, area: Area | None, pack: StrokePack, others: Sequence[StrokePack] = (),
                        pack_line: int | None = None) -> tuple[str, str | None]:
    """`unknown_stroke`'s message and its did-you-mean stroke as a value (or None)."""
    low = word.lower()
    if low in ("tap", "taps"):
        sprinkle = " (for light fingertip taps, use [sprinkle])" if pack.get("sprinkle") else ""
        return (f'"{word}" is not a stroke: to wait for a tap, write {{tap}} after the words, like '
                f'"[calm] Who is there? {{tap}}"{sprinkle}'), None
    home = next((other for other in others if other.get(low)), None)
    if home is not None and pack_line is None:
        return (f'"{word}" is {_PACK_WORDS.get(home.id, "a stroke")} (the "{home.id}" pack): add the line '
                f'"pack: {home.id}" at the top of the story'), None
    where = f' (it is {_PACK_WORDS.get(home.id, "a stroke")}, from the "{home.id}" pack)' if home else ""
    fits = [s.id for s in pack.strokes if s.area is area] if area else []
    close = closest(low, pack.names() + ["none"], GUESS_CUTOFF)
    guess = pack.get(close) if close else None
    suggested = None
    if close and (not fits or guess is None or guess.area is area):
        suggested = close
        hint = suggestion_words(close)
    elif fits:
        hint = f"; strokes for the {area.value if area else ''} are {', '.join(fits)}"
    else:
        hint = f"; its strokes are {', '.join(s.id for s in pack.strokes)}"
    return f'unknown stroke "{word}" in the "{pack.id}" pack{where}{hint}', suggested


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
    if name in ("refrain", "chorus"):
        return RefrainCall(" ".join(rest.lower().split()), loc)
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
    hint = did_you_mean(name, MARKERS)
    fix = ("write {pause 2s}, {tap} or {refrain}" if hint else "curly brackets are only for {pause 2s}, {tap} "
           "and {refrain}, so they cannot be part of the words; write the words without them")
    problems.error(line_no, col + 1, f'unknown marker "{{{inner.strip()}}}"{hint}: {fix}', len(inner))
    return None


def check_body(body: str, col: int, line_no: int, pack: StrokePack | None, packs: Sequence[StrokePack],
               problems: ProblemList) -> bool:
    """Look in the words after the stroke for what a first-time author slips in: a
    second `[stroke]` (an error: one line, one stroke), a stray `]` and Markdown's
    `**bold**` / `_italics_` (warnings: they would be shown as they are). Square
    brackets around words that are not a stroke (`[sic]`) are the author's own words
    and stay. `col` is the column of body[0]. False when there was an error."""
    ok = True
    opened: set[int] = set()
    for m in _INSIDE.finditer(body):
        opened.update((m.start(), m.end() - 1))
        words = m.group(1).split()
        first = words[0].lower() if words else ""
        if first == "the" and len(words) > 1:
            first = words[1].lower()
        if first and (first == "none" or any(p.get(first) for p in packs)):
            rest = " ".join(body[m.end():].split("[", 1)[0].split()[:4])
            problems.error(line_no, col + m.start(), f'"{m.group()}" starts a second stroke inside this line: start '
                           f"a new line for each stroke, like: {m.group()} {rest}".rstrip(), len(m.group()),
                           code="stroke-inside-line")
            ok = False
    stray = next((i for i, ch in enumerate(body) if ch == "]" and i not in opened), None)
    if stray is not None:
        problems.warning(line_no, col + stray, 'this "]" is shown as it is: only the stroke at the start of the line '
                         'goes in square brackets; delete the extra "]"', code="stray-bracket")
    if em := _EMPHASIS.search(body):
        mark = em.group(1)
        problems.warning(line_no, col + em.start(), f'the "{mark}" marks around "{em.group(2)}" are shown as they '
                         "are (bold and italics from Markdown or chat do not work in a story); write the words "
                         "without them", len(em.group()), code="emphasis")
    return ok
