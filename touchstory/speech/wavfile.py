"""Small WAV helpers for narration files: prove a file is complete (its RIFF
and data sizes agree with the bytes on disk and it holds sound), and write one
atomically. Standard library only: the synthesis worker imports this too."""

from __future__ import annotations

import os
import struct
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from touchstory.errors import SpeechError


@dataclass(frozen=True, slots=True)
class WavInfo:
    channels: int
    sample_width: int
    sample_rate: int
    frames: int

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate


def check_wav(path: Path | str) -> WavInfo:
    """Return the file's format if it is a complete PCM WAV with at least one
    frame; raise SpeechError saying what is wrong otherwise. A file still being
    written, or cut short by a crash, fails the size checks."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                raise SpeechError(f"{path.name} is not a WAV file")
            riff_size = struct.unpack("<I", head[4:8])[0]
            if riff_size + 8 != size:
                raise SpeechError(
                    f"{path.name} is incomplete: header says {riff_size + 8} bytes, file has {size}"
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
                        raise SpeechError(f"{path.name} has sound data before its format")
                    if pos + 8 + chunk_size > size:
                        raise SpeechError(
                            f"{path.name} is incomplete: data chunk runs past the end of the file"
                        )
                    tag, channels, rate, bits = fmt
                    if tag != 1 or channels < 1 or rate <= 0 or bits not in (8, 16, 24, 32):
                        raise SpeechError(f"{path.name} is not plain PCM audio")
                    frame_bytes = channels * bits // 8
                    frames = chunk_size // frame_bytes
                    if frames <= 0:
                        raise SpeechError(f"{path.name} holds no sound")
                    return WavInfo(channels, bits // 8, rate, frames)
                pos += 8 + chunk_size + (chunk_size & 1)
    except OSError as exc:
        raise SpeechError(f"cannot read {path.name}: {exc.strerror or exc}") from exc
    raise SpeechError(f"{path.name} has no sound data")


def write_wav_atomic(path: Path | str, pcm16: bytes, sample_rate: int, channels: int = 1) -> None:
    """Write 16-bit PCM to `path` so that readers only ever see a complete file:
    write a temporary file beside it, flush it to disk, then rename over."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=".wav", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as raw:
            with wave.open(raw, "wb") as w:
                w.setnchannels(channels)
                w.setsampwidth(2)
                w.setframerate(sample_rate)
                w.writeframes(pcm16)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
