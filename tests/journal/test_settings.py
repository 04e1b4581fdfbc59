"""Settings: sensible defaults, atomic saves, and a broken file never lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hyp_settings, strategies as st

from touchstory.errors import SettingsError
from touchstory.pacing.modes import Mode
from touchstory.journal import settings as settings_mod
from touchstory.journal.settings import (
    LibraryFilter, Settings, SettingsStore, ThemeChoice, Volumes, settings_from_json, settings_to_json,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def test_no_file_gives_bedtime_friendly_defaults(path: Path):
    loaded = SettingsStore(path).load()
    assert loaded.notice is None
    s = loaded.settings
    assert s == Settings()
    assert s.theme == "auto" and s.bedtime_start == "18:30" and s.bedtime_end == "07:00"
    assert s.fade_seconds == 20 and s.child_lock and not s.narration and s.pace is Mode.READ_ALOUD
    assert not path.exists(), "loading must not create the file"


def test_saved_settings_come_back_the_same(path: Path):
    store = SettingsStore(path)
    wanted = Settings(theme=ThemeChoice.CONTRAST, text_scale=1.45, dyslexia_spacing=True,
                      key_bindings={"F5": "next"}, volumes=Volumes(master=0.3, voice_muted=True),
                      last_library_filter=LibraryFilter(age=4, mood="sleepy", favourites_only=True))
    store.save(wanted)
    again = SettingsStore(path).load()
    assert again.notice is None
    assert again.settings == wanted


def test_save_leaves_no_temporary_files_and_is_readable_json(path: Path):
    SettingsStore(path).save(Settings(text_scale=1.2))
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]
    assert json.loads(path.read_text("utf-8"))["text_scale"] == 1.2


def test_a_crash_while_saving_keeps_the_old_file(path: Path, monkeypatch: pytest.MonkeyPatch):
    store = SettingsStore(path)
    store.save(Settings(text_scale=1.2))
    before = path.read_bytes()

    def power_cut(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_mod.os, "replace", power_cut)
    with pytest.raises(SettingsError, match="could not save"):
        store.save(Settings(text_scale=2.0))
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"], "the temp file is cleaned up"


def test_save_is_fsynced_before_the_rename(path: Path, monkeypatch: pytest.MonkeyPatch):
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(settings_mod.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(settings_mod.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    SettingsStore(path).save(Settings())
    assert calls[:2] == ["fsync", "replace"]


@pytest.mark.parametrize("content", [
    b"{ this is not json",
    b"",
    b"[1, 2, 3]",
    b'"just a string"',
    b"\xff\xfe\x00garbage",
    b'{"theme": "day"',  # cut short, as by a crash in an editor
])
def test_a_broken_file_is_moved_aside_with_a_notice(path: Path, content: bytes):
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    loaded = SettingsStore(path).load()
    assert loaded.settings == Settings()
    assert loaded.notice and "damaged" in loaded.notice
    kept = list(path.parent.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content, "the user's file is kept, byte for byte"
    assert kept[0].name in loaded.notice
    assert not path.exists()


def test_saving_after_a_broken_file_writes_a_fresh_one_and_keeps_the_broken(path: Path):
    path.parent.mkdir(parents=True)
    path.write_text("{oops", "utf-8")
    store = SettingsStore(path)
    store.load()
    store.save(Settings(theme=ThemeChoice.DAY))
    assert SettingsStore(path).load().settings.theme is ThemeChoice.DAY
    assert len(list(path.parent.glob("settings.json.broken-*"))) == 1


def test_two_broken_files_in_one_second_do_not_overwrite_each_other(path: Path):
    path.parent.mkdir(parents=True)
    for text in ("{one", "{two"):
        path.write_text(text, "utf-8")
        SettingsStore(path).load()
    kept = sorted(p.read_text("utf-8") for p in path.parent.glob("settings.json.broken-*"))
    assert kept == ["{one", "{two"]


def test_a_file_that_cannot_be_moved_aside_is_never_written_over(path: Path, monkeypatch: pytest.MonkeyPatch):
    path.parent.mkdir(parents=True)
    path.write_text("{broken", "utf-8")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(settings_mod, "move_aside", refuse)
    store = SettingsStore(path)
    loaded = store.load()
    assert loaded.notice and "nothing is written over it" in loaded.notice
    with pytest.raises(SettingsError):
        store.save(Settings())
    assert path.read_text("utf-8") == "{broken"


def test_wrong_values_fall_back_one_field_at_a_time(path: Path):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({
        "theme": "purple", "text_scale": "huge", "child_lock": "yes", "fade_seconds": 500,
        "bedtime_start": "25:99", "dyslexia_spacing": True, "bedtime_end": "06:45",
        "volumes": {"master": 2.5, "voice": 0.25}, "key_bindings": ["F5"],
        "last_library_filter": {"age": "four", "mood": "sleepy"},
    }), "utf-8")
    loaded = SettingsStore(path).load()
    s = loaded.settings
    assert s.theme is ThemeChoice.AUTO and s.text_scale == 1.0 and s.child_lock is True
    assert s.fade_seconds == 20.0 and s.bedtime_start == "18:30"
    assert s.dyslexia_spacing is True and s.bedtime_end == "06:45", "good values are kept"
    assert s.volumes.master == Volumes().master and s.volumes.voice == 0.25
    assert s.last_library_filter == LibraryFilter(mood="sleepy")
    assert s.key_bindings == {}
    assert loaded.notice is not None and "text scale" in loaded.notice
    assert path.exists() and not list(path.parent.glob("*.broken-*")), "a file with odd values is not moved"


def test_keys_this_version_does_not_know_survive_a_save(path: Path):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"version": 3, "theme": "day", "future_feature": {"x": 1},
                                "volumes": {"master": 0.5, "rain_layer": 0.7}}), "utf-8")
    store = SettingsStore(path)
    s = store.load().settings
    from dataclasses import replace

    store.save(replace(s, text_scale=1.2))
    raw = json.loads(path.read_text("utf-8"))
    assert raw["future_feature"] == {"x": 1}
    assert raw["volumes"]["rain_layer"] == 0.7 and raw["volumes"]["master"] == 0.5
    assert raw["version"] == 3, "a newer file's version is not lowered"
    assert raw["theme"] == "day" and raw["text_scale"] == 1.2


def test_theme_choice_compares_equal_to_plain_text():
    assert Settings(theme=ThemeChoice.BEDTIME).theme == "bedtime"
    assert str(ThemeChoice.CONTRAST) == "contrast"


@pytest.mark.parametrize("start,end,hour,minute,expected", [
    ("18:30", "07:00", 20, 0, True),
    ("18:30", "07:00", 6, 59, True),
    ("18:30", "07:00", 7, 0, False),
    ("18:30", "07:00", 12, 0, False),
    ("13:00", "15:00", 14, 0, True),  # a nap window that does not wrap midnight
    ("13:00", "15:00", 16, 0, False),
    ("19:00", "19:00", 19, 0, False),
])
def test_bedtime_hours_may_wrap_midnight(start, end, hour, minute, expected):
    assert Settings(bedtime_start=start, bedtime_end=end).is_bedtime(hour, minute) is expected


def test_volumes_respect_master_and_mutes():
    v = Volumes(master=0.5, voice=0.8, soundscape=0.4, soundscape_muted=True)
    assert v.effective("voice") == pytest.approx(0.4)
    assert v.effective("soundscape") == 0.0
    assert Volumes(master_muted=True).effective("voice") == 0.0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
field_names = st.sampled_from([f for f in settings_to_json(Settings())] + ["other"])


@hyp_settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(field_names, json_values, max_size=8))
def test_any_json_object_gives_usable_settings(raw):
    s, bad = settings_from_json(raw)
    assert isinstance(s, Settings)
    assert 0.75 <= s.text_scale <= 2.5 and 5 <= s.fade_seconds <= 40
    assert s.is_bedtime(20, 0) in (True, False)
    again, again_bad = settings_from_json(settings_to_json(s))
    assert again == s and again_bad == []


def test_peek_reads_the_saved_settings_and_never_touches_the_file(path: Path):
    store = SettingsStore(path)
    assert store.peek() == Settings()  # no file yet: the usual settings, nothing made
    assert not path.exists()
    store.save(Settings(rate_wpm=140, volumes=Volumes(soundscape=0.3)))
    assert SettingsStore(path).peek().volumes.soundscape == 0.3
    path.write_bytes(b"{ not json")
    before = sorted(p.name for p in path.parent.iterdir())
    assert SettingsStore(path).peek() == Settings()
    assert sorted(p.name for p in path.parent.iterdir()) == before  # a damaged file is left for the app to handle
