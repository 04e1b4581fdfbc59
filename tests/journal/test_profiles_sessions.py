"""Child profiles, "how it went", the routine, CSV and backup, as a carer uses them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from touchstory.errors import SettingsError
from touchstory.journal.profiles import ChildProfile, Clash, Profiles, read_profile_file
from touchstory.journal.sessions import (Cue, Feeling, HowItWent, SessionLog, backup, read_csv, restore,
                                         routine)
from touchstory.journal.store import MIGRATIONS, EndReason, Journal
from touchstory.story.adapt import ChildWay, Placement, PressureWay


class Clock:
    def __init__(self, start: float = 1_767_000_000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def journal(tmp_path):
    j = Journal.open(tmp_path / "journal.sqlite", now=Clock()).journal
    yield j
    j.close()


SAM = ChildProfile("Sam", ChildWay(loves=("circle",), avoid=("drum", "claw"), substitutes=(("drum", "fan"),),
                                   placement=Placement.CHEST, pressure=PressureWay.FIRMER, cap_minutes=4),
                   colour="#7a9cc6", soundscape="rain", voice_speed=100, cues="Yawns when ready to stop.")


def test_a_profile_is_kept_whole_and_reopened(tmp_path, journal):
    saved = Profiles(journal).save(SAM)
    journal.close()
    again = Journal.open(tmp_path / "journal.sqlite").journal
    back = Profiles(again).get(saved.id)
    assert back == saved and back.way.substitutes == (("drum", "fan"),) and back.way.cap_minutes == 4
    again.close()


def test_the_child_for_tonight_is_remembered(tmp_path, journal):
    profiles = Profiles(journal)
    sam = profiles.save(SAM)
    assert profiles.chosen() is None
    profiles.choose(sam.id)
    journal.close()
    again = Journal.open(tmp_path / "journal.sqlite").journal
    assert Profiles(again).chosen().name == "Sam"
    Profiles(again).delete(sam.id)
    assert Profiles(again).chosen() is None
    again.close()


def test_two_profiles_cannot_share_a_name(journal):
    Profiles(journal).save(SAM)
    with pytest.raises(SettingsError, match='already a profile called "sam"'):
        Profiles(journal).save(ChildProfile("sam"))


def test_an_old_journal_keeps_its_profiles_when_upgraded(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        db.executescript(step)
    db.execute("INSERT INTO profiles(name, likes, dislikes, pressure, created) VALUES ('Ava', '[\"fan\"]', "
               "'[\"drum\"]', 'firm', 1)")
    db.execute("INSERT INTO sessions(story, started, mode, profile_id) VALUES ('x', 1, 'read', 1)")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    j = Journal.open(path).journal
    assert j.schema_version == 3
    ava = Profiles(j).named("ava")
    assert ava.way.avoid == ("drum",) and ava.way.loves == ("fan",) and ava.way.pressure is PressureWay.FIRMER
    assert SessionLog(j).evenings()[0].profile == "Ava"
    j.close()


def test_sharing_a_profile_with_another_carer_never_overwrites_silently(tmp_path, journal):
    file = Profiles(journal).export(Profiles(journal).save(SAM), tmp_path / "sam.touchchild")
    grandma = Journal.open(tmp_path / "grandma.sqlite").journal
    theirs = Profiles(grandma)
    theirs.save(ChildProfile("Sam", ChildWay(avoid=("bounce",), cap_minutes=2), cues="Likes the rain sound."))
    asked = theirs.import_file(file)
    assert asked.profile is None and asked.clash.way.avoid == ("bounce",)
    assert theirs.named("Sam").way.avoid == ("bounce",)  # nothing written
    merged = theirs.import_file(file, Clash.MERGE)
    assert merged.profile.way.avoid == ("bounce", "drum", "claw")
    assert merged.profile.way.cap_minutes == 2  # what grandma set is kept
    assert "Likes the rain sound." in merged.profile.cues and "Yawns" in merged.profile.cues
    both = theirs.import_file(file, Clash.KEEP_BOTH)
    assert both.profile.name == "Sam (2)" and len(theirs.all()) == 2
    grandma.close()


def test_a_wrong_profile_file_is_named_with_what_to_do(tmp_path):
    bad = tmp_path / "bad.touchchild"
    bad.write_text('{"format": "touchstory-child",\n "name": ', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"bad\.touchchild:2: this is not a touchstory child profile"):
        read_profile_file(bad)
    other = tmp_path / "other.touchchild"
    other.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    with pytest.raises(SettingsError, match=r"other\.touchchild:1: .*export it again"):
        read_profile_file(other)


def _session(journal, clock, story="rain", minutes=5.0, reason=EndReason.COMPLETED, lines=6, stroke="calm",
             profile_id=None, how=None):
    log = SessionLog(journal)
    sid = journal.start_session(story, "read", title=story.title(), profile_id=profile_id)
    for line in range(1, lines + 1):
        log.reached(sid, line, 6, stroke)
    clock.t += minutes * 60
    journal.end_session(sid, reason, lines, 6)
    if how:
        log.record(sid, how)
    clock.t += 86_400 - minutes * 60
    return sid


def test_how_it_went_is_stored_with_the_session(journal):
    clock = journal._now
    sam = Profiles(journal).save(SAM)
    _session(journal, clock, profile_id=sam.id,
             how=HowItWent(Feeling.LOVED, (Cue.RELAXED, Cue.YAWNED), "Asleep before the end"))
    _session(journal, clock, reason=EndReason.STOPPED, lines=3, stroke="drum", profile_id=sam.id)
    first, second = SessionLog(journal).evenings(sam.id)
    assert first.how == HowItWent(Feeling.LOVED, (Cue.RELAXED, Cue.YAWNED), "Asleep before the end")
    assert first.minutes == pytest.approx(5.0) and first.profile == "Sam"
    assert second.how == HowItWent() and second.lines_reached == 3 and second.last_stroke == "drum"


def test_a_skipped_card_stores_nothing(journal):
    sid = _session(journal, journal._now)
    SessionLog(journal).record(sid, HowItWent())
    assert journal.db.execute("SELECT COUNT(*) FROM how_it_went").fetchone()[0] == 0


def test_the_routine_shows_four_weeks_favourites_and_where_stories_stop(journal):
    clock = journal._now
    start = dt.datetime.fromtimestamp(clock.t).date()
    for i in range(30):
        stopped = i % 5 == 0
        _session(journal, clock, story="rain" if i % 3 else "sea", reason=EndReason.STOPPED if stopped
                 else EndReason.COMPLETED, lines=2 if stopped else 6, stroke="claw" if stopped else "calm",
                 how=HowItWent(Feeling.LOVED if i % 3 == 0 else Feeling.FINE))
    today = start + dt.timedelta(days=29)
    r = routine(SessionLog(journal).evenings(), today)
    assert len(r.days) == 28 and r.days[-1] == today and r.days[0] == start + dt.timedelta(days=2)
    assert all(len(r.by_day[d]) == 1 for d in r.days)
    assert r.favourite_stories[0][0] == "Sea"
    assert r.stopped_at == (("claw", 6),)


def test_csv_has_one_row_per_session_and_reads_back(tmp_path, journal):
    clock = journal._now
    sam = Profiles(journal).save(SAM)
    _session(journal, clock, profile_id=sam.id, how=HowItWent(Feeling.FINE, (Cue.SMILING,), 'said "again", 2x'))
    _session(journal, clock, reason=EndReason.DECLINED, lines=0)
    out = tmp_path / "journal.csv"
    assert SessionLog(journal).export_csv(out) == 2
    rows = read_csv(out)
    assert [r["child"] for r in rows] == ["Sam", ""]
    assert rows[0]["how_it_went"] == "fine" and rows[0]["cues"] == "smiling"
    assert rows[0]["note"] == 'said "again", 2x' and rows[0]["minutes"] == "5.00"
    assert rows[1]["ended"] == "declined" and rows[1]["lines_reached"] == "0"


def test_backup_and_restore_bring_the_whole_journal_back(tmp_path, journal):
    clock = journal._now
    Profiles(journal).save(SAM)
    _session(journal, clock, how=HowItWent(Feeling.LOVED))
    file = backup(journal, tmp_path / "backup.touchjournal")
    _session(journal, clock)
    Profiles(journal).save(ChildProfile("Mo"))
    kept = restore(journal, file)
    assert [p.name for p in Profiles(journal).all()] == ["Sam"]
    assert len(SessionLog(journal).evenings()) == 1
    assert journal.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    old = Journal.open(kept).journal  # the journal as it was before, kept beside it
    assert [p.name for p in Profiles(old).all()] == ["Mo", "Sam"]
    old.close()


def test_restoring_something_that_is_not_a_backup_changes_nothing(tmp_path, journal):
    Profiles(journal).save(SAM)
    bad = tmp_path / "notes.txt"
    bad.write_text("shopping list\n" * 200, encoding="utf-8")
    with pytest.raises(SettingsError, match=r"notes\.txt: this is not a touchstory journal backup"):
        restore(journal, bad)
    assert [p.name for p in Profiles(journal).all()] == ["Sam"]
