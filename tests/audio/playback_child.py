"""Child process for the real-playback test: plays a mixer through QtAudioSink
for a few seconds, then exits. Run by test_playback.py with a timeout, because
a wedged audio stack must never hang the test run.

usage: python playback_child.py SECONDS [busy]
("busy" keeps the GUI thread busy in Python 300 ms of every second, as a slow
page layout would, to show the sound does not depend on the GUI thread.)
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

from PySide6.QtCore import QCoreApplication, QTimer

from touchstory.audio.mixer import Layer, Mixer
from touchstory.audio.sound import RATE, Sound
from touchstory.ui.sound.audio_sink import QtAudioSink

TONE_HZ = 441.0


def tone_loop() -> Sound:
    """A 1 s loop of a 441 Hz sine (441 whole cycles): any gap or skip at the loop
    point, or an underrun, shows as a click a sine-cancelling filter exposes."""
    t = np.arange(RATE) / RATE
    x = 0.25 * np.sin(2 * np.pi * TONE_HZ * t)
    return Sound(np.stack([x, x], axis=1).astype(np.float32))


def _hog_gui_thread() -> None:
    end = time.perf_counter() + 0.3
    total = 0
    while time.perf_counter() < end:
        total += sum(range(1000))


def main() -> int:
    seconds = float(sys.argv[1])
    app = QCoreApplication([])
    mixer = Mixer()
    mixer.set_soundscape(Layer.SOUNDSCAPE_1, tone_loop(), fade=0.5)
    sink = QtAudioSink()
    problems: list[str] = []
    sink.problem_changed.connect(problems.append)
    sink.start(mixer)
    started = time.monotonic()
    if "busy" in sys.argv[2:]:
        busy = QTimer()
        busy.timeout.connect(_hog_gui_thread)
        busy.start(1000)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    sink.stop()
    print(f"available={sink.available} problem={sink.problem!r} mixed={mixer.time():.2f} "
          f"wall={time.monotonic() - started:.2f}", flush=True)
    return 0 if sink.available else 3


if __name__ == "__main__":
    sys.exit(main())
