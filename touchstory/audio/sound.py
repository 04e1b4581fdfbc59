"""The one in-memory sound type of the audio package, and its plain WAV I/O.

`Sound` is what synthesis, decoding, the mixer and the exporter pass around:
float32 samples shaped (frames, 2) at 44.1 kHz, read-only so the real-time mixer
can share it with other threads without copying.
"""

from __future__ import annotations

import math
import os
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from touchstory.errors import AudioError

RATE = 44100
"""The sample rate of every Sound the mixer plays (Hz)."""


@dataclass(frozen=True, slots=True, eq=False)
class Sound:
    """Stereo float32 samples in [-1, 1], shape (frames, 2), at `rate` Hz."""

    samples: np.ndarray
    rate: int = RATE

    def __post_init__(self) -> None:
        data = np.asarray(self.samples, dtype=np.float32)
        if data.ndim == 1:
            data = np.repeat(data[:, None], 2, axis=1)
        if data.ndim != 2 or data.shape[1] != 2:
            raise ValueError(f"Sound needs (frames, 2) samples, got shape {data.shape}")
        if not data.flags.c_contiguous:
            data = np.ascontiguousarray(data)
        if data is self.samples and data.flags.writeable:
            data = data.copy()  # never freeze the caller's own array behind their back
        data.flags.writeable = False
        object.__setattr__(self, "samples", data)

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.frames / self.rate

    @classmethod
    def silence(cls, seconds: float, rate: int = RATE) -> Sound:
        return cls(np.zeros((int(round(seconds * rate)), 2), np.float32), rate)


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float samples to int16 with clipping (the mixer's limiter keeps us off it)."""
    scaled = np.clip(samples, -1.0, 1.0) * 32767.0
    return np.rint(scaled).astype("<i2")


def from_int16(data: np.ndarray) -> np.ndarray:
    return data.astype(np.float32) * np.float32(1.0 / 32768.0)


def write_wav(sound: Sound, path: Path) -> None:
    """Write 16-bit stereo PCM atomically: a crash never leaves half a file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        with wave.open(tmp, "wb") as out:
            out.setnchannels(2)
            out.setsampwidth(2)
            out.setframerate(sound.rate)
            out.writeframes(to_int16(sound.samples).tobytes())
        make_public(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_public(path: Path) -> None:
    """Give a mkstemp file (0600) the permissions a normally created file gets."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def read_wav(path: Path) -> Sound:
    """Read a 16-bit PCM WAV (mono or stereo) as written by `write_wav` or pyttsx3.

    Other rates are resampled to 44.1 kHz; anything else raises AudioError.
    """
    try:
        with wave.open(str(path), "rb") as src:
            channels, width, rate = src.getnchannels(), src.getsampwidth(), src.getframerate()
            raw = src.readframes(src.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise AudioError(f"Could not read the WAV file {path}: {exc}.") from exc
    if width != 2 or channels not in (1, 2):
        raise AudioError(
            f"The WAV file {path} is {8 * width}-bit with {channels} channels; "
            "touchstory reads 16-bit mono or stereo WAV here."
        )
    data = from_int16(np.frombuffer(raw, dtype="<i2")).reshape(-1, channels)
    if channels == 1:
        data = np.repeat(data, 2, axis=1)
    if rate != RATE:
        data = resample(data, rate, RATE)
    return Sound(data)


def resample(data: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """Band-limited resampling by FFT (exact for the 22050 -> 44100 Hz of speech)."""
    if rate_in == rate_out or len(data) == 0:
        return np.asarray(data, np.float32)
    n_out = int(round(len(data) * rate_out / rate_in))
    g = math.gcd(rate_in, rate_out)
    up, down = rate_out // g, rate_in // g
    # Zero-pad so the FFT's circular wrap can't smear the end into the start, to a
    # length whose FFTs are fast on both sides (odd lengths can be 20x slower).
    base = nice_length(-(-(len(data) + rate_in // 10) // down))
    size_in, size_out = base * down, base * up
    spectrum = np.fft.rfft(np.asarray(data, np.float32), n=size_in, axis=0)
    bins = size_out // 2 + 1
    if bins <= spectrum.shape[0]:
        spectrum = spectrum[:bins]
    else:
        spectrum = np.concatenate(
            [spectrum, np.zeros((bins - spectrum.shape[0], data.shape[1]), spectrum.dtype)]
        )
    out = np.fft.irfft(spectrum, n=size_out, axis=0) * (size_out / size_in)
    return out[:n_out].astype(np.float32)


def nice_length(frames: int) -> int:
    """The smallest length >= frames with no prime factor above 7: FFTs of such
    lengths are fast, others can be 20x slower."""
    n = max(1, frames)
    while True:
        m = n
        for p in (2, 3, 5, 7):
            while m % p == 0:
                m //= p
        if m == 1:
            return n
        n += 1
