"""The user's own recording as a soundscape: decode WAV/OGG/MP3/FLAC with pydub,
make it loop with no gap (its end crossfaded into its start) and bring it to the
same loudness as the built-in soundscapes.

A file that can't be used raises AudioError naming the file and what to do;
callers play on without it.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from touchstory.audio.codec import AudioSegment, CouldntDecodeError, segment_class
from touchstory.audio.sound import RATE, Sound
from touchstory.audio.soundscapes import normalise
from touchstory.errors import AudioError

MAX_SECONDS = 300.0
"""Longer recordings loop their first five minutes (memory stays ~100 MB)."""
MIN_SECONDS = 2.0
LOOP_CROSSFADE = 4.0

# suffix -> (ffmpeg demuxer, ffmpeg decoder); the decoder is named so pydub
# never calls ffprobe, which imageio-ffmpeg does not ship.
_FORMATS = {
    ".ogg": ("ogg", "vorbis"), ".oga": ("ogg", "vorbis"), ".opus": ("ogg", "libopus"),
    ".mp3": ("mp3", "mp3"), ".flac": ("flac", "flac"),
}
_OGG_FALLBACK = "libopus"  # .ogg files may hold Opus rather than Vorbis
_WAV_DECODERS = {  # (format tag, bits) -> ffmpeg decoder
    (1, 8): "pcm_u8", (1, 16): "pcm_s16le", (1, 24): "pcm_s24le", (1, 32): "pcm_s32le",
    (3, 32): "pcm_f32le", (3, 64): "pcm_f64le", (6, 8): "pcm_alaw", (7, 8): "pcm_mulaw",
}

_WHAT_TO_DO = "Choose a WAV, OGG, MP3 or FLAC file that plays in other programs; the story plays on without it."


def load_user_soundscape(path: Path, *, crossfade: float = LOOP_CROSSFADE) -> Sound:
    """Decode `path` into a seamless, loudness-matched loop (blocking: off the GUI thread)."""
    path = Path(path)
    if not path.is_file():
        raise AudioError(f"The sound file {path} was not found. {_WHAT_TO_DO}")
    segment = _decode(path)
    if segment.duration_seconds < MIN_SECONDS:
        raise AudioError(
            f"The sound file {path} is only {segment.duration_seconds:.1f} s long; a soundscape "
            f"needs at least {MIN_SECONDS:.0f} s to loop calmly. {_WHAT_TO_DO}"
        )
    samples = _to_array(segment)
    if float(np.max(np.abs(samples))) < 1e-4:
        raise AudioError(f"The sound file {path} is silent. {_WHAT_TO_DO}")
    looped = loop_crossfade(samples, min(crossfade, samples.shape[0] / RATE / 4))
    result = normalise(looped)
    result.flags.writeable = False
    return Sound(result)


def loop_crossfade(samples: np.ndarray, seconds: float) -> np.ndarray:
    """Fold the last `seconds` over the first ones (equal power), so the loop's end
    runs straight into its start. The loop gets `seconds` shorter."""
    n = samples.shape[0]
    k = int(seconds * RATE)
    if k <= 0 or 2 * k > n:
        return samples.astype(np.float32)
    x = (np.arange(k) + 0.5) / k
    fade_in = np.sin(0.5 * np.pi * x)[:, None]
    fade_out = np.cos(0.5 * np.pi * x)[:, None]
    out = samples[: n - k].astype(np.float32)
    out[:k] = samples[:k] * fade_in + samples[n - k:] * fade_out
    return out


def _decode(path: Path) -> AudioSegment:
    suffix = path.suffix.lower()
    segment_type = segment_class()
    try:
        if suffix in (".wav", ".wave"):
            return _decode_wav(path, segment_type)
        if suffix not in _FORMATS:
            raise AudioError(
                f"touchstory can't play '{suffix or path.name}' files ({path}). {_WHAT_TO_DO}"
            )
        fmt, codec = _FORMATS[suffix]
        try:
            return segment_type.from_file(str(path), format=fmt, codec=codec, duration=MAX_SECONDS)
        except CouldntDecodeError:
            if fmt != "ogg" or codec == _OGG_FALLBACK:
                raise
            return segment_type.from_file(str(path), format=fmt, codec=_OGG_FALLBACK, duration=MAX_SECONDS)
    except (CouldntDecodeError, OSError, EOFError, ValueError, IndexError, struct.error) as exc:
        raise AudioError(f"Could not read the sound file {path} ({_first_line(exc)}). {_WHAT_TO_DO}") from exc


def _decode_wav(path: Path, segment_type: type[AudioSegment]) -> AudioSegment:
    # pydub reads integer PCM itself; for anything else it falls back to ffmpeg,
    # and without a codec that fallback would run ffprobe. So always name one.
    codec = _wav_codec(path)
    if codec is None:
        raise AudioError(f"Could not read the sound file {path}: it is not a WAV recording touchstory knows. {_WHAT_TO_DO}")
    return segment_type.from_file(str(path), format="wav", codec=codec, duration=MAX_SECONDS)


def _wav_codec(path: Path) -> str | None:
    """ffmpeg's decoder for this WAV's sample format, read from its header."""
    with path.open("rb") as f:
        head = f.read(4096)
    at = head.find(b"fmt ")
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE" or at < 0 or len(head) < at + 24:
        return None
    tag, _, _, _, _, bits = struct.unpack_from("<HHIIHH", head, at + 8)
    if tag == 0xFFFE and len(head) >= at + 34:
        tag = struct.unpack_from("<H", head, at + 32)[0]  # sub-format GUID starts with it
    return _WAV_DECODERS.get((tag, bits))


def _to_array(segment: AudioSegment) -> np.ndarray:
    if segment.channels > 2:
        segment = segment.set_channels(1)
    segment = segment.set_sample_width(2).set_frame_rate(RATE).set_channels(2)
    data = np.frombuffer(segment.raw_data, dtype="<i2").reshape(-1, 2)
    return data.astype(np.float32) / 32768.0


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # ffmpeg's useful complaint is usually the last line; keep the message short
    useful = lines[-1] if lines else type(exc).__name__
    return useful[:160]
