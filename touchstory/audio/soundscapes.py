"""The built-in soundscapes: what exists, and getting one as a ready-to-loop Sound.

Each soundscape is synthesised here with numpy the first time it is asked for
(about a second), then cached as a 16-bit WAV under
`platformdirs.user_cache_dir("touchstory")/soundscapes`. Bump `SYNTH_VERSION`
whenever a recipe changes and stale files are replaced on next use.

Loudness target: every soundscape is normalised to **-30 LUFS integrated**
(EBU R128 / BS.1770 meter, see measure.py), with sample peaks kept under
-6 dBFS. Narration from the speech engine sits around -18 to -20 LUFS, so at
full layer volume a bed plays 10-12 LU under the voice, and another 8 dB lower
while the voice speaks (ducking). One target for all means switching soundscape
never makes the room suddenly louder or quieter.
"""

from __future__ import annotations

import difflib
import functools
import threading
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import numpy as np
import platformdirs

from touchstory.audio import synth_nature, synth_tonal
from touchstory.audio.measure import db, integrated_loudness
from touchstory.audio.sound import Sound, read_wav, write_wav
from touchstory.errors import AudioError

SYNTH_VERSION = 3  # 3: the lullaby starts after the fade-in
TARGET_LUFS = -30.0
PEAK_CEILING_DB = -6.0
LOOP_SECONDS = 60.0

Progress = Callable[[float], None]
"""Receives the fraction done, 0.0 .. 1.0 (from the calling thread)."""

Recipe = Callable[[np.random.Generator, float, Callable[[], None]], np.ndarray]


@dataclass(frozen=True, slots=True)
class SoundscapeInfo:
    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class _Entry:
    info: SoundscapeInfo
    recipe: Recipe
    steps: int


def _entry(id_: str, name: str, description: str, recipe: Recipe, steps: int) -> tuple[str, _Entry]:
    return id_, _Entry(SoundscapeInfo(id_, name, description), recipe, steps)


_ENTRIES: dict[str, _Entry] = dict([
    _entry("rain", "Soft rain", "Steady gentle rain with tiny drops, no thunder.", synth_nature.rain, 3),
    _entry("sea", "Sea waves", "Slow waves on a sandy beach, one every nine seconds or so.", synth_nature.sea, 3),
    _entry("wind", "Wind in leaves", "A light breeze in the trees, rising and falling.", synth_nature.wind, 4),
    _entry("heartbeat", "Heartbeat", "A calm, soft heartbeat at sixty beats a minute.", synth_tonal.heartbeat, 2),
    _entry("noise", "Soft noise", "Even pink-brown noise: a low, steady 'shhh'.", synth_nature.noise, 1),
    _entry("lullaby", "Music-box lullaby",
           "A slow music box: Brahms' Lullaby, then Twinkle Twinkle.", synth_tonal.lullaby, 2),
    _entry("drone", "Warm drone", "A soft, slowly shimmering pad with no beat at all.", synth_tonal.drone, 2),
])

SOUNDSCAPES: Mapping[str, SoundscapeInfo] = MappingProxyType({k: e.info for k, e in _ENTRIES.items()})
"""Every built-in soundscape by id, in menu order."""

ALIASES: Mapping[str, str] = MappingProxyType({
    "soft-rain": "rain", "rainfall": "rain", "waves": "sea", "sea-waves": "sea", "ocean": "sea",
    "breeze": "wind", "leaves": "wind", "heart": "heartbeat", "pink-noise": "noise",
    "brown-noise": "noise", "white-noise": "noise", "shh": "noise", "music-box": "lullaby",
    "musicbox": "lullaby", "pad": "drone", "hum": "drone",
})

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def resolve_id(name: str) -> str:
    """The canonical id for a name or alias (case and spaces forgiven), else AudioError
    with the closest match and the list of choices."""
    key = name.strip().lower().replace(" ", "-").replace("_", "-")
    if key in _ENTRIES:
        return key
    if key in ALIASES:
        return ALIASES[key]
    known = [*_ENTRIES, *ALIASES]
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise AudioError(
        f"There is no soundscape called '{name}'.{hint} "
        f"Choose one of: {', '.join(_ENTRIES)}, or give a WAV/OGG/MP3/FLAC file."
    )


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("touchstory")) / "soundscapes"


def cache_path(name: str, cache_dir: Path | None = None) -> Path:
    return (cache_dir or default_cache_dir()) / f"{resolve_id(name)}-v{SYNTH_VERSION}.wav"


def get_soundscape(name: str, cache_dir: Path | None = None, progress: Progress | None = None) -> Sound:
    """The soundscape `name` (id or alias) as a seamless loop, from the cache or made now.

    Blocking (up to ~1-2 s on first use): call it off the GUI thread. `progress` is
    called with 0.0 .. 1.0. A cache that can't be written is not an error: the
    sound is still returned. Raises AudioError for an unknown name.
    """
    key = resolve_id(name)
    path = cache_path(key, cache_dir)
    with _lock_for(key):
        if path.is_file():
            try:
                sound = read_wav(path)
                if sound.frames > 0:
                    _report(progress, 1.0)
                    return sound
            except AudioError:
                pass  # a damaged cache file is simply made again
        sound = synthesise(key, progress)
        try:
            write_wav(sound, path)
            _remove_stale(path)
        except OSError:
            pass  # read-only or full cache: play from memory this time
    return sound


def synthesise(name: str, progress: Progress | None = None) -> Sound:
    """Make the soundscape now (no cache): normalised to TARGET_LUFS, peak-safe."""
    entry = _ENTRIES[resolve_id(name)]
    total = entry.steps + 1
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        _report(progress, min(done / total, 0.99))

    _report(progress, 0.0)
    rng = np.random.default_rng(zlib.crc32(entry.info.id.encode()))
    raw = entry.recipe(rng, LOOP_SECONDS, step)
    samples = normalise(_centred(raw))
    samples.flags.writeable = False
    _report(progress, 1.0)
    return Sound(samples)


def normalise(samples: np.ndarray, target: float = TARGET_LUFS, ceiling_db: float = PEAK_CEILING_DB) -> np.ndarray:
    """Scale to the loudness target; if that would push peaks past the ceiling,
    scale less (quieter is safe at bedtime, clipping is not)."""
    samples = samples - samples.mean(axis=0, keepdims=True)
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    samples = samples * np.float32(0.1 / (rms or 1.0))  # into the meter's range first
    loudness = integrated_loudness(samples)
    gain = 10 ** ((target - loudness) / 20)
    peak = float(np.max(np.abs(samples))) * gain
    if peak > 0 and db(peak) > ceiling_db:
        gain *= 10 ** ((ceiling_db - db(peak)) / 20)
    return (samples * gain).astype(np.float32)


def _centred(samples: np.ndarray, limit_db: float = 3.0) -> np.ndarray:
    """Even out left and right: a few pitches through a random-phase room can
    land one side 2-3 dB louder, which a lying-down listener notices."""
    rms = np.sqrt(np.mean(np.square(samples, dtype=np.float64), axis=0))
    if np.any(rms <= 0):
        return samples
    gains = np.clip(np.sqrt(rms.prod()) / rms, 10 ** (-limit_db / 20), 10 ** (limit_db / 20))
    return (samples * gains.astype(np.float32)).astype(np.float32)


@functools.cache
def chime_sound() -> Sound:
    """The soft page-turn chime for the mixer's cue layer (about -24 LUFS); made
    once per process (~0.1 s), so pass it to Mixer(cue=...) from a worker thread."""
    return Sound(normalise(synth_tonal.chime(), target=-24.0, ceiling_db=-8.0))


def _lock_for(key: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def _remove_stale(current: Path) -> None:
    stem = current.name.rsplit("-v", 1)[0]
    for old in current.parent.glob(f"{stem}-v*.wav"):
        if old != current:
            old.unlink(missing_ok=True)


def _report(progress: Progress | None, fraction: float) -> None:
    if progress is not None:
        progress(fraction)
