"""Shared fixtures for the audio tests (helpers live in audio_helpers.py).

The seven soundscapes take ~15 s to synthesise on a slow machine, so they are
kept between runs in pytest's cache folder, in a directory named after a hash
of the synthesis code: change any recipe and they are made afresh (the old
directory is removed). Tests therefore measure exactly the 16-bit WAVs a user's
cache would hold.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from touchstory.audio import dsp, measure, sound, soundscapes, synth_nature, synth_tonal
from touchstory.audio.sound import Sound

_PREFIX = "touchstory-soundscapes-"


@pytest.fixture(scope="session")
def scape_cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = getattr(request.config, "cache", None)
    if cache is None:  # -p no:cacheprovider
        return tmp_path_factory.mktemp("soundscape-cache")
    sources = b"".join(Path(m.__file__).read_bytes()
                       for m in (dsp, measure, sound, soundscapes, synth_nature, synth_tonal))
    name = _PREFIX + hashlib.sha256(sources).hexdigest()[:16]
    folder = Path(cache.mkdir(name))
    for old in folder.parent.glob(_PREFIX + "*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder


@pytest.fixture(scope="session")
def all_soundscapes(scape_cache: Path) -> dict[str, Sound]:
    return {name: soundscapes.get_soundscape(name, cache_dir=scape_cache) for name in soundscapes.SOUNDSCAPES}


@pytest.fixture(scope="session")
def rain(scape_cache: Path) -> Sound:
    return soundscapes.get_soundscape("rain", cache_dir=scape_cache)
