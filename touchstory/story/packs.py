"""Stroke packs: data files naming each stroke with its how-to, tempo, usual place
and pressure, and the motion of the hand for the animated demonstration."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


from touchstory.errors import PackError
from touchstory.files import RefusedFile, read_capped
from touchstory.resources import packs_dir
from touchstory.story.model import Area, Location, Pressure, Problem, Severity
from touchstory.story.pack_fields import HOW_ON, Field, enum_value, fields, hows, points
from touchstory.story.problems import MAX_FILE_BYTES, ProblemList, decode_text, did_you_mean


class Touch(Enum):
    """How the hand meets the body in the animation."""

    GLIDE = "glide"
    TAP = "tap"
    PRESS = "press"
    REST = "rest"


class HandShape(Enum):
    """Which part of the hand touches, as drawn in the animation: a parent copies it."""

    FLAT = "flat"  # the whole palm, fingers together
    FINGERTIPS = "fingertips"  # the pads of all four fingers (raindrops, drumming)
    TWO_FINGERS = "two-fingers"  # two fingertips walking
    CUPPED = "cupped"  # a soft dome, fingers together
    CURLED = "curled"  # fingers curved like a cat's paw, soft pads only
    SIDE = "side"  # the little-finger edge of the hand
    THUMBS = "thumbs"  # the pad of the thumb, the fingers holding underneath
    GRASP = "grasp"  # fingers and thumb holding softly round


class Body(Enum):
    """Which outline the animation draws the hand on."""

    BACK = "back"  # a child's back and shoulders, seen from behind
    BABY = "baby"  # a baby lying on its back, seen from above


@dataclass(frozen=True, slots=True)
class Motion:
    points: tuple[tuple[float, float], ...]
    touch: Touch
    hands: int  # 1, or 2 mirrored about the middle
    shape: HandShape = HandShape.FLAT
    in_turn: bool = False  # two hands taking turns: the second half a step behind
    other: tuple[tuple[float, float], ...] = ()  # the second hand's own place(s), not mirrored


@dataclass(frozen=True, slots=True)
class Stroke:
    id: str
    name: str
    aliases: tuple[str, ...]
    how: str
    tempo: float  # seconds per repeat
    pressure: Pressure
    area: Area
    motion: Motion
    loc: Location
    icon: Path | None = None
    how_on: tuple[tuple[Area, str], ...] = ()  # the how-to for another place ("how on feet:")

    def seconds(self, repeats: int = 1) -> float:
        return self.tempo * max(repeats, 1)

    def how_for(self, area: Area | None) -> str | None:
        """The how-to written for `area` (its own: `how`); None if the pack has none."""
        if area is None or area is self.area:
            return self.how
        return next((text for where, text in self.how_on if where is area), None)


@dataclass(frozen=True, slots=True)
class StrokePack:
    id: str
    name: str
    description: str
    body: Body
    strokes: tuple[Stroke, ...]
    path: Path
    _index: dict[str, Stroke] = field(default_factory=dict, repr=False, compare=False)

    def get(self, name: str) -> Stroke | None:
        """The stroke named by id or alias, ignoring case."""
        if not self._index:
            for stroke in reversed(self.strokes):
                self._index.update({n: stroke for n in (*stroke.aliases, stroke.id)})
        found = self._index.get(name)
        return found if found is not None else self._index.get(name.strip().lower())

    def __getitem__(self, name: str) -> Stroke:
        stroke = self.get(name)
        if stroke is None:
            raise KeyError(name)
        return stroke

    def names(self) -> list[str]:
        return [n for s in self.strokes for n in (s.id, *s.aliases)]


PACK_KEYS = ("pack", "name", "description", "body")
STROKE_KEYS = ("stroke", "name", "aliases", "how", "tempo", "pressure", "area", "hands", "touch", "motion", "icon",
               "hand", "other-hand", "how on AREA")
_ID = re.compile(r"^[a-z][a-z0-9-]*$")



def parse_pack(text: str, path: Path) -> tuple[StrokePack | None, list[Problem]]:
    """Read a pack file; return the pack (None on errors) and every problem."""
    lines = text.splitlines()
    problems = ProblemList(str(path), lines)
    header: dict[str, Field] = {}
    blocks: list[dict[str, Field]] = []
    places: list[list[Field]] = []  # each block's "how on ...:" fields
    for f in fields(lines):
        if not f.key:
            problems.error(f.line, 1, 'expected "key: value" (for example "tempo: 2")')
            continue
        if f.key == "stroke":
            blocks.append({"stroke": f})
            places.append([])
            continue
        target = blocks[-1] if blocks else header
        allowed = STROKE_KEYS if blocks else PACK_KEYS
        if blocks and f.key.startswith(HOW_ON):
            places[-1].append(f)  # several of these per stroke, one per place or group of places
            continue
        if f.key not in allowed:
            problems.error(f.line, 1, f'unknown key "{f.key}"{did_you_mean(f.key, allowed)}', len(f.key))
            continue
        if f.key in target:
            problems.error(f.line, 1, f'"{f.key}" is written twice for the same {"stroke" if blocks else "pack"}')
        target[f.key] = f

    pack_id = header.get("pack")
    if pack_id is None:
        problems.error(1, 1, 'a pack file must start with "pack: its-id"')
    elif not _ID.match(pack_id.value):
        problems.error(pack_id.line, pack_id.col, "a pack id uses lower-case letters, digits and hyphens")
    body = Body.BACK
    if "body" in header:
        try:
            body = Body(header["body"].value.lower())
        except ValueError:
            b = header["body"]
            problems.error(b.line, b.col, f'body must be "back" or "baby", not "{b.value}"')
    if not blocks:
        problems.error(max(len(lines), 1), 1, 'the pack has no strokes; add a "stroke: id" block')

    strokes: list[Stroke] = []
    seen: dict[str, int] = {}
    for block, how_on in zip(blocks, places):
        stroke = _stroke(block, how_on, path, problems)
        if stroke is None:
            continue
        for name in (stroke.id, *stroke.aliases):
            if name in seen:
                problems.error(block["stroke"].line, 1, f'"{name}" already names a stroke on line {seen[name]}')
            seen[name] = block["stroke"].line
        strokes.append(stroke)

    if problems.has_errors or pack_id is None:
        return None, problems.sorted()
    pack = StrokePack(
        id=pack_id.value,
        name=header["name"].value if "name" in header else pack_id.value.title(),
        description=header["description"].value if "description" in header else "",
        body=body,
        strokes=tuple(strokes),
        path=path,
    )
    return pack, problems.sorted()


def _stroke(block: dict[str, Field], how_on: list[Field], path: Path, problems: ProblemList) -> Stroke | None:
    head = block["stroke"]
    ok = True

    def need(key: str) -> Field | None:
        nonlocal ok
        if key not in block:
            problems.error(head.line, 1, f'stroke "{head.value}" has no "{key}:" line')
            ok = False
            return None
        return block[key]

    if not _ID.match(head.value):
        problems.error(head.line, head.col, "a stroke id uses lower-case letters, digits and hyphens")
        ok = False
    how, tempo_f, motion_f = need("how"), need("tempo"), need("motion")
    tempo = 0.0
    if tempo_f is not None:
        try:
            tempo = float(tempo_f.value.removesuffix("s"))
        except ValueError:
            tempo = -1
        if not 0.2 <= tempo <= 30:
            problems.error(tempo_f.line, tempo_f.col, "tempo is the seconds one repeat takes: a number from 0.2 to 30")
            ok = False
    pressure = enum_value(block, "pressure", Pressure, Pressure.MEDIUM, problems)
    area = enum_value(block, "area", Area, Area.BACK, problems)
    touch = enum_value(block, "touch", Touch, Touch.GLIDE, problems)
    shape = enum_value(block, "hand", HandShape, HandShape.FLAT, problems)
    hands, in_turn = 1, False
    if "hands" in block:
        f = block["hands"]
        written = " ".join(f.value.lower().split())
        if written not in ("1", "2", "2 in turn"):
            problems.error(f.line, f.col, 'hands must be 1, 2 (mirrored) or "2 in turn" (one after the other)')
            ok = False
        else:
            hands, in_turn = int(written[0]), written.endswith("turn")
    path_points = points(motion_f, problems)
    other = points(block.get("other-hand"), problems)
    ok = ok and path_points is not None and other is not None
    if "other-hand" in block and hands != 2:
        f = block["other-hand"]
        problems.error(f.line, 1, '"other-hand:" places the second hand: write "hands: 2" too', len("other-hand"))
        ok = False
    area_hows = hows(how_on, area, problems)
    ok = ok and area_hows is not None
    icon = None
    if "icon" in block:
        icon = (path.parent / block["icon"].value).resolve()
        if not icon.is_file():
            f = block["icon"]
            problems.warning(f.line, f.col, f'icon "{f.value}" was not found next to the pack; the stroke is '
                             "shown without it", len(f.value))
            icon = None
    if not ok or pressure is None or area is None or touch is None or shape is None or how is None:
        return None
    assert path_points is not None and other is not None and area_hows is not None
    names = block["aliases"].value.split(",") if "aliases" in block else []
    aliases = tuple(dict.fromkeys("-".join(a.split()).lower() for a in names if a.strip()))
    return Stroke(
        id=head.value,
        name=block["name"].value if "name" in block else head.value.replace("-", " ").capitalize(),
        aliases=aliases,
        how=how.value,
        tempo=tempo,
        pressure=pressure,
        area=area,
        motion=Motion(path_points, touch, hands, shape, in_turn, other),
        loc=Location(str(path), head.line, 1),
        icon=icon,
        how_on=area_hows,
    )



def load_pack(path: Path) -> StrokePack:
    """Read one pack file or raise PackError listing every problem."""
    try:
        data = read_capped(path, MAX_FILE_BYTES, "pack file")
    except RefusedFile as exc:
        raise PackError([], str(exc)) from exc
    except OSError as exc:
        raise PackError([], f"{path}: cannot read the pack file ({exc.strerror})") from exc
    text, problem = decode_text(data, str(path))
    if text is None:
        raise PackError([problem] if problem else [])
    pack, problems = parse_pack(text, path)
    if pack is None:
        raise PackError(problems)
    return pack


class PackRegistry:
    """Every stroke pack known: the bundled ones, then the user's (which may add new
    ids but never silently replace a bundled pack)."""

    def __init__(self, packs: Iterable[StrokePack] = ()) -> None:
        self._packs: dict[str, StrokePack] = {}
        self.problems: list[Problem] = []
        for pack in packs:
            self._packs.setdefault(pack.id, pack)

    @classmethod
    def from_dirs(cls, *dirs: Path) -> PackRegistry:
        registry = cls()
        for folder in dirs:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.pack")):
                try:
                    pack = load_pack(path)
                except PackError as exc:
                    registry.problems.extend(exc.problems or [])
                    continue
                if pack.id in registry._packs:
                    registry.problems.append(Problem(
                        Severity.WARNING, f'pack "{pack.id}" is already provided by '
                        f"{registry._packs[pack.id].path}; rename this pack's id to use it",
                        Location(str(path), 1, 1)))
                    continue
                registry._packs[pack.id] = pack
        return registry

    @classmethod
    def default(cls, user_dir: Path | None = None) -> PackRegistry:
        dirs = [packs_dir()] + ([user_dir] if user_dir else [])
        return cls.from_dirs(*dirs)

    def get(self, pack_id: str) -> StrokePack | None:
        return self._packs.get(pack_id.strip().lower())

    def __getitem__(self, pack_id: str) -> StrokePack:
        return self._packs[pack_id]

    def __contains__(self, pack_id: object) -> bool:
        return pack_id in self._packs

    def __iter__(self) -> Iterator[StrokePack]:
        return iter(self._packs.values())

    def ids(self) -> list[str]:
        return list(self._packs)

