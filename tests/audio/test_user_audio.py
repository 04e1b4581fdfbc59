"""The user's own recordings as soundscapes: every supported format decodes
with the bundled ffmpeg (no ffprobe), loops with no seam, lands on the same
loudness as the built-in beds; broken files give a clear AudioError."""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from touchstory.audio import measure, soundscapes
from touchstory.audio.codec import ffmpeg_exe
from touchstory.audio.sound import RATE
from touchstory.audio.userfile import load_user_soundscape, loop_crossfade
from touchstory.errors import AudioError, TouchstoryError

SECONDS = 6.0


def _source(rate: int = 48000) -> np.ndarray:
    """A recording whose end does not meet its start: a gliding tone over noise."""
    rng = np.random.default_rng(7)
    t = np.arange(int(SECONDS * rate)) / rate
    glide = 2 * np.pi * (300 * t + 40 * t**2)
    left = 0.3 * np.sin(glide) + 0.05 * rng.standard_normal(t.size)
    right = 0.3 * np.sin(glide * 1.01) + 0.05 * rng.standard_normal(t.size)
    return np.stack([left, right], axis=1)


def _write_pcm_wav(path: Path, data: np.ndarray, rate: int) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(data.shape[1])
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(np.round(data * 32767).astype("<i2").tobytes())
    return path


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("user-audio")
    wav = _write_pcm_wav(folder / "source.wav", _source(), 48000)
    made = {"wav": wav}
    recipes = {
        "ogg": ["-c:a", "libvorbis", "-q:a", "3"],
        "mp3": ["-c:a", "libmp3lame", "-q:a", "5"],
        "flac": ["-c:a", "flac"],
        "opus.ogg": ["-c:a", "libopus", "-b:a", "64k"],
        "float.wav": ["-c:a", "pcm_f32le"],
        "24bit.wav": ["-c:a", "pcm_s24le"],
        "mono22k.wav": ["-ac", "1", "-ar", "22050", "-c:a", "pcm_s16le"],
    }
    for name, args in recipes.items():
        out = folder / f"song.{name}"
        subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-i", str(wav), *args, str(out)], check=True)
        made[name] = out
    return made


@pytest.mark.parametrize("kind", ["wav", "ogg", "mp3", "flac", "opus.ogg", "float.wav", "24bit.wav", "mono22k.wav"])
def test_decodes_loops_and_matches_loudness(library: dict[str, Path], kind: str) -> None:
    sound = load_user_soundscape(library[kind])
    assert sound.rate == RATE and sound.samples.shape[1] == 2
    # the loop is the file less the crossfade folded into its start
    assert sound.duration == pytest.approx(SECONDS - SECONDS / 4, abs=0.1)
    assert measure.integrated_loudness(sound.samples) == pytest.approx(soundscapes.TARGET_LUFS, abs=0.5)
    seam, inside = measure.seam_step(sound.samples)
    assert seam <= inside


def test_crossfade_makes_a_jumpy_recording_seamless() -> None:
    data = _source(RATE).astype(np.float32)
    before, _ = measure.seam_step(data)
    looped = loop_crossfade(data, 1.0)
    seam, inside = measure.seam_step(looped)
    assert seam <= inside < before or seam <= inside


def _expect_error(path: Path, *words: str) -> AudioError:
    with pytest.raises(AudioError) as info:
        load_user_soundscape(path)
    message = str(info.value)
    assert str(path) in message, "names the file"
    for word in words:
        assert word in message
    assert isinstance(info.value, TouchstoryError)
    return info.value


def test_broken_mp3_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.mp3"
    bad.write_bytes(np.random.default_rng(1).bytes(20000))
    _expect_error(bad, "Could not read", "plays on without it")


def test_truncated_ogg_is_a_clear_error(library: dict[str, Path], tmp_path: Path) -> None:
    cut = tmp_path / "cut.ogg"
    cut.write_bytes(library["ogg"].read_bytes()[:300])
    _expect_error(cut)


def test_text_file_named_wav(tmp_path: Path) -> None:
    fake = tmp_path / "notes.wav"
    fake.write_text("these are not sounds\n" * 50)
    _expect_error(fake, "Could not read")


def test_unsupported_kind_missing_file_silence_and_too_short(tmp_path: Path) -> None:
    other = tmp_path / "tune.m4a"
    other.write_bytes(b"\0" * 100)
    _expect_error(other, "'.m4a'")
    _expect_error(tmp_path / "nowhere.ogg", "not found")
    silent = _write_pcm_wav(tmp_path / "silent.wav", np.zeros((RATE * 3, 2)), RATE)
    _expect_error(silent, "silent")
    short = _write_pcm_wav(tmp_path / "short.wav", _source(RATE)[: RATE // 2], RATE)
    _expect_error(short, "0.5 s")
