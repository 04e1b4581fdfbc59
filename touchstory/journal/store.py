"""The journal: a small SQLite database of what the family did with touchstory:
favourite stories, where a story was left off, a log of sessions and optional
child profiles.

Every write is one transaction; the database runs in WAL mode so a crash never
leaves half a change. A database that cannot be read is moved aside (never
deleted) and a fresh one started, with a notice for the user.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from touchstory.errors import SettingsError
from touchstory.journal.settings import move_aside

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3

# Each step takes the database from version i to i + 1 (index i). Add, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE favourites (
        story TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        added REAL NOT NULL
    );
    CREATE TABLE progress (
        story TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        step INTEGER NOT NULL,
        total INTEGER NOT NULL,
        updated REAL NOT NULL
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        story TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        started REAL NOT NULL,
        ended REAL,
        reason TEXT,
        mode TEXT NOT NULL,
        lines_reached INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_started ON sessions(started);
    """,
    """
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        notes TEXT NOT NULL DEFAULT '',
        likes TEXT NOT NULL DEFAULT '[]',
        dislikes TEXT NOT NULL DEFAULT '[]',
        pressure TEXT NOT NULL DEFAULT '',
        created REAL NOT NULL
    );
    ALTER TABLE sessions ADD COLUMN profile_id INTEGER REFERENCES profiles(id) ON DELETE SET NULL;
    """,
    # 3: each child's own way (journal/profiles.py) and "how it went" (journal/sessions.py)
    """
    ALTER TABLE profiles ADD COLUMN colour TEXT NOT NULL DEFAULT '';
    ALTER TABLE profiles ADD COLUMN substitutes TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE profiles ADD COLUMN placement TEXT NOT NULL DEFAULT 'as-written';
    ALTER TABLE profiles ADD COLUMN pressure_way TEXT NOT NULL DEFAULT 'as-written';
    ALTER TABLE profiles ADD COLUMN cap_minutes REAL;
    ALTER TABLE profiles ADD COLUMN soundscape TEXT NOT NULL DEFAULT '';
    ALTER TABLE profiles ADD COLUMN voice_speed REAL;
    ALTER TABLE profiles ADD COLUMN cues TEXT NOT NULL DEFAULT '';
    ALTER TABLE profiles ADD COLUMN updated REAL NOT NULL DEFAULT 0;
    UPDATE profiles SET pressure_way = CASE pressure WHEN 'light' THEN 'lighter'
        WHEN 'firm' THEN 'firmer' ELSE 'as-written' END, updated = created;
    ALTER TABLE sessions ADD COLUMN total_lines INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN last_stroke TEXT;
    CREATE TABLE how_it_went (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        feeling TEXT NOT NULL DEFAULT '',
        cues TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        written REAL NOT NULL
    );
    CREATE TABLE chosen (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE INDEX sessions_profile ON sessions(profile_id, started);
    """,
)
assert len(MIGRATIONS) == SCHEMA_VERSION


class EndReason(StrEnum):
    COMPLETED = "completed"
    DECLINED = "declined"  # "Not now" on the permission card
    STOPPED = "stopped"  # stopped part-way; a normal outcome, not an error


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a story was left off: line `step` (1-based, the last one shown) of
    `total` lines, at `updated` (epoch seconds)."""

    story: str
    title: str
    step: int
    total: int
    updated: float


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    story: str
    title: str
    started: float
    ended: float | None
    reason: EndReason | None
    mode: str
    lines_reached: int
    profile_id: int | None


@dataclass(frozen=True, slots=True)
class Profile:
    """A child's preferences. Optional; touchstory works without any."""

    id: int
    name: str
    notes: str = ""
    likes: tuple[str, ...] = ()  # stroke ids the child enjoys
    dislikes: tuple[str, ...] = ()  # stroke ids to leave out or soften
    pressure: str = ""  # "light", "medium", "firm" or "" for no preference


class Opened(NamedTuple):
    """What `Journal.open()` gives: the journal, and a notice to show once (or None)."""

    journal: "Journal"
    notice: str | None


class Journal:
    """The journal database. Use from one thread (the GUI's); each call is short."""

    def __init__(self, connection: sqlite3.Connection, path: Path, now: Callable[[], float] = time.time,
                 story_key: Callable[[str], str] | None = None) -> None:
        self._db = connection
        self.path = path
        self._now = now
        self._story_key = story_key or str

    def key(self, story: str | Path) -> str:
        """The name a story is stored under. Callers may pass a story's path or an
        already made key; `story_key` (given to open()) makes both the same, so the
        player's path and the library's key meet in one row."""
        return self._story_key(str(story))

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, now: Callable[[], float] = time.time,
             story_key: Callable[[str], str] | None = None, wait: float = 5.0) -> Opened:
        """Open (or create) the journal; `path` may be ":memory:" for tests.

        A damaged file is moved aside and a fresh one made. If the journal cannot
        be used at all (locked by another program, no permission), touchstory still
        starts, with a journal in memory and a notice saying nothing is remembered.
        `wait`: seconds to wait for another touchstory window that is writing."""
        path = Path(path)
        try:
            return Opened(cls(_connect(path, wait), path, now, story_key), None)
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc) or str(path) == ":memory:":
                return cls._in_memory(path, now, story_key, f"it could not be opened ({exc})")
            problem = exc
        try:
            moved = _move_aside_with_sidecars(path)
            journal = cls(_connect(path, wait), path, now, story_key)
        except (OSError, sqlite3.Error) as exc:
            return cls._in_memory(path, now, story_key, f"it was damaged and could not be replaced ({exc})")
        note = (f"Your journal (favourites and where you stopped) could not be read ({problem}). "
                f"touchstory started a fresh one; the old file was kept as {moved.name} in {moved.parent}.")
        return Opened(journal, note)

    @classmethod
    def _in_memory(cls, path: Path, now: Callable[[], float], story_key: Callable[[str], str] | None,
                   why: str) -> Opened:
        note = (f"Your journal at {path} is not available: {why}. Favourites and where you stopped "
                "will not be remembered until touchstory is started again.")
        return Opened(cls(_connect(Path(":memory:")), path, now, story_key), note)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes inside happen together or not at all."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, for the journal's other modules (profiles, sessions) to read
        with; write only inside `transaction()`."""
        return self._db

    @property
    def journal_mode(self) -> str:
        return str(self._db.execute("PRAGMA journal_mode").fetchone()[0])

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- favourites ------------------------------------------------------------------------

    def favourites(self) -> set[str]:
        """Every favourite's key; a row that cannot be read (invalid UTF-8 written by
        another program, a key that is not text) is skipped and logged, the rest kept."""
        keys: set[str] = set()
        # read as bytes so one bad value cannot make the whole query raise
        for (raw,) in self._db.execute("SELECT CAST(story AS BLOB) FROM favourites"):
            try:
                keys.add(bytes(raw).decode("utf-8"))
            except (TypeError, UnicodeDecodeError):
                log.warning("journal: a favourite that cannot be read was skipped (%r)", raw[:80] if raw else raw)
        return keys

    def is_favourite(self, story: str | Path) -> bool:
        return self._db.execute("SELECT 1 FROM favourites WHERE story = ?",
                                (self.key(story),)).fetchone() is not None

    def set_favourite(self, story: str | Path, on: bool, title: str = "") -> None:
        story = self.key(story)
        with self.transaction() as db:
            if on:
                db.execute("INSERT OR IGNORE INTO favourites(story, title, added) VALUES (?, ?, ?)",
                           (story, title, self._now()))
            else:
                db.execute("DELETE FROM favourites WHERE story = ?", (story,))

    # -- continue where you stopped --------------------------------------------------------

    def save_progress(self, story: str | Path, step: int, total: int, title: str = "") -> None:
        """Remember that `story` was left at line `step` (1-based, as shown) of `total`."""
        story = self.key(story)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO progress(story, title, step, total, updated) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(story) DO UPDATE SET title = excluded.title, step = excluded.step, "
                "total = excluded.total, updated = excluded.updated",
                (story, title, step, total, self._now()),
            )

    def clear_progress(self, story: str | Path) -> None:
        story = self.key(story)
        with self.transaction() as db:
            db.execute("DELETE FROM progress WHERE story = ?", (story,))

    def progress(self, story: str | Path) -> Progress | None:
        row = self._db.execute("SELECT story, title, step, total, updated FROM progress WHERE story = ?",
                               (self.key(story),)).fetchone()
        return Progress(*row) if row else None

    def unfinished(self, limit: int = 3) -> list[Progress]:
        """Stories left part-way, most recent first."""
        rows = self._db.execute("SELECT story, title, step, total, updated FROM progress "
                                "ORDER BY updated DESC LIMIT ?", (limit,))
        return [Progress(*row) for row in rows]

    # -- sessions --------------------------------------------------------------------------

    def start_session(self, story: str | Path, mode: str, title: str = "", profile_id: int | None = None) -> int:
        story = self.key(story)
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO sessions(story, title, started, mode, profile_id) VALUES (?, ?, ?, ?, ?)",
                (story, title, self._now(), mode, profile_id),
            )
            return int(cursor.lastrowid or 0)

    def end_session(self, session_id: int, reason: EndReason, lines_reached: int,
                    total: int | None = None) -> None:
        """Close a session. Completing a story clears its "continue" entry; stopping
        part-way records the line reached (1-based) when `total` is given, in the
        same transaction."""
        with self.transaction() as db:
            row = db.execute("SELECT story, title FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise SettingsError(f"no session {session_id} in the journal")
            db.execute("UPDATE sessions SET ended = ?, reason = ?, lines_reached = ? WHERE id = ?",
                       (self._now(), EndReason(reason).value, lines_reached, session_id))
            story, title = row
            if reason is EndReason.COMPLETED:
                db.execute("DELETE FROM progress WHERE story = ?", (story,))
            elif reason is EndReason.STOPPED and total is not None and 0 < lines_reached < total:
                db.execute(
                    "INSERT INTO progress(story, title, step, total, updated) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(story) DO UPDATE SET step = excluded.step, total = excluded.total, "
                    "updated = excluded.updated, title = excluded.title",
                    (story, title, lines_reached, total, self._now()),
                )

    def sessions(self, story: str | Path | None = None, limit: int = 50) -> list[SessionRecord]:
        query = ("SELECT id, story, title, started, ended, reason, mode, lines_reached, profile_id "
                 "FROM sessions")
        args: tuple[object, ...] = ()
        if story is not None:
            query += " WHERE story = ?"
            args = (self.key(story),)
        rows = self._db.execute(query + " ORDER BY started DESC, id DESC LIMIT ?", (*args, limit))
        return [SessionRecord(r[0], r[1], r[2], r[3], r[4], EndReason(r[5]) if r[5] else None, r[6], r[7], r[8])
                for r in rows]

    def times_completed(self) -> dict[str, int]:
        rows = self._db.execute("SELECT story, COUNT(*) FROM sessions WHERE reason = 'completed' GROUP BY story")
        return {story: count for story, count in rows}

    # -- child profiles --------------------------------------------------------------------

    def add_profile(self, name: str, notes: str = "", likes: tuple[str, ...] = (),
                    dislikes: tuple[str, ...] = (), pressure: str = "") -> Profile:
        name = name.strip()
        if not name:
            raise SettingsError("a child profile needs a name")
        try:
            with self.transaction() as db:
                cursor = db.execute(
                    "INSERT INTO profiles(name, notes, likes, dislikes, pressure, created) VALUES (?, ?, ?, ?, ?, ?)",
                    (name, notes, json.dumps(list(likes)), json.dumps(list(dislikes)), pressure, self._now()),
                )
        except sqlite3.IntegrityError as exc:
            raise SettingsError(f'there is already a profile called "{name}"') from exc
        return Profile(int(cursor.lastrowid or 0), name, notes, tuple(likes), tuple(dislikes), pressure)

    def update_profile(self, profile: Profile) -> None:
        with self.transaction() as db:
            db.execute("UPDATE profiles SET name = ?, notes = ?, likes = ?, dislikes = ?, pressure = ? WHERE id = ?",
                       (profile.name, profile.notes, json.dumps(list(profile.likes)),
                        json.dumps(list(profile.dislikes)), profile.pressure, profile.id))

    def delete_profile(self, profile_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))

    def profiles(self) -> list[Profile]:
        rows = self._db.execute("SELECT id, name, notes, likes, dislikes, pressure FROM profiles ORDER BY name")
        return [Profile(r[0], r[1], r[2], _strings(r[3]), _strings(r[4]), r[5]) for r in rows]


def _strings(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return ()
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


class _DamagedError(sqlite3.DatabaseError):
    """The file opened but failed its integrity check."""


_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Damage means the file itself is bad; "locked" or "no permission" are not
    damage, and moving the file aside then would lose a good journal."""
    if isinstance(exc, _DamagedError):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _connect(path: Path, wait: float = 5.0) -> sqlite3.Connection:
    """Open, check and bring the schema up to date; raises sqlite3.DatabaseError
    when the file is not a usable database."""
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so nothing commits behind our back.
    db = sqlite3.connect(str(path), isolation_level=None, timeout=wait)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _DamagedError("the database failed its integrity check")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable at checkpoints, never corrupt
        db.execute("PRAGMA foreign_keys = ON")
        _migrate(db)
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite3.Connection) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        return  # written by a newer touchstory; its extra tables and columns are left alone
    if version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            for step in range(version, SCHEMA_VERSION):
                for statement in filter(str.strip, MIGRATIONS[step].split(";")):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def _move_aside_with_sidecars(path: Path) -> Path:
    """Move the database and its -wal/-shm files aside together, so the WAL is
    never replayed into the wrong database."""
    stamp_source = move_aside(path) if path.exists() else path
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.replace(stamp_source.with_name(stamp_source.name + suffix))
    return stamp_source
