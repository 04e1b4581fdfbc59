"""The narration cache: rendered lines kept on disk so a story heard before
starts instantly and never re-renders. Files live in
`platformdirs.user_cache_dir("touchstory")/speech`, named by a hash of engine
id + text + voice + rate + volume; each entry is a WAV plus a small JSON (the
duration and word timings), both written atomically, the JSON last so it marks
a complete entry. A size cap is kept by removing the least recently used
entries (a hit refreshes the entry's time)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import platformdirs

from touchstory.errors import SpeechError
from touchstory.speech.engine import (
    RenderedLine,
    SpeechEngine,
    Voice,
    VoiceSettings,
    WordTiming,
)
from touchstory.speech.wavfile import check_wav

DEFAULT_MAX_BYTES = 200 * 1024 * 1024  # ~75 minutes of 22 kHz narration: many stories
FORMAT = 1
_STALE_PART = 3600.0  # leftovers of a crash mid-write, removed after an hour


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("touchstory")) / "speech"


def cache_key(engine_id: str, text: str, voice: VoiceSettings) -> str:
    """Stable key of one rendering. Volume is rounded so float noise from a
    slider does not split the cache."""
    material = json.dumps(
        [FORMAT, engine_id, text, voice.voice_id, voice.language.lower(), voice.rate_wpm,
         round(voice.volume, 3)],
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:40]


class SpeechCache:
    """A folder of rendered lines with an LRU size cap. Safe to share between
    threads and between processes (every write is a rename)."""

    def __init__(self, directory: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = directory or default_cache_dir()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._total: int | None = None  # bytes on disk, counted lazily

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.directory / f"{key}.wav", self.directory / f"{key}.json"

    def get(self, key: str, text: str) -> RenderedLine | None:
        """The cached line, or None (missing, incomplete or another text)."""
        wav, meta_path = self._paths(key)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT or meta.get("text") != text:
                return None
            if wav.stat().st_size != meta["bytes"]:
                return None  # torn by a crash or power cut: render again
            now = time.time()
            os.utime(wav, (now, now))  # most recently used
            words = tuple(WordTiming(w, s, e, a, b) for w, s, e, a, b in meta["words"])
            return RenderedLine(text, wav, float(meta["duration"]), words)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, line: RenderedLine) -> RenderedLine:
        """Copy `line`'s WAV into the cache and record it; returns the cached
        line (its path inside the cache)."""
        check_wav(line.path)
        wav, meta_path = self._paths(key)
        _copy_atomic(line.path, wav)
        meta: dict[str, Any] = {
            "format": FORMAT, "text": line.text, "duration": line.duration,
            "bytes": wav.stat().st_size,
            "words": [[w.word, w.start, w.end, w.char_start, w.char_end] for w in line.words],
        }
        _write_text_atomic(meta_path, json.dumps(meta, ensure_ascii=False))
        added = wav.stat().st_size + meta_path.stat().st_size
        with self._lock:
            if self._total is not None:
                self._total += added
            over = self._size_locked() > self.max_bytes
        if over:
            self.evict()
        return RenderedLine(line.text, wav, line.duration, line.words)

    def size(self) -> int:
        with self._lock:
            return self._size_locked()

    def _size_locked(self) -> int:
        if self._total is None:
            self._total = sum(p.stat().st_size for p in self._entries_files())
        return self._total

    def _entries_files(self) -> list[Path]:
        try:
            return [p for p in self.directory.iterdir() if p.suffix in (".wav", ".json")
                    and not p.name.startswith(".")]
        except OSError:
            return []

    def evict(self, target: float = 0.8) -> int:
        """Remove least recently used entries until the cache is under
        `target` x the cap (so it does not evict on every put). Returns how
        many entries were removed."""
        with self._lock:
            entries = []
            total = 0
            for wav in self.directory.glob("*.wav"):
                meta = wav.with_suffix(".json")
                try:
                    size = wav.stat().st_size + (meta.stat().st_size if meta.exists() else 0)
                    entries.append((wav.stat().st_mtime, wav, meta, size))
                    total += size
                except OSError:
                    continue
            for part in self.directory.glob(".part-*"):
                try:
                    if time.time() - part.stat().st_mtime > _STALE_PART:
                        part.unlink()
                except OSError:
                    pass
            removed = 0
            entries.sort(key=lambda e: e[0])
            for _, wav, meta, size in entries:
                if total <= self.max_bytes * target:
                    break
                meta.unlink(missing_ok=True)  # the marker first: never a half entry
                wav.unlink(missing_ok=True)
                total -= size
                removed += 1
            self._total = total
            return removed

    def clear(self) -> None:
        with self._lock:
            for p in self._entries_files():
                p.unlink(missing_ok=True)
            self._total = 0


class CachedEngine:
    """A SpeechEngine wrapper that answers from the cache and renders (then
    stores) only what is missing."""

    def __init__(self, engine: SpeechEngine, cache_dir: Path | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.engine = engine
        self.cache = SpeechCache(cache_dir, max_bytes)
        self.hits = 0
        self.misses = 0

    @property
    def available(self) -> bool:
        return self.engine.available

    @property
    def problem(self) -> str | None:
        return self.engine.problem

    @property
    def engine_id(self) -> str:
        return self.engine.engine_id

    def voices(self) -> list[Voice]:
        return self.engine.voices()

    def warm_up(self) -> None:
        self.engine.warm_up()

    def lookup(self, text: str, voice: VoiceSettings) -> RenderedLine | None:
        """The cached rendering, without rendering anything. Needs the engine
        id, which may start the engine's worker: call off the GUI thread."""
        return self.cache.get(cache_key(self.engine.engine_id, text, voice), text)

    def render(self, text: str, voice: VoiceSettings) -> RenderedLine:
        if not self.engine.available:
            raise SpeechError(self.engine.problem or "narration is not available")
        key = cache_key(self.engine.engine_id, text, voice)
        line = self.cache.get(key, text)
        if line is not None:
            self.hits += 1
            return line
        self.misses += 1
        fresh = self.engine.render(text, voice)
        try:
            cached = self.cache.put(key, fresh)
        except OSError as exc:
            # A full or read-only disk must not silence the story: play the
            # engine's own file this time.
            if fresh.path.exists():
                return fresh
            raise SpeechError(f"could not store narration: {exc}") from exc
        fresh.path.unlink(missing_ok=True)
        return cached

    def close(self) -> None:
        self.engine.close()


# No fsync: this is a cache. Renames keep readers from seeing half files, and
# get() checks the recorded size, so a file torn by a power cut is re-rendered.
def _copy_atomic(src: Path, dst: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=dst.suffix, dir=dst.parent)
    try:
        with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
            shutil.copyfileobj(inp, out)
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_text_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
