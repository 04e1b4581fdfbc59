"""A narration file is only handed on when it is complete."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from touchstory.errors import SpeechError
from touchstory.speech.wavfile import check_wav, write_wav_atomic

ONE_SECOND = b"\x01\x00" * 22050


def test_complete_file_passes(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    write_wav_atomic(path, ONE_SECOND, 22050)
    info = check_wav(path)
    assert (info.channels, info.sample_width, info.sample_rate, info.frames) == (1, 2, 22050, 22050)
    assert info.duration == pytest.approx(1.0)
    assert [p.name for p in tmp_path.iterdir()] == ["a.wav"]  # no temp file left


def test_truncated_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    write_wav_atomic(path, ONE_SECOND, 22050)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SpeechError, match="incomplete"):
        check_wav(path)


def test_header_written_before_data_fails(tmp_path: Path) -> None:
    # What a writer that has not finished looks like: sizes still zero.
    path = tmp_path / "a.wav"
    write_wav_atomic(path, ONE_SECOND, 22050)
    data = bytearray(path.read_bytes())
    data[4:8] = struct.pack("<I", 36)
    path.write_bytes(bytes(data))
    with pytest.raises(SpeechError, match="incomplete"):
        check_wav(path)


def test_empty_sound_fails(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    write_wav_atomic(path, b"", 22050)
    with pytest.raises(SpeechError, match="no sound"):
        check_wav(path)


def test_missing_or_foreign_file_fails(tmp_path: Path) -> None:
    with pytest.raises(SpeechError, match="cannot read"):
        check_wav(tmp_path / "nope.wav")
    (tmp_path / "x.wav").write_bytes(b"ID3 not a wav at all")
    with pytest.raises(SpeechError, match="not a WAV"):
        check_wav(tmp_path / "x.wav")
