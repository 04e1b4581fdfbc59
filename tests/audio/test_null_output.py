"""NullOutput keeps the mixer moving when there is no sound card, and the
AudioOutput protocol is what the app programs against."""

from __future__ import annotations

import time

import numpy as np
import pytest
from audio_helpers import voice_sound

from touchstory.audio.mixer import Mixer
from touchstory.audio.output import AudioOutput, NullOutput


def test_null_output_is_an_audio_output() -> None:
    output = NullOutput(problem="No sound card.")
    assert isinstance(output, AudioOutput)
    assert not output.available and output.problem == "No sound card."


def test_pump_pulls_device_sized_blocks() -> None:
    mixer = Mixer()
    output = NullOutput()
    output.start(mixer)
    out = output.pump(0.5)
    assert out.shape == (22050, 2) and np.all(out == 0)
    assert mixer.time() == pytest.approx(0.5)
    output.stop()
    with pytest.raises(RuntimeError):
        output.pump(0.1)


def test_realtime_null_output_lets_narration_finish_on_time() -> None:
    mixer = Mixer()
    finished: list[float] = []
    output = NullOutput(realtime=True)
    started = time.monotonic()
    mixer.play_voice(voice_sound(0.4), on_finished=lambda: finished.append(time.monotonic() - started))
    output.start(mixer)
    try:
        deadline = time.monotonic() + 5.0
        while not finished and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        output.stop()
    assert finished and 0.35 < finished[0] < 1.5
    assert not output.running
