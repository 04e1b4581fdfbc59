"""Real espeak-ng synthesis through the worker process: complete files, the
durations a listener would expect, settings that really apply, and a worker
that comes back after being killed or frozen."""

from __future__ import annotations

import itertools
import json
import os
import signal
import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.speech.conftest import EN, needs_espeak
from touchstory.errors import SpeechError
from touchstory.speech.engine import VoiceSettings
from touchstory.speech.pyttsx3_engine import Pyttsx3Engine
from touchstory.speech.wavfile import check_wav
from touchstory.speech.words import read_mono, speaking_time, tokenize

pytestmark = [needs_espeak, pytest.mark.slow]

LINES = [
    "The moon climbs slowly over the sleepy hills.",
    "Little mouse tiptoes, tiptoes, tiptoes home.",
    "Round and round the pond the ducklings swim, one by one.",
    "Raindrops patter on the window, soft and slow.",
    "Time to rest now.",
    "The wind hums a long, low song through the tall green trees, and the owl listens.",
]


def _rms_db(path: Path) -> float:
    samples, _ = read_mono(path)
    return 20 * np.log10(np.sqrt(np.mean(samples.astype(np.float64) ** 2)) + 1e-12)


def _median_pitch(path: Path) -> float:
    """Median fundamental of the voiced 40 ms frames, by autocorrelation."""
    samples, rate = read_mono(path)
    x = samples.astype(np.float64)
    n, pitches = int(0.04 * rate), []
    for i in range(0, len(x) - n, n):
        frame = x[i:i + n] - x[i:i + n].mean()
        if np.sqrt(np.mean(frame ** 2)) < 0.02 * np.abs(x).max():
            continue
        ac = np.correlate(frame, frame, "full")[n - 1:]
        lo, hi = rate // 400, rate // 70
        k = lo + int(np.argmax(ac[lo:hi]))
        if ac[k] > 0.4 * ac[0]:
            pitches.append(rate / k)
    return float(np.median(pitches))


def test_renders_complete_wav_files(real_engine: Pyttsx3Engine) -> None:
    line = real_engine.render(LINES[0], EN)
    info = check_wav(line.path)  # RIFF and data sizes agree with the file
    assert (info.channels, info.sample_width, info.sample_rate) == (1, 2, 22050)
    assert line.duration == pytest.approx(info.duration)
    assert line.duration > 1.0
    assert _rms_db(line.path) > -35, "the clip should hold audible speech"


@pytest.mark.parametrize("rate", [125, 160, 200])
def test_durations_follow_word_count_and_rate(real_engine: Pyttsx3Engine, rate: int) -> None:
    errors = []
    for text in LINES:
        line = real_engine.render(text, VoiceSettings(None, "en-GB", rate, 1.0))
        expected = speaking_time(text, rate)
        naive = len(tokenize(text)) * 60 / rate
        assert 0.6 * naive < line.duration < 2.0 * naive + 0.6, text
        errors.append(abs(line.duration - expected) / expected)
        assert errors[-1] < 0.4, f"{text!r}: {line.duration:.2f} s, expected ~{expected:.2f} s"
    assert statistics.mean(errors) < 0.2


def test_bedtime_speed_is_slower_by_the_rate_ratio(real_engine: Pyttsx3Engine) -> None:
    text = LINES[5]
    normal = real_engine.render(text, VoiceSettings(None, "en-GB", 160, 1.0)).duration
    bedtime = real_engine.render(text, VoiceSettings(None, "en-GB", 125, 1.0)).duration
    assert bedtime / normal == pytest.approx(160 / 125, rel=0.12)


def test_settings_apply_to_the_very_run_they_are_set_for(real_engine: Pyttsx3Engine) -> None:
    # pyttsx3 can apply rate late or cancel it when espeak's queue is busy; a
    # stale rate would also poison the cache. Alternate and compare.
    text = "Tip-toe, tip-toe, all the way home."
    slow = VoiceSettings(None, "en-GB", 100, 1.0)
    fast = VoiceSettings(None, "en-GB", 220, 1.0)
    durations = {100: [], 220: []}
    for _ in range(6):
        durations[100].append(real_engine.render(text, slow).duration)
        durations[220].append(real_engine.render(text, fast).duration)
    assert max(durations[220]) * 1.6 < min(durations[100])
    assert max(durations[100]) - min(durations[100]) < 0.1
    assert max(durations[220]) - min(durations[220]) < 0.1


def test_volume_setting_lowers_the_level(real_engine: Pyttsx3Engine) -> None:
    loud = real_engine.render(LINES[3], VoiceSettings(None, "en-GB", 160, 1.0))
    soft = real_engine.render(LINES[3], VoiceSettings(None, "en-GB", 160, 0.5))
    assert _rms_db(loud.path) - _rms_db(soft.path) == pytest.approx(6.0, abs=1.5)


def test_language_picks_a_different_voice(real_engine: Pyttsx3Engine) -> None:
    # No voice chosen: the language's voice, in the calm bedtime variant.
    assert real_engine.resolve_voice(VoiceSettings(None, "en-US", 160, 1.0)) == "gmw/en-us+aunty"
    assert real_engine.resolve_voice(VoiceSettings(None, "fr", 160, 1.0)) == "roa/fr+aunty"
    # An id the engine does not know falls back to the language.
    assert real_engine.resolve_voice(VoiceSettings("nope/xx", "de-DE", 160, 1.0)) == "gmw/de+aunty"
    # A language espeak lacks gets a definite voice, not whatever spoke last.
    assert real_engine.resolve_voice(VoiceSettings(None, "tlh", 160, 1.0)) == "gmw/en+aunty"


def test_a_chosen_variant_is_kept_and_sounds_different(real_engine: Pyttsx3Engine) -> None:
    """Issue 19 item 7: "gmw/en+f3" used to come back as plain "gmw/en"."""
    assert real_engine.resolve_voice(VoiceSettings("gmw/en+f3", "en-GB", 160, 1.0)) == "gmw/en+f3"
    assert real_engine.resolve_voice(VoiceSettings("gmw/en", "en-GB", 160, 1.0)) == "gmw/en"
    # a variant espeak does not have: the language's voice instead
    assert real_engine.resolve_voice(VoiceSettings("gmw/en+nope", "de", 160, 1.0)) == "gmw/de+aunty"
    plain = real_engine.render(LINES[3], VoiceSettings("gmw/en", "en-GB", 160, 1.0))
    female = real_engine.render(LINES[3], VoiceSettings("gmw/en+f3", "en-GB", 160, 1.0))
    assert _median_pitch(female.path) > 1.5 * _median_pitch(plain.path)


def test_a_variant_saved_in_settings_json_reaches_the_engine(real_engine: Pyttsx3Engine, tmp_path: Path) -> None:
    from touchstory.journal.settings import Settings, settings_from_json, settings_to_json
    from touchstory.speech.voices import settings_for
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(settings_to_json(Settings(voice_id="gmw/en+f1"))), encoding="utf-8")
    saved, problems = settings_from_json(json.loads(path.read_text(encoding="utf-8")))
    assert problems == []
    voice = settings_for("en-GB", saved.rate_wpm, voice_id=saved.voice_id or None)
    assert real_engine.resolve_voice(voice) == "gmw/en+f1"
    french = real_engine.render("Bonne nuit, petit élève.", VoiceSettings(None, "fr-FR", 160, 1.0))
    assert french.duration > 0.8
    assert [w.word for w in french.words] == ["Bonne", "nuit", "petit", "élève"]


def test_word_timings_follow_the_audio(real_engine: Pyttsx3Engine) -> None:
    text = LINES[5]
    line = real_engine.render(text, EN)
    words = line.words
    assert [w.word for w in words] == [t[0] for t in tokenize(text)]
    assert all(0.0 <= w.start < w.end <= line.duration for w in words)
    assert all(a.start <= b.start for a, b in itertools.pairwise(words))
    assert all(text[w.char_start:w.char_end] == w.word for w in words)
    # Each word's span holds sound: its loudest 10 ms frame is well above silence.
    samples, rate = read_mono(line.path)
    hop = rate // 100
    for w in words:
        seg = samples[int(w.start * rate):int(w.end * rate)].astype(np.float64)
        frames = seg[: len(seg) // hop * hop].reshape(-1, hop)
        peak = 20 * np.log10(np.sqrt((frames**2).mean(axis=1)).max() + 1e-12)
        assert peak > -30, f"{w.word!r} at {w.start:.2f}-{w.end:.2f} s is silent"
    # The pauses at the commas fall between words, not inside one.
    for before, after in (("long", "low"), ("trees", "and")):
        w1 = next(w for w in words if w.word == before)
        w2 = next(w for w in words if w.word == after)
        assert w2.start - w1.end > 0.05, (before, after)


def test_stdout_noise_never_reaches_the_protocol(tmp_path: Path) -> None:
    requests = "".join(
        json.dumps({"id": i, "cmd": "render", "text": f"Line number {i}.", "voice": "gmw/en",
                    "rate": 180, "volume": 1.0, "path": str(tmp_path / f"{i}.wav")}) + "\n"
        for i in range(3)
    )
    out = subprocess.run(
        [sys.executable, "-m", "touchstory.speech._worker"], input=requests, capture_output=True,
        text=True, timeout=30, check=True, cwd=Path(__file__).resolve().parents[2],
    ).stdout
    replies = [json.loads(line) for line in out.splitlines()]  # every line is JSON
    assert replies[0]["ready"] is True
    assert [r["id"] for r in replies[1:]] == [0, 1, 2]
    assert "Audio saved" not in out


def test_killed_worker_is_restarted_and_the_next_render_succeeds(tmp_path: Path) -> None:
    engine = Pyttsx3Engine(tmp_path, backoff=0.05)
    try:
        engine.render("First line.", EN)
        pid = engine.worker_pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        line = engine.render("Second line, after the crash.", EN)
        assert check_wav(line.path).duration > 0.5
        assert engine.available and engine.restarts == 1
        assert engine.worker_pid not in (None, pid)
    finally:
        engine.close()


def test_hung_worker_is_replaced(tmp_path: Path) -> None:
    engine = Pyttsx3Engine(tmp_path, backoff=0.05, render_timeout=1.0)
    try:
        engine.start()
        pid = engine.worker_pid
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)  # frozen: alive but never answers
        line = engine.render("Still here after a freeze.", EN)
        assert line.duration > 0.5
        assert engine.restarts == 1 and engine.worker_pid != pid
    finally:
        engine.close()


def test_warm_up_starts_the_worker_before_any_line(tmp_path: Path) -> None:
    engine = Pyttsx3Engine(tmp_path)
    try:
        assert engine.worker_pid is None
        engine.warm_up()
        assert engine.worker_pid is not None
        assert list(tmp_path.glob("*.wav")) == []
    finally:
        engine.close()


def test_close_stops_the_worker(tmp_path: Path) -> None:
    engine = Pyttsx3Engine(tmp_path)
    engine.start()
    pid = engine.worker_pid
    assert pid is not None
    engine.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(SpeechError):
        engine.render("After close.", EN)
