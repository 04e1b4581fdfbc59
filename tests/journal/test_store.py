"""The journal: favourites, "continue where you stopped", the session log and
child profiles, in SQLite with WAL, transactions, migrations, and a damaged
file moved aside instead of lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from touchstory.errors import SettingsError
from touchstory.journal.store import MIGRATIONS, SCHEMA_VERSION, EndReason, Journal


class Clock:
    def __init__(self) -> None:
        self.t = 1_700_000_000.0

    def __call__(self) -> float:
        self.t += 1
        return self.t


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.sqlite3"


@pytest.fixture
def journal(db_path: Path):
    opened = Journal.open(db_path, now=Clock())
    assert opened.notice is None
    yield opened.journal
    opened.journal.close()


def test_a_new_journal_uses_wal_and_the_latest_schema(journal: Journal, db_path: Path):
    assert journal.journal_mode == "wal"
    assert journal.schema_version == SCHEMA_VERSION
    assert db_path.exists()


def test_favourites(journal: Journal):
    journal.set_favourite("a.story", True, "A")
    journal.set_favourite("b.story", True, "B")
    journal.set_favourite("a.story", True, "A")  # twice is still once
    journal.set_favourite("b.story", False)
    assert journal.favourites() == {"a.story"}
    assert journal.is_favourite("a.story") and not journal.is_favourite("b.story")


def test_stopping_part_way_remembers_the_line_and_completing_forgets_it(journal: Journal):
    first = journal.start_session("moon.story", "read-aloud", "The Moon Boat")
    journal.end_session(first, EndReason.STOPPED, lines_reached=7, total=18)
    progress = journal.progress("moon.story")
    assert progress is not None and (progress.step, progress.total, progress.title) == (7, 18, "The Moon Boat")
    assert [p.story for p in journal.unfinished()] == ["moon.story"]

    declined = journal.start_session("moon.story", "read-aloud", "The Moon Boat")
    journal.end_session(declined, EndReason.DECLINED, lines_reached=0, total=18)
    assert journal.progress("moon.story") is not None, "'Not now' does not forget where you were"

    again = journal.start_session("moon.story", "narrated", "The Moon Boat")
    journal.end_session(again, EndReason.COMPLETED, lines_reached=18, total=18)
    assert journal.progress("moon.story") is None
    log = journal.sessions("moon.story")
    assert [s.reason for s in log] == [EndReason.COMPLETED, EndReason.DECLINED, EndReason.STOPPED]
    assert log[0].mode == "narrated" and log[0].ended is not None and log[0].lines_reached == 18
    assert journal.times_completed() == {"moon.story": 1}


def test_unfinished_is_most_recent_first(journal: Journal):
    for name in ("a", "b", "c"):
        journal.save_progress(f"{name}.story", 2, 10, name)
    journal.save_progress("a.story", 3, 10, "a")
    assert [p.story for p in journal.unfinished()] == ["a.story", "c.story", "b.story"]
    journal.clear_progress("a.story")
    assert [p.story for p in journal.unfinished(limit=1)] == ["c.story"]


def test_a_failed_change_leaves_nothing_half_written(journal: Journal):
    journal.set_favourite("kept.story", True)
    with pytest.raises(RuntimeError):
        with journal.transaction() as db:
            db.execute("INSERT INTO favourites(story, title, added) VALUES ('half.story', '', 0)")
            db.execute("DELETE FROM favourites WHERE story = 'kept.story'")
            raise RuntimeError("power cut")
    assert journal.favourites() == {"kept.story"}


def test_ending_a_session_that_does_not_exist_changes_nothing(journal: Journal):
    journal.save_progress("x.story", 4, 9)
    with pytest.raises(SettingsError):
        journal.end_session(999, EndReason.COMPLETED, 9, 9)
    assert journal.progress("x.story") is not None


def test_a_process_killed_mid_transaction_loses_only_that_transaction(db_path: Path):
    opened = Journal.open(db_path)
    opened.journal.set_favourite("before.story", True)
    opened.journal.close()
    code = textwrap.dedent(f"""
        import os
        from touchstory.journal.store import Journal
        j = Journal.open({str(db_path)!r}).journal
        j.set_favourite("committed.story", True)
        with j.transaction() as db:
            db.execute("INSERT INTO favourites(story, title, added) VALUES ('lost.story', '', 0)")
            os._exit(9)  # killed before COMMIT
    """)
    result = subprocess.run([sys.executable, "-c", code], timeout=60)
    assert result.returncode == 9
    opened = Journal.open(db_path)
    assert opened.notice is None
    assert opened.journal.favourites() == {"before.story", "committed.story"}
    opened.journal.close()


def test_a_damaged_journal_is_moved_aside_and_a_fresh_one_made(db_path: Path):
    db_path.parent.mkdir(parents=True)
    garbage = b"SQLite format 3\x00" + b"\x07" * 5000
    db_path.write_bytes(garbage)
    opened = Journal.open(db_path)
    assert opened.notice and "started a fresh one" in opened.notice
    kept = list(db_path.parent.glob("journal.sqlite3.broken-*"))
    assert [k.read_bytes() for k in kept if not k.name.endswith(("-wal", "-shm"))] == [garbage]
    opened.journal.set_favourite("new.story", True)
    assert opened.journal.favourites() == {"new.story"}
    opened.journal.close()


def test_a_file_that_is_not_a_database_at_all_is_kept(db_path: Path):
    db_path.parent.mkdir(parents=True)
    db_path.write_text("my shopping list", "utf-8")
    opened = Journal.open(db_path)
    assert opened.notice is not None
    assert [p.read_text("utf-8") for p in db_path.parent.glob("journal.sqlite3.broken-*")] == ["my shopping list"]
    opened.journal.close()


def test_a_locked_journal_is_not_mistaken_for_a_damaged_one(db_path: Path):
    Journal.open(db_path).journal.close()
    blocker = sqlite3.connect(str(db_path), isolation_level=None)
    blocker.execute("PRAGMA journal_mode = DELETE")  # so the lock below blocks readers too
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        db_path_bytes = db_path.read_bytes()
        opened = Journal.open(db_path, wait=0.2)
        assert opened.notice and "not be remembered" in opened.notice
        opened.journal.set_favourite("a", True)  # works, in memory, for this run
        assert not list(db_path.parent.glob("*.broken-*")), "a locked journal is never moved aside"
        assert db_path.read_bytes() == db_path_bytes
        opened.journal.close()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_an_old_journal_is_migrated_and_keeps_its_data(db_path: Path):
    db_path.parent.mkdir(parents=True)
    old = sqlite3.connect(str(db_path), isolation_level=None)
    old.executescript(MIGRATIONS[0])
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO favourites(story, title, added) VALUES ('old.story', 'Old', 1)")
    old.close()
    opened = Journal.open(db_path)
    assert opened.notice is None
    assert opened.journal.schema_version == SCHEMA_VERSION
    assert opened.journal.favourites() == {"old.story"}
    assert opened.journal.add_profile("Mia").name == "Mia"
    opened.journal.close()


def test_a_journal_from_a_newer_version_is_left_as_it_is(db_path: Path):
    Journal.open(db_path).journal.close()
    raw = sqlite3.connect(str(db_path), isolation_level=None)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.close()
    opened = Journal.open(db_path)
    assert opened.journal.schema_version == SCHEMA_VERSION + 5
    opened.journal.set_favourite("a", True)
    assert opened.journal.favourites() == {"a"}
    opened.journal.close()


def test_story_names_are_made_the_same_whoever_asks(tmp_path: Path):
    def key(story: str) -> str:
        return "bundled:" + Path(story).name if not story.startswith("bundled:") else story

    journal = Journal.open(":memory:", story_key=key).journal
    session = journal.start_session("/opt/app/stories/moon/moon.story", "read-aloud", "Moon")
    journal.end_session(session, EndReason.STOPPED, 3, 10)
    assert journal.progress("bundled:moon.story") is not None
    assert journal.progress(Path("/elsewhere/moon.story")) is not None
    journal.set_favourite(Path("/x/moon.story"), True)
    assert journal.favourites() == {"bundled:moon.story"}


def test_child_profiles(journal: Journal):
    mia = journal.add_profile("Mia", notes="likes the sea stories", likes=("wave", "circle"), dislikes=("claw",),
                              pressure="firm")
    journal.add_profile("Sam")
    with pytest.raises(SettingsError, match="already"):
        journal.add_profile("mia")
    with pytest.raises(SettingsError):
        journal.add_profile("   ")
    from dataclasses import replace

    journal.update_profile(replace(mia, dislikes=("claw", "drum")))
    profiles = journal.profiles()
    assert [p.name for p in profiles] == ["Mia", "Sam"]
    assert profiles[0].dislikes == ("claw", "drum") and profiles[0].pressure == "firm"
    session = journal.start_session("a.story", "read-aloud", profile_id=mia.id)
    journal.delete_profile(mia.id)
    assert [p.name for p in journal.profiles()] == ["Sam"]
    assert journal.sessions()[0].id == session and journal.sessions()[0].profile_id is None


def test_two_windows_can_write_to_one_journal(db_path: Path):
    one = Journal.open(db_path).journal
    two = Journal.open(db_path).journal
    one.set_favourite("a", True)
    two.set_favourite("b", True)
    assert one.favourites() == two.favourites() == {"a", "b"}
    one.close()
    two.close()


def test_a_favourite_with_invalid_utf8_is_skipped_and_the_rest_kept(tmp_path):
    # issue 18 item 4: one such row made favourites() raise and the library stay empty
    import sqlite3 as _sqlite3

    from touchstory.journal.store import Journal

    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path).journal
    journal.set_favourite("good-story", True, "Good")
    journal.close()
    db = _sqlite3.connect(path)
    db.execute("INSERT INTO favourites(story, title, added) VALUES (CAST(X'ff fe 41' AS TEXT), 'bad', 0)"
               .replace("X'ff fe 41'", "X'fffe41'"))
    db.commit()
    db.close()
    journal = Journal.open(path).journal
    assert journal.favourites() == {"good-story"}
