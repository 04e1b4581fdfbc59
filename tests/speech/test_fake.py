"""The fake engine writes real, soft WAVs whose length follows the words and
the rate, so timing logic can be tested without espeak."""

from __future__ import annotations

import numpy as np
import pytest

from touchstory.speech.engine import VoiceSettings
from touchstory.speech.fake import FakeSpeechEngine, expected_duration
from touchstory.speech.wavfile import check_wav
from touchstory.speech.words import read_mono

TEXT = "The owl blinks once, twice, and goes to sleep."


@pytest.mark.parametrize("rate", [100, 125, 160, 220])
def test_duration_follows_words_and_rate(fake_engine: FakeSpeechEngine, rate: int) -> None:
    line = fake_engine.render(TEXT, VoiceSettings(None, "en-GB", rate, 1.0))
    assert check_wav(line.path).duration == pytest.approx(line.duration)
    assert line.duration == pytest.approx(expected_duration(TEXT, rate), abs=0.02)


def test_audio_is_soft_and_words_sit_on_the_tones(fake_engine: FakeSpeechEngine) -> None:
    line = fake_engine.render(TEXT, VoiceSettings(None, "en-GB", 160, 0.5))
    samples, rate = read_mono(line.path)
    peak_db = 20 * np.log10(np.abs(samples).max())
    assert -25 < peak_db < -15  # a quiet hum, never loud
    for w in line.words:
        mid = samples[int((w.start + w.end) / 2 * rate)]
        window = samples[int(w.start * rate) + 400:int(w.end * rate) - 400]
        assert np.abs(window).max() > 0.05, w.word
        assert abs(mid) <= 0.11
    assert [w.word for w in line.words][-1] == "sleep"
