"""Screen-free export: a whole narrated session rendered offline to one WAV, OGG
or MP3 file, for a phone or speaker by the bed.

The session is played through the same `Mixer` the app uses live, just pulled
as fast as the CPU allows, so the fade-in, the ducking under each voice and the
final fade sound exactly as they do in the app. WAV is streamed to disk; OGG
and MP3 are streamed into the ffmpeg from imageio-ffmpeg while mixing, so the
encoder works on the second core. (pydub's export first holds the whole
session in memory and writes it out again before encoding: measured 2-3x
slower, and ~50 MB per 5 minutes.)
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from touchstory.audio.codec import ffmpeg_exe
from touchstory.audio.mixer import Layer, Mixer
from touchstory.audio.sleep import FADE_DEFAULT, WIND_DOWN_DEFAULT
from touchstory.audio.sound import RATE, Sound, make_public, to_int16
from touchstory.audio.voice_level import read_voice
from touchstory.errors import AudioError

Progress = Callable[[float], None]
"""Receives the fraction done, 0.0 .. 1.0, from the rendering thread."""

_BLOCK = 8192
_ENCODERS = {
    # Opus in Ogg, 96 kb/s: ample for speech over a soft bed. Not Vorbis: the libvorbis
    # in imageio-ffmpeg encodes a 5-minute session in 6.6-7.9 s on the CI machine, over
    # the 5 s budget on its own; libopus takes ~2.2 s. Android, browsers, VLC and the
    # app's own loader (userfile.py) play Ogg Opus.
    ".ogg": ["-c:a", "libopus", "-b:a", "96k", "-f", "ogg"],
    # LAME VBR ~165 kb/s; compression level 7 is LAME's quicker search, no audible loss here
    ".mp3": ["-c:a", "libmp3lame", "-q:a", "4", "-compression_level", "7", "-f", "mp3"],
}


BED_CROSSFADE = 4.0  # a page's own soundscape takes over as gently as the live app's


@dataclass(frozen=True, slots=True, eq=False)
class Segment:
    """Play `voice` (a WAV, or nothing), then `hold` seconds before the next segment.
    A leading Segment(None, 2.0) gives the soundscape time to fade in first. With
    `change_bed`, the soundscape crossfades to `bed` (None: fades away) as the
    segment starts: a page with its own soundscape."""

    voice: Path | None
    hold: float
    text: str = ""
    bed: Sound | None = None
    change_bed: bool = False


@dataclass(frozen=True, slots=True)
class ExportResult:
    """duration = voices + holds (+ wind_down + fade_out when there is a soundscape;
    with none, the file ends with the last hold). `notes`: what the user should
    know about a file that was made all the same (a page's sound that couldn't be read)."""

    duration: float
    path: Path
    notes: tuple[str, ...] = ()


class ExportCancelled(AudioError):
    """The export was cancelled; no file was written."""


def render_session(
    segments: Sequence[Segment],
    out: Path,
    soundscape: Sound | None,
    *,
    fade_out: float = FADE_DEFAULT,
    wind_down: float = WIND_DOWN_DEFAULT,
    progress: Progress | None = None,
    voice_volume: float = 1.0,
    soundscape_volume: float = 1.0,
    title: str | None = None,
    cancel: threading.Event | None = None,
) -> ExportResult:
    """Render the session to `out` (.wav, .ogg or .mp3). Blocking: run it off the
    GUI thread. Raises AudioError for a bad format, an unreadable voice file or a
    failed write; ExportCancelled if `cancel` is set. Never leaves a partial file."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix != ".wav" and suffix not in _ENCODERS:
        raise AudioError(f"Can't export to '{out.name}': use a file name ending in .wav, .ogg or .mp3.")
    plan = [(seg, _voice_frames(seg)) for seg in segments]
    beds = soundscape is not None or any(seg.change_bed and seg.bed is not None for seg in segments)
    ending = (_frames(wind_down) + _frames(fade_out)) if beds else 0
    total = sum(v + _frames(seg.hold) for seg, v in plan) + ending
    mixer = Mixer()
    mixer.set_volume(Layer.NARRATION, voice_volume)
    mixer.set_volume(Layer.SOUNDSCAPE_1, soundscape_volume)
    if soundscape is not None:
        mixer.set_soundscape(Layer.SOUNDSCAPE_1, soundscape)
    tmp = _temp_beside(out)
    try:
        with _Sink(tmp, suffix, title) as sink:
            writer = _Writer(mixer, sink, total, progress, cancel)
            for seg, frames in plan:
                if seg.change_bed:
                    mixer.set_soundscape(Layer.SOUNDSCAPE_1, seg.bed, fade=BED_CROSSFADE)
                if seg.voice is not None and frames:
                    mixer.play_voice(read_voice(seg.voice))
                writer.run(frames + _frames(seg.hold))
            if beds:
                writer.run(_frames(wind_down))
                mixer.fade_out(fade_out)
                writer.run(_frames(fade_out))
        make_public(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise AudioError(f"Could not write {out}: {exc.strerror or exc}. Check the folder and free space.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(1.0)
    return ExportResult(total / RATE, out)


def _temp_beside(out: Path) -> Path:
    """A hidden temp file in the target folder, so the final rename is atomic."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".touchstory-", suffix=out.suffix, dir=out.parent)
        os.close(fd)
    except OSError as exc:
        raise AudioError(f"Could not write to {out.parent}: {exc.strerror or exc}. Choose another folder.") from exc
    return Path(name)


class _Sink:
    """Where rendered 16-bit stereo frames go: a WAV file or an ffmpeg encoder."""

    def __init__(self, path: Path, suffix: str, title: str | None) -> None:
        self._wav: wave.Wave_write | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._err = tempfile.TemporaryFile()
        if suffix == ".wav":
            self._wav = wave.open(str(path), "wb")
            self._wav.setnchannels(2)
            self._wav.setsampwidth(2)
            self._wav.setframerate(RATE)
            return
        meta = ["-metadata", f"title={title}"] if title else []
        command = [ffmpeg_exe(), "-v", "error", "-y", "-f", "s16le", "-ar", str(RATE), "-ac", "2",
                   "-i", "pipe:0", *meta, *_ENCODERS[suffix], str(path)]
        self._proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                      stderr=self._err)

    def __enter__(self) -> Self:
        return self

    def write(self, data: bytes) -> None:
        if self._wav is not None:
            self._wav.writeframesraw(data)
            return
        assert self._proc is not None and self._proc.stdin is not None
        try:
            self._proc.stdin.write(data)
        except BrokenPipeError:
            self._proc.wait()
            raise AudioError(f"The encoder stopped: {self._complaint()}") from None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if self._wav is not None:
                self._wav.close()
            elif self._proc is not None:
                if exc is not None:  # cancelled or failed: don't finish the file
                    self._proc.kill()
                    self._proc.wait()
                    return
                assert self._proc.stdin is not None
                self._proc.stdin.close()
                if self._proc.wait() != 0:
                    raise AudioError(f"The encoder failed: {self._complaint()}")
        finally:
            self._err.close()

    def _complaint(self) -> str:
        self._err.seek(0)
        lines = self._err.read().decode(errors="replace").strip().splitlines()
        return (lines[-1] if lines else "no message")[:160]


class _Writer:
    """Pulls the mixer in blocks into the sink, reporting progress, honouring cancel."""

    def __init__(self, mixer: Mixer, sink: _Sink, total: int,
                 progress: Progress | None, cancel: threading.Event | None) -> None:
        self.mixer, self.sink, self.total = mixer, sink, max(total, 1)
        self.progress, self.cancel = progress, cancel
        self.done = 0

    def run(self, frames: int) -> None:
        while frames > 0:
            if self.cancel is not None and self.cancel.is_set():
                raise ExportCancelled("The export was cancelled.")
            take = min(_BLOCK, frames)
            self.sink.write(to_int16(self.mixer.pull(take)).tobytes())
            frames -= take
            self.done += take
            if self.progress is not None and self.done % (_BLOCK * 16) < take:
                self.progress(0.99 * self.done / self.total)


def _voice_frames(seg: Segment) -> int:
    """Length of the voice at 44.1 kHz, from the WAV header alone."""
    if seg.hold < 0:
        raise AudioError(f"A pause can't be negative ({seg.hold} s after '{seg.text[:40]}').")
    if seg.voice is None:
        return 0
    try:
        with wave.open(str(seg.voice), "rb") as src:
            frames, rate = src.getnframes(), src.getframerate()
    except (OSError, EOFError, wave.Error) as exc:
        line = f" for '{seg.text[:40]}'" if seg.text else ""
        raise AudioError(f"The narration file {seg.voice}{line} can't be read ({exc}). "
                         "Render the speech again, or export with --no-narration.") from exc
    return frames if rate == RATE else int(round(frames * RATE / rate))


def _frames(seconds: float) -> int:
    return max(0, int(round(seconds * RATE)))
