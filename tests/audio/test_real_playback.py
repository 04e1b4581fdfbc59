"""Real playback through Qt Multimedia into a PulseAudio null sink, recorded
with parecord: the sound must reach the output, and a looping tone must come
out without a single click, gap or skip (also while the GUI thread is busy).
Playback runs in a child process with a timeout (PLATFORM.md).

CI sources .ci/pulse-null-sink.sh first; locally, run `. .ci/pulse-null-sink.sh`
or these tests skip, saying why.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from touchstory.audio.sound import read_wav

pytestmark = pytest.mark.slow
CHILD = Path(__file__).with_name("playback_child.py")
TONE_HZ = 441.0


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=10, check=False)


def _null_sink() -> str:
    """Name of the null sink that is the default output, or skip with the reason."""
    for tool in ("pulseaudio", "pactl", "parecord"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed, so real playback can't be recorded")
    if _run("pactl", "info").returncode != 0:
        pytest.skip("PulseAudio is not running; `. .ci/pulse-null-sink.sh` starts it with a null sink")
    sink = os.environ.get("TOUCHSTORY_NULL_SINK", "test_null")
    sinks = [line.split("\t")[1] for line in _run("pactl", "list", "short", "sinks").stdout.splitlines()
             if "\t" in line]
    if sink not in sinks:
        pytest.skip(f"no PulseAudio sink '{sink}'; `. .ci/pulse-null-sink.sh` creates it")
    default = re.search(r"Default Sink: (\S+)", _run("pactl", "info").stdout)
    if not default or default.group(1) != sink:
        pytest.skip(f"the default sink is not '{sink}', so playback would go elsewhere")
    return sink


def _child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join([root, env.get("PYTHONPATH", "")])
    return env


def _record_playback(tmp_path: Path, seconds: float, *flags: str) -> tuple[np.ndarray, str]:
    sink = _null_sink()
    wav = tmp_path / "recorded.wav"
    recorder = subprocess.Popen(["parecord", "-d", f"{sink}.monitor", "--file-format=wav", str(wav)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        time.sleep(0.3)
        child = subprocess.run([sys.executable, str(CHILD), str(seconds), *flags], env=_child_env(),
                               capture_output=True, text=True, timeout=60, check=False)
        time.sleep(0.3)
    finally:
        recorder.send_signal(signal.SIGINT)
        try:
            recorder.wait(timeout=5)
        except subprocess.TimeoutExpired:
            recorder.kill()
            recorder.wait()
    assert child.returncode == 0, child.stdout + child.stderr
    return read_wav(wav).samples, child.stdout


@pytest.mark.parametrize("flags", [(), ("busy",)], ids=["idle-gui", "busy-gui"])
def test_sound_reaches_the_output_and_loops_seamlessly(tmp_path: Path, flags: tuple[str, ...]) -> None:
    recorded, report = _record_playback(tmp_path, 4.0, *flags)
    assert "available=True" in report
    left = recorded[:, 0].astype(np.float64)
    sounding = np.nonzero(np.abs(left) > 1e-3)[0]
    assert sounding.size, "nothing reached the null sink"
    start, end = sounding[0], sounding[-1]
    assert (end - start) / 44100 > 2.0, "at least two trips round the 1 s loop"
    steady = left[start + 44100: end - 100]  # after the 0.5 s fade-in
    rms_db = 20 * np.log10(np.sqrt(np.mean(steady**2)))
    assert rms_db == pytest.approx(20 * np.log10(0.25 / np.sqrt(2)), abs=0.5), "arrives at the level mixed"
    # x[n] - 2cos(w)x[n-1] + x[n-2] is exactly zero for a sine of frequency w:
    # what is left is quantisation (~1e-4) or a click where samples were lost.
    w = 2 * np.pi * TONE_HZ / 44100
    residual = steady[2:] - 2 * np.cos(w) * steady[1:-1] + steady[:-2]
    assert np.max(np.abs(residual)) < 1e-3, "a click, gap or skip in the played sound"


def test_the_click_detector_would_see_a_single_lost_sample() -> None:
    t = np.arange(44100) / 44100
    x = 0.25 * np.sin(2 * np.pi * TONE_HZ * t)
    x = np.round(np.delete(x, 20000) * 32767) / 32767
    w = 2 * np.pi * TONE_HZ / 44100
    residual = x[2:] - 2 * np.cos(w) * x[1:-1] + x[:-2]
    assert np.max(np.abs(residual)) > 5e-3


def test_without_a_sound_server_it_plays_silently_and_says_so() -> None:
    child = subprocess.run([sys.executable, str(CHILD), "1.5"], capture_output=True, text=True, timeout=60,
                           check=False, env=_child_env(PULSE_SERVER="unix:/nonexistent/pulse"))
    assert child.returncode == 3, child.stdout + child.stderr
    assert "available=False" in child.stdout and "No sound output was found" in child.stdout
    mixed = float(re.search(r"mixed=([\d.]+)", child.stdout).group(1))
    assert mixed > 1.0, "the mixer kept time, so narration and fades still finish"
