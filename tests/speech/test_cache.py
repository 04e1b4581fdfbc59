"""The narration cache: a line heard before is never rendered again, a changed
voice/rate/volume/engine is, files are never half-written, and the size cap
removes the least recently used lines first."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.speech.conftest import EN
from touchstory.errors import SpeechError
from touchstory.speech.cache import (
    CachedEngine,
    SpeechCache,
    cache_key,
    default_cache_dir,
)
from touchstory.speech.engine import NullSpeechEngine, VoiceSettings
from touchstory.speech.fake import FakeSpeechEngine
from touchstory.speech.wavfile import check_wav


def test_second_render_is_a_hit_with_the_same_audio_and_words(
    fake_engine: FakeSpeechEngine, tmp_path: Path
) -> None:
    cached = CachedEngine(fake_engine, tmp_path / "cache")
    first = cached.render("The fox curls up, snug and warm.", EN)
    second = cached.render("The fox curls up, snug and warm.", EN)
    assert fake_engine.rendered == ["The fox curls up, snug and warm."]
    assert (cached.hits, cached.misses) == (1, 1)
    assert second == first
    assert first.path.parent == tmp_path / "cache"
    assert check_wav(second.path).duration == pytest.approx(second.duration)
    assert [w.word for w in second.words] == ["The", "fox", "curls", "up", "snug", "and", "warm"]


def test_engine_file_is_moved_into_the_cache(fake_engine: FakeSpeechEngine, tmp_path: Path) -> None:
    cached = CachedEngine(fake_engine, tmp_path / "cache")
    cached.render("Hello.", EN)
    assert list((tmp_path / "fake").glob("*.wav")) == []  # no stray copies
    assert not list((tmp_path / "cache").glob(".part-*"))


@pytest.mark.parametrize(
    "other",
    [
        VoiceSettings("fake/en-us", "en-GB", 160, 1.0),
        VoiceSettings(None, "fr", 160, 1.0),
        VoiceSettings(None, "en-GB", 125, 1.0),
        VoiceSettings(None, "en-GB", 160, 0.7),
    ],
    ids=["voice", "language", "rate", "volume"],
)
def test_each_setting_is_part_of_the_key(
    fake_engine: FakeSpeechEngine, tmp_path: Path, other: VoiceSettings
) -> None:
    cached = CachedEngine(fake_engine, tmp_path / "cache")
    cached.render("Sleep tight.", EN)
    cached.render("Sleep tight.", other)
    assert cached.misses == 2 and cached.hits == 0


def test_text_and_engine_version_are_part_of_the_key() -> None:
    assert cache_key("e1", "A.", EN) != cache_key("e1", "B.", EN)
    assert cache_key("espeak-1.51", "A.", EN) != cache_key("espeak-1.52", "A.", EN)
    # Slider noise on the volume does not split the cache.
    assert cache_key("e1", "A.", VoiceSettings(None, "en-GB", 160, 0.5)) == cache_key(
        "e1", "A.", VoiceSettings(None, "en-GB", 160, 0.5000001)
    )


def test_new_engine_version_renders_again(tmp_path: Path) -> None:
    old = FakeSpeechEngine(tmp_path / "a", engine_id="fake-1")
    new = FakeSpeechEngine(tmp_path / "b", engine_id="fake-2")
    CachedEngine(old, tmp_path / "cache").render("Hush now.", EN)
    CachedEngine(new, tmp_path / "cache").render("Hush now.", EN)
    assert new.rendered == ["Hush now."]


def test_cache_survives_a_restart(fake_engine: FakeSpeechEngine, tmp_path: Path) -> None:
    CachedEngine(fake_engine, tmp_path / "cache").render("Goodnight, owl.", EN)
    again = FakeSpeechEngine(tmp_path / "fake2")
    line = CachedEngine(again, tmp_path / "cache").lookup("Goodnight, owl.", EN)
    assert line is not None and line.duration > 0
    assert again.rendered == []


def test_torn_or_foreign_entries_are_misses(fake_engine: FakeSpeechEngine, tmp_path: Path) -> None:
    cached = CachedEngine(fake_engine, tmp_path / "cache")
    line = cached.render("One little star.", EN)
    with line.path.open("r+b") as f:  # a power cut cut the file short
        f.truncate(100)
    assert cached.lookup("One little star.", EN) is None
    assert cached.render("One little star.", EN).duration == pytest.approx(line.duration)
    assert check_wav(line.path).duration > 0
    # An entry for another text under the same name (a hash clash) is a miss.
    key = cache_key(fake_engine.engine_id, "One little star.", EN)
    assert cached.cache.get(key, "Two little stars.") is None


def test_size_cap_evicts_least_recently_used(tmp_path: Path) -> None:
    engine = FakeSpeechEngine(tmp_path / "fake")
    probe = engine.render("Line zero of the story.", EN)
    entry = probe.path.stat().st_size + 400  # WAV + JSON, roughly
    cached = CachedEngine(engine, tmp_path / "cache", max_bytes=int(entry * 4.5))
    texts = [f"Line {n} of the story." for n in ("one", "two", "three", "four")]
    lines = {}
    for k, text in enumerate(texts):
        lines[text] = cached.render(text, EN)
        stamp = time.time() - 100 + k  # distinct, ordered use times
        os.utime(lines[text].path, (stamp, stamp))
    cached.render(texts[0], EN)  # a hit makes "one" the most recently used
    cached.render("Line five of the story.", EN)  # over the cap: evict
    remaining = {p.stem for p in (tmp_path / "cache").glob("*.wav")}
    assert cached.cache.size() <= cached.cache.max_bytes
    assert lines[texts[0]].path.stem in remaining, "recently used line was evicted"
    assert lines[texts[1]].path.stem not in remaining, "least recently used line was kept"
    # No half entries: every WAV still has its JSON and the other way round.
    assert remaining == {p.stem for p in (tmp_path / "cache").glob("*.json")}


def test_unavailable_engine_raises_its_problem(tmp_path: Path) -> None:
    cached = CachedEngine(NullSpeechEngine(), tmp_path / "cache")
    assert not cached.available
    with pytest.raises(SpeechError, match="libespeak-ng1"):
        cached.render("Hello.", EN)


def test_default_cache_dir_is_the_user_cache_folder() -> None:
    path = default_cache_dir()
    assert path.name == "speech" and path.parent.name.lower() == "touchstory"


def test_cache_can_be_cleared(fake_engine: FakeSpeechEngine, tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path / "cache")
    cached = CachedEngine(fake_engine, cache.directory)
    cached.render("Clear me.", EN)
    assert cache.size() > 0
    cache.clear()
    assert cache.size() == 0 and not list(cache.directory.iterdir())
