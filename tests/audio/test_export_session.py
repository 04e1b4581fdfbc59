"""Screen-free export measured on the rendered file: its length is the session's
timing, the bed fades in, ducks under each voice exactly like the live mixer,
winds down and fades to silence; OGG and MP3 come out playable."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from audio_helpers import level_db, write_voice

from touchstory.audio import measure
from touchstory.audio.codec import segment_class
from touchstory.audio.export import ExportCancelled, Segment, render_session
from touchstory.audio.mixer import Layer, Mixer
from touchstory.audio.sound import RATE, Sound, read_wav
from touchstory.audio.voice_level import read_voice
from touchstory.errors import AudioError

VOICES = (2.0, 3.5, 1.25)
HOLDS = (1.5, 4.0, 2.0)


@pytest.fixture()
def segments(tmp_path: Path) -> list[Segment]:
    segs = [Segment(None, 2.0, "lead-in")]
    for i, (length, hold) in enumerate(zip(VOICES, HOLDS)):
        segs.append(Segment(write_voice(tmp_path / f"line{i}.wav", length, seed=i), hold, f"line {i}"))
    return segs


def test_duration_is_voices_plus_holds_plus_ending(segments: list[Segment], rain: Sound, tmp_path: Path) -> None:
    seen: list[float] = []
    result = render_session(segments, tmp_path / "s.wav", rain, wind_down=6.0, fade_out=8.0, progress=seen.append)
    expected = 2.0 + sum(VOICES) + sum(HOLDS) + 6.0 + 8.0
    assert result.duration == pytest.approx(expected, abs=1 / RATE)
    assert read_wav(result.path).duration == pytest.approx(expected, abs=1 / RATE)
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_without_a_soundscape_it_ends_with_the_last_pause(segments: list[Segment], tmp_path: Path) -> None:
    result = render_session(segments, tmp_path / "v.wav", None)
    assert result.duration == pytest.approx(2.0 + sum(VOICES) + sum(HOLDS), abs=1 / RATE)


def test_bed_fades_in_ducks_under_voices_and_fades_out(tmp_path: Path, rain: Sound) -> None:
    silent = tmp_path / "silent.wav"
    write_voice(silent, 3.0, level=0.0)  # silent narration: the file holds the bed alone
    segs = [Segment(None, 4.0), Segment(silent, 3.0)]
    out = read_wav(render_session(segs, tmp_path / "d.wav", rain, wind_down=3.0, fade_out=6.0).path).samples
    ref = rain.samples[: len(out)]
    win = int(0.1 * RATE)
    rel = np.array([level_db(out[i:i + win]) - level_db(ref[i:i + win]) for i in range(0, len(out) - win, win)])
    assert rel[0] < -30.0 and rel[29] > -0.5, "fades in over 3 s"
    assert np.median(rel[47:70]) == pytest.approx(-8.0, abs=0.15), "ducked 8 dB while the voice plays"
    assert abs(rel[85]) < 0.1, "back up during the pause"
    fade = rel[130:]
    silent = np.flatnonzero(fade < -100.0)  # until it reaches 16-bit silence (if it does before the end)
    fade = fade[: silent[0]] if silent.size else fade
    assert len(fade) > 50 and np.all(np.diff(fade) < 0), "the ending falls steadily"
    assert np.all(out[-int(0.05 * RATE):] == 0.0), "to true silence"


def test_export_equals_the_live_mixer(tmp_path: Path, rain: Sound) -> None:
    voice = write_voice(tmp_path / "v.wav", 2.0)
    out = read_wav(render_session([Segment(None, 1.0), Segment(voice, 1.0)], tmp_path / "e.wav",
                                  rain, wind_down=1.0, fade_out=2.0).path).samples
    live = Mixer()
    live.set_soundscape(Layer.SOUNDSCAPE_1, rain)
    parts = [live.pull(RATE)]
    live.play_voice(read_voice(voice))  # the app levels narration the same way
    parts.append(live.pull(4 * RATE))
    live.fade_out(2.0)
    parts.append(live.pull(2 * RATE))
    expected = np.concatenate(parts)
    assert np.max(np.abs(out - expected)) <= 1.5 / 32768, "same samples, to 16-bit rounding"


@pytest.mark.parametrize("suffix", [".ogg", ".mp3"])
def test_compressed_exports_play_back_with_the_right_length(segments: list[Segment], rain: Sound,
                                                            tmp_path: Path, suffix: str) -> None:
    result = render_session(segments, tmp_path / f"s{suffix}", rain, wind_down=2.0, fade_out=5.0, title="Test")
    codec = {".ogg": "libopus", ".mp3": "mp3"}[suffix]
    decoded = segment_class().from_file(str(result.path), format=suffix[1:], codec=codec)
    assert decoded.duration_seconds == pytest.approx(result.duration, abs=0.08)
    data = np.frombuffer(decoded.raw_data, "<i2").reshape(-1, decoded.channels) / 32768
    assert measure.integrated_loudness(data.astype(np.float32)) > -35.0


def test_cancel_leaves_no_file(segments: list[Segment], rain: Sound, tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelled):
        render_session(segments, tmp_path / "c.wav", rain, cancel=cancel)
    assert list(tmp_path.glob("c.*")) == [] and list(tmp_path.glob(".touchstory-*")) == []


def test_clear_errors(segments: list[Segment], rain: Sound, tmp_path: Path) -> None:
    with pytest.raises(AudioError, match=r"\.wav, \.ogg or \.mp3"):
        render_session(segments, tmp_path / "s.aac", rain)
    missing = [Segment(tmp_path / "gone.wav", 1.0, "The sun wakes up")]
    with pytest.raises(AudioError, match="gone.wav.*The sun wakes up"):
        render_session(missing, tmp_path / "s.wav", rain)
    with pytest.raises(AudioError, match="negative"):
        render_session([Segment(None, -1.0)], tmp_path / "s.wav", rain)
    assert list(tmp_path.glob(".touchstory-*")) == []
