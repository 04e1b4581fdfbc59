"""The session log for the routine: the line reached (written at every line, so
a crash loses at most the current one), "how it went" after the story, the
routine of one child over the last weeks, CSV export and import, and backing up
or restoring the whole journal as one file.

The journal describes what happened; it never judges or diagnoses.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from touchstory.errors import SettingsError
from touchstory.journal.store import EndReason, Journal


class Feeling(StrEnum):
    LOVED = "loved"
    FINE = "fine"
    NOT_TONIGHT = "not-tonight"

    @property
    def label(self) -> str:
        return {Feeling.LOVED: "Loved it", Feeling.FINE: "Fine", Feeling.NOT_TONIGHT: "Not tonight"}[self]


class Cue(StrEnum):
    """What the grown-up saw; words that describe, not judge."""

    RELAXED = "relaxed"
    SMILING = "smiling"
    EYE_CONTACT = "eye-contact"
    TURNED_AWAY = "turned-away"
    STIFFENED = "stiffened"
    YAWNED = "yawned"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


@dataclass(frozen=True, slots=True)
class HowItWent:
    feeling: Feeling | None = None
    cues: tuple[Cue, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Evening:
    """One session as the routine chart and the CSV show it."""

    id: int
    story: str
    title: str
    started: float
    ended: float | None
    reason: EndReason | None
    lines_reached: int
    total_lines: int
    last_stroke: str | None
    profile: str  # the child's name, "" for none
    how: HowItWent

    @property
    def minutes(self) -> float:
        return max(0.0, (self.ended - self.started) / 60) if self.ended else 0.0

    @property
    def day(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.started).date()


CSV_COLUMNS = ("id", "date", "time", "child", "story", "title", "minutes", "ended", "lines_reached",
               "total_lines", "last_stroke", "how_it_went", "cues", "note")

_SELECT = ("SELECT s.id, s.story, s.title, s.started, s.ended, s.reason, s.lines_reached, s.total_lines, "
           "s.last_stroke, COALESCE(p.name, ''), h.feeling, h.cues, h.note FROM sessions s "
           "LEFT JOIN profiles p ON p.id = s.profile_id LEFT JOIN how_it_went h ON h.session_id = s.id")


class SessionLog:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def reached(self, session_id: int, line: int, total: int, stroke: str | None) -> None:
        """Line `line` (1-based) of `total` is being shown: one small transaction, so
        a crash or power cut loses at most this line."""
        with self._journal.transaction() as db:
            db.execute("UPDATE sessions SET lines_reached = MAX(lines_reached, ?), total_lines = ?, "
                       "last_stroke = ? WHERE id = ?", (line, total, stroke, session_id))

    def set_child(self, session_id: int, profile_id: int | None) -> None:
        """Say which child a session was for."""
        with self._journal.transaction() as db:
            db.execute("UPDATE sessions SET profile_id = ? WHERE id = ?", (profile_id, session_id))

    def record(self, session_id: int, how: HowItWent) -> None:
        """Store (or change) how it went for a session; an empty card is not stored."""
        if how.feeling is None and not how.cues and not how.note.strip():
            return
        with self._journal.transaction() as db:
            if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
                raise SettingsError(f"no session {session_id} in the journal at {self._journal.path}")
            db.execute("INSERT INTO how_it_went(session_id, feeling, cues, note, written) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT(session_id) DO UPDATE SET feeling = excluded.feeling, cues = excluded.cues, "
                       "note = excluded.note, written = excluded.written",
                       (session_id, how.feeling.value if how.feeling else "",
                        json.dumps([c.value for c in how.cues]), how.note.strip(), self._journal._now()))  # noqa: SLF001

    def evenings(self, profile_id: int | None = None, since: float | None = None,
                 limit: int = 100_000) -> list[Evening]:
        """Sessions oldest first; for one child when `profile_id` is given."""
        where: list[str] = []
        args: list[object] = []
        if profile_id is not None:
            where.append("s.profile_id = ?")
            args.append(profile_id)
        if since is not None:
            where.append("s.started >= ?")
            args.append(since)
        query = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY s.started, s.id LIMIT ?"
        return [_evening(r) for r in self._journal.db.execute(query, (*args, limit))]

    # -- CSV ------------------------------------------------------------------------------

    def export_csv(self, path: Path, profile_id: int | None = None) -> int:
        """One row per session; returns how many. Written whole or not at all."""
        rows = self.evenings(profile_id)
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for e in rows:
                when = dt.datetime.fromtimestamp(e.started)
                writer.writerow([e.id, when.date().isoformat(), when.strftime("%H:%M:%S"), e.profile, e.story,
                                 e.title, f"{e.minutes:.2f}", e.reason.value if e.reason else "",
                                 e.lines_reached, e.total_lines, e.last_stroke or "",
                                 e.how.feeling.value if e.how.feeling else "",
                                 " ".join(c.value for c in e.how.cues), e.how.note])
        tmp.replace(path)
        return len(rows)


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of an exported CSV; errors name the file and line."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != CSV_COLUMNS:
                raise SettingsError(f"{path}:1: not a touchstory journal export (columns differ); "
                                    "export it again from touchstory")
            return list(reader)
    except OSError as exc:
        raise SettingsError(f"{path}: could not be read ({exc.strerror or exc})") from exc


# -- the routine chart's figures -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Routine:
    days: tuple[dt.date, ...]  # the evenings shown, oldest first
    by_day: dict[dt.date, tuple[Evening, ...]]
    favourite_stories: tuple[tuple[str, int], ...]  # title, times loved or completed
    favourite_strokes: tuple[tuple[str, int], ...]
    stopped_at: tuple[tuple[str, int], ...]  # strokes shown when a story was stopped


def routine(evenings: list[Evening], today: dt.date, days: int = 28) -> Routine:
    first = today - dt.timedelta(days=days - 1)
    shown = tuple(first + dt.timedelta(days=i) for i in range(days))
    by_day: dict[dt.date, list[Evening]] = {d: [] for d in shown}
    stories: Counter[str] = Counter()
    stopped: Counter[str] = Counter()
    for e in evenings:
        if e.day in by_day:
            by_day[e.day].append(e)
        if e.reason is EndReason.COMPLETED or e.how.feeling is Feeling.LOVED:
            stories[e.title or e.story] += 2 if e.how.feeling is Feeling.LOVED else 1
        if e.reason is EndReason.STOPPED and e.last_stroke:
            stopped[e.last_stroke] += 1
    strokes: Counter[str] = Counter(e.last_stroke for e in evenings
                                    if e.how.feeling is Feeling.LOVED and e.last_stroke)
    return Routine(shown, {d: tuple(v) for d, v in by_day.items()}, tuple(stories.most_common(5)),
                   tuple(strokes.most_common(5)), tuple(stopped.most_common(5)))


# -- backup and restore ----------------------------------------------------------------------

def backup(journal: Journal, path: Path) -> Path:
    """The whole journal copied to one file (SQLite's online backup: consistent
    even while touchstory is writing)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(str(tmp))
    try:
        journal.db.backup(target)
    finally:
        target.close()
    tmp.replace(path)
    return path


def restore(journal: Journal, path: Path) -> Path | None:
    """Replace the journal's contents with a backup file. The journal as it was is
    first saved beside it (returned), so nothing is lost by a wrong choice."""
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise SettingsError(f"{path}: could not be opened as a journal backup ({exc})") from exc
    try:
        try:
            ok = source.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise SettingsError(f"{path}: this is not a touchstory journal backup ({exc}); "
                                "choose a file made with Back up") from exc
        if not ok or not {"sessions", "favourites", "progress"} <= tables:
            raise SettingsError(f"{path}: this is not a touchstory journal backup, or it is damaged; "
                                "choose a file made with Back up")
        kept = None
        if str(journal.path) != ":memory:":
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = journal.path.with_name(f"{journal.path.stem}-before-restore-{stamp}.sqlite")
            number = 1
            while kept.exists():  # never over an earlier one
                number += 1
                kept = journal.path.with_name(f"{journal.path.stem}-before-restore-{stamp}-{number}.sqlite")
            backup(journal, kept)
        source.backup(journal.db)
    finally:
        source.close()
    return kept


def _evening(r: tuple[Any, ...]) -> Evening:
    try:
        reason = EndReason(r[5]) if r[5] else None
    except ValueError:
        reason = None
    try:
        feeling = Feeling(r[10]) if r[10] else None
    except ValueError:
        feeling = None
    cues: tuple[Cue, ...] = ()
    try:
        raw = json.loads(str(r[11])) if r[11] else []
        cues = tuple(Cue(c) for c in raw if c in Cue._value2member_map_)
    except (json.JSONDecodeError, TypeError):
        pass
    return Evening(int(r[0]), str(r[1]), str(r[2] or ""), float(r[3]), float(r[4]) if r[4] else None,
                   reason, int(r[6] or 0), int(r[7] or 0), str(r[8]) if r[8] else None, str(r[9]),
                   HowItWent(feeling, cues, str(r[12] or "")))
