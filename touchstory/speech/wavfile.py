"""Small WAV helpers for narration files: prove a file is complete (its RIFF
and data sizes agree with the bytes on disk and it holds sound), and write one
atomically.

The synthesis worker imports this, and its start-up counts towards "first line
ready": so no dataclasses (which import inspect) and no pathlib here, only
os.path and a named tuple from collections.
"""

from __future__ import annotations

import os
import struct
import tempfile
import wave
from collections import namedtuple
from typing import TYPE_CHECKING

from touchstory.errors import SpeechError

if TYPE_CHECKING:
    from pathlib import Path

_WavFormat = namedtuple("_WavFormat", "channels sample_width sample_rate frames")


class WavInfo(_WavFormat):
    """channels, sample_width (bytes), sample_rate (Hz), frames; duration (s)."""

    __slots__ = ()

    @property
    def duration(self) -> float:
        return float(self.frames / self.sample_rate)


def check_wav(path: Path | str) -> WavInfo:
    """Return the file's format if it is a complete PCM WAV with at least one
    frame; raise SpeechError saying what is wrong otherwise. A file still being
    written, or cut short by a crash, fails the size checks."""
    name = os.path.basename(path)
    try:
        size = os.stat(path).st_size
        with open(path, "rb") as f:
            head = f.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                raise SpeechError(f"{name} is not a WAV file")
            riff_size = struct.unpack("<I", head[4:8])[0]
            if riff_size + 8 != size:
                raise SpeechError(
                    f"{name} is incomplete: header says {riff_size + 8} bytes, file has {size}"
                )
            fmt: tuple[int, int, int, int] | None = None
            pos = 12
            while pos + 8 <= size:
                f.seek(pos)
                chunk_id, chunk_size = struct.unpack("<4sI", f.read(8))
                if chunk_id == b"fmt ":
                    tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", f.read(16))
                    fmt = (tag, channels, rate, bits)
                elif chunk_id == b"data":
                    if fmt is None:
                        raise SpeechError(f"{name} has sound data before its format")
                    if pos + 8 + chunk_size > size:
                        raise SpeechError(
                            f"{name} is incomplete: data chunk runs past the end of the file"
                        )
                    tag, channels, rate, bits = fmt
                    if tag != 1 or channels < 1 or rate <= 0 or bits not in (8, 16, 24, 32):
                        raise SpeechError(f"{name} is not plain PCM audio")
                    frame_bytes = channels * bits // 8
                    frames = chunk_size // frame_bytes
                    if frames <= 0:
                        raise SpeechError(f"{name} holds no sound")
                    return WavInfo(channels, bits // 8, rate, frames)
                pos += 8 + chunk_size + (chunk_size & 1)
    except OSError as exc:
        raise SpeechError(f"cannot read {name}: {exc.strerror or exc}") from exc
    raise SpeechError(f"{name} has no sound data")


def write_wav_atomic(path: Path | str, pcm16: bytes, sample_rate: int, channels: int = 1) -> None:
    """Write 16-bit PCM to `path` so that readers only ever see a complete file:
    write a temporary file beside it, then rename over. (No fsync: narration
    files are re-creatable, and readers check completeness with check_wav.)"""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=".wav", dir=folder)
    try:
        with os.fdopen(fd, "wb") as raw, wave.open(raw, "wb") as w:
            w.setnchannels(channels)
            w.setsampwidth(2)
            w.setframerate(sample_rate)
            w.writeframes(pcm16)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
