"""pydub, set up once: quiet import, and the ffmpeg that ships with imageio-ffmpeg
as its converter (no system ffmpeg, and never ffprobe: callers pass the codec).
"""

from __future__ import annotations

import shutil
import threading
import warnings

with warnings.catch_warnings():
    # pydub warns at import when no ffmpeg is on PATH (we set one below) and
    # Python 3.11 warns that audioop is deprecated (pydub needs it).
    warnings.simplefilter("ignore", RuntimeWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    from pydub import AudioSegment
    from pydub.exceptions import CouldntDecodeError, CouldntEncodeError

try:
    import imageio_ffmpeg
except ImportError:  # a distro package of touchstory may rely on a system ffmpeg
    imageio_ffmpeg = None

from touchstory.errors import AudioError

__all__ = ["AudioSegment", "CouldntDecodeError", "CouldntEncodeError", "ffmpeg_exe", "segment_class"]

_lock = threading.Lock()
_exe: str | None = None


def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary to use, or AudioError saying how to get one."""
    global _exe
    with _lock:
        if _exe is None:
            try:
                _exe = imageio_ffmpeg.get_ffmpeg_exe() if imageio_ffmpeg else None
            except RuntimeError:  # no binary for this platform in the wheel
                _exe = None
            _exe = _exe or shutil.which("ffmpeg")
            if _exe is None:
                raise AudioError(
                    "touchstory needs ffmpeg to read or write OGG, MP3 and FLAC files. "
                    "Reinstall touchstory (it brings imageio-ffmpeg) or install ffmpeg."
                )
        return _exe


def segment_class() -> type[AudioSegment]:
    """pydub's AudioSegment with its converter pointed at our ffmpeg."""
    AudioSegment.converter = ffmpeg_exe()
    segment: type[AudioSegment] = AudioSegment  # pydub has no type hints
    return segment
