"""Child profiles: each child's own way (loved and avoided strokes, substitutes,
where the strokes go, pressure, a length cap, sound and voice speed), kept in the
journal's profiles table; the child chosen for tonight is remembered.

A profile can be written to a small file (.touchchild, JSON) and read on another
machine: a profile with the same name is never overwritten silently; the caller
chooses to merge, keep both or skip. Optional: touchstory works with no profile.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from touchstory.errors import SettingsError
from touchstory.journal.store import Journal
from touchstory.story.adapt import ChildWay, Placement, PressureWay

PROFILE_SUFFIX = ".touchchild"
PROFILE_FORMAT = "touchstory-child"
PROFILE_VERSION = 1
COLOURS = ("#7a9cc6", "#d99a6c", "#8fbf8a", "#c98bb9", "#d6c26a", "#8ab8b8")
COLOUR_NAMES = ("Blue", "Orange", "Green", "Plum", "Yellow", "Teal")

_COLUMNS = ("id, name, notes, likes, dislikes, colour, substitutes, placement, pressure_way, cap_minutes, "
            "soundscape, voice_speed, cues")


@dataclass(frozen=True, slots=True)
class ChildProfile:
    """One child's way. `id` is 0 until saved."""

    name: str
    way: ChildWay = field(default_factory=ChildWay)
    colour: str = ""
    soundscape: str = ""  # "" : the story's own
    voice_speed: float | None = None  # words a minute; None: the app's setting
    cues: str = ""  # what this child shows when they enjoy it or have had enough, for other carers
    notes: str = ""
    id: int = 0


class Clash(StrEnum):
    """What to do when an imported profile has the name of one already here."""

    ASK = "ask"  # nothing written; the caller is told and asks the user
    MERGE = "merge"  # keep what is here, add what the file adds (avoided strokes kept from both)
    REPLACE = "replace"  # the file's version wins (the user said so)
    KEEP_BOTH = "keep-both"  # the file's profile is saved under a new name
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class Imported:
    profile: ChildProfile | None  # as saved; None when nothing was written
    clash: ChildProfile | None  # the profile already here with that name, if any
    done: Clash | None  # what was done; None: new profile added, or ASK left it


class Profiles:
    """The profiles in a journal. Each write is one transaction."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def all(self) -> list[ChildProfile]:
        rows = self._journal.db.execute(f"SELECT {_COLUMNS} FROM profiles ORDER BY name COLLATE NOCASE")
        return [_from_row(r) for r in rows]

    def get(self, profile_id: int) -> ChildProfile | None:
        row = self._journal.db.execute(f"SELECT {_COLUMNS} FROM profiles WHERE id = ?", (profile_id,)).fetchone()
        return _from_row(row) if row else None

    def named(self, name: str) -> ChildProfile | None:
        row = self._journal.db.execute(f"SELECT {_COLUMNS} FROM profiles WHERE name = ? COLLATE NOCASE",
                                       (name.strip(),)).fetchone()
        return _from_row(row) if row else None

    def save(self, profile: ChildProfile) -> ChildProfile:
        """Add (id 0) or update a profile; returns it with its id."""
        name = profile.name.strip()
        if not name:
            raise SettingsError("a child profile needs a name or nickname")
        values = _values(replace(profile, name=name))
        now = self._journal._now()  # noqa: SLF001 - the journal's clock, so tests can set it
        try:
            with self._journal.transaction() as db:
                if profile.id:
                    db.execute("UPDATE profiles SET name=?, notes=?, likes=?, dislikes=?, colour=?, substitutes=?, "
                               "placement=?, pressure_way=?, cap_minutes=?, soundscape=?, voice_speed=?, cues=?, "
                               "updated=? WHERE id=?", (*values, now, profile.id))
                    return replace(profile, name=name)
                cursor = db.execute(
                    "INSERT INTO profiles(name, notes, likes, dislikes, colour, substitutes, placement, pressure_way, "
                    "cap_minutes, soundscape, voice_speed, cues, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*values, now, now))
        except sqlite3.IntegrityError as exc:
            raise SettingsError(f'there is already a profile called "{name}"; choose another name') from exc
        return replace(profile, name=name, id=int(cursor.lastrowid or 0))

    def delete(self, profile_id: int) -> None:
        """Remove a profile; its sessions stay in the journal, no longer named."""
        with self._journal.transaction() as db:
            db.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))
            db.execute("DELETE FROM chosen WHERE key = 'profile' AND value = ?", (str(profile_id),))

    # -- who is it for tonight ------------------------------------------------------------

    def chosen(self) -> ChildProfile | None:
        """The child chosen last time (None: no one, the story as written)."""
        row = self._journal.db.execute("SELECT value FROM chosen WHERE key = 'profile'").fetchone()
        if row is None or not str(row[0]).isdigit():
            return None
        return self.get(int(row[0]))

    def choose(self, profile_id: int | None) -> None:
        with self._journal.transaction() as db:
            if profile_id is None:
                db.execute("DELETE FROM chosen WHERE key = 'profile'")
            else:
                db.execute("INSERT INTO chosen(key, value) VALUES ('profile', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(profile_id),))

    # -- sharing with another carer -------------------------------------------------------

    def export(self, profile: ChildProfile, path: Path) -> Path:
        """Write one profile to a small file for another carer's machine."""
        text = json.dumps(to_json(profile), indent=2, ensure_ascii=False)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(path)  # whole file or nothing
        return path

    def import_file(self, path: Path, clash: Clash = Clash.ASK) -> Imported:
        incoming = read_profile_file(path)
        here = self.named(incoming.name)
        if here is None:
            return Imported(self.save(replace(incoming, id=0)), None, None)
        if clash is Clash.ASK:
            return Imported(None, here, None)
        if clash is Clash.SKIP:
            return Imported(here, here, Clash.SKIP)
        if clash is Clash.REPLACE:
            return Imported(self.save(replace(incoming, id=here.id)), here, Clash.REPLACE)
        if clash is Clash.KEEP_BOTH:
            return Imported(self.save(replace(incoming, id=0, name=self._free_name(incoming.name))), here,
                            Clash.KEEP_BOTH)
        return Imported(self.save(merge(here, incoming)), here, Clash.MERGE)

    def _free_name(self, name: str) -> str:
        number = 2
        while self.named(f"{name} ({number})") is not None:
            number += 1
        return f"{name} ({number})"


def merge(here: ChildProfile, incoming: ChildProfile) -> ChildProfile:
    """Keep everything set here; add what the file adds. Avoided strokes are kept
    from both (a stroke one carer learnt the child dislikes is never dropped)."""
    avoid = tuple(dict.fromkeys((*here.way.avoid, *incoming.way.avoid)))
    loves = tuple(s for s in dict.fromkeys((*here.way.loves, *incoming.way.loves)) if s not in avoid)
    subs = dict(incoming.way.substitutes) | dict(here.way.substitutes)
    way = replace(here.way, loves=loves, avoid=avoid, substitutes=tuple(subs.items()),
                  cap_minutes=here.way.cap_minutes or incoming.way.cap_minutes)
    cues = here.cues if incoming.cues in here.cues else "\n".join(filter(None, (here.cues, incoming.cues)))
    notes = here.notes if incoming.notes in here.notes else "\n".join(filter(None, (here.notes, incoming.notes)))
    return replace(here, way=way, cues=cues, notes=notes, colour=here.colour or incoming.colour,
                   soundscape=here.soundscape or incoming.soundscape,
                   voice_speed=here.voice_speed or incoming.voice_speed)


def to_json(profile: ChildProfile) -> dict[str, object]:
    way = profile.way
    return {
        "format": PROFILE_FORMAT, "version": PROFILE_VERSION, "name": profile.name,
        "colour": profile.colour, "loves": list(way.loves), "avoid": list(way.avoid),
        "substitutes": dict(way.substitutes), "placement": way.placement.value, "pressure": way.pressure.value,
        "cap_minutes": way.cap_minutes, "soundscape": profile.soundscape, "voice_speed": profile.voice_speed,
        "cues": profile.cues, "notes": profile.notes,
    }


def read_profile_file(path: Path) -> ChildProfile:
    """A profile file, checked; errors name the file and what to do."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"{path}: could not be read ({exc.strerror or exc}); check the file is there") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        raise SettingsError(f"{path}:{line}: this is not a touchstory child profile file "
                            f"({exc}); export it again from touchstory") from exc
    if not isinstance(data, dict) or data.get("format") != PROFILE_FORMAT:
        raise SettingsError(f"{path}:1: this is not a touchstory child profile file; "
                            f"export it again from touchstory (Profiles > Share)")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise SettingsError(f"{path}:1: the profile has no name; add \"name\": \"...\" or export it again")
    return _from_json(data, path)


def _from_json(data: dict[str, object], path: Path) -> ChildProfile:
    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key)
        return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()

    subs = data.get("substitutes")
    pairs = tuple((k, v) for k, v in subs.items() if isinstance(v, str)) if isinstance(subs, dict) else ()
    cap, speed = data.get("cap_minutes"), data.get("voice_speed")
    try:
        placement = Placement(str(data.get("placement") or Placement.AS_WRITTEN.value))
        pressure = PressureWay(str(data.get("pressure") or PressureWay.AS_WRITTEN.value))
    except ValueError as exc:
        raise SettingsError(f"{path}:1: {exc}; use one of {', '.join(p.value for p in Placement)} for "
                            f"placement and lighter, as-written or firmer for pressure") from exc
    way = ChildWay(strings("loves"), strings("avoid"), pairs, placement, pressure,
                   float(cap) if isinstance(cap, (int, float)) and cap > 0 else None)
    return ChildProfile(str(data["name"]).strip(), way, str(data.get("colour") or ""),
                        str(data.get("soundscape") or ""),
                        float(speed) if isinstance(speed, (int, float)) and speed > 0 else None,
                        str(data.get("cues") or ""), str(data.get("notes") or ""))


def _values(p: ChildProfile) -> tuple[object, ...]:
    way = p.way
    return (p.name, p.notes, json.dumps(list(way.loves)), json.dumps(list(way.avoid)), p.colour,
            json.dumps([list(pair) for pair in way.substitutes]), way.placement.value, way.pressure.value,
            way.cap_minutes, p.soundscape, p.voice_speed, p.cues)


def _from_row(r: tuple[Any, ...]) -> ChildProfile:
    """A row, read defensively: a value this version cannot read becomes the default."""
    pairs: tuple[tuple[str, str], ...] = ()
    try:
        raw = json.loads(str(r[6]))
        pairs = tuple((str(a), str(b)) for a, b in raw) if isinstance(raw, list) else ()
    except (json.JSONDecodeError, TypeError, ValueError):
        pass
    try:
        placement = Placement(str(r[7]))
    except ValueError:
        placement = Placement.AS_WRITTEN
    try:
        pressure = PressureWay(str(r[8]))
    except ValueError:
        pressure = PressureWay.AS_WRITTEN
    cap = r[9] if isinstance(r[9], (int, float)) and r[9] > 0 else None
    speed = r[11] if isinstance(r[11], (int, float)) and r[11] > 0 else None
    way = ChildWay(_strings(r[3]), _strings(r[4]), pairs, placement, pressure, cap)
    return ChildProfile(str(r[1]), way, str(r[5] or ""), str(r[10] or ""), speed, str(r[12] or ""),
                        str(r[2] or ""), int(r[0]))


def _strings(text: object) -> tuple[str, ...]:
    try:
        value = json.loads(str(text))
    except json.JSONDecodeError:
        return ()
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()
