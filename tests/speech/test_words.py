"""Word timing for highlighting: words in order, inside the clip, where the
sound is; `word_at` picks the word to light up at a playback time."""

from __future__ import annotations

import itertools
import statistics
import subprocess
import sys

import numpy as np
import pytest

from tests.speech.conftest import EN, needs_espeak
from touchstory.speech.engine import VoiceSettings, WordTiming
from touchstory.speech.fake import FakeSpeechEngine
from touchstory.speech.pyttsx3_engine import Pyttsx3Engine
from touchstory.speech.words import (
    estimate_word_timings,
    read_mono,
    speaking_time,
    timings_from_marks,
    tokenize,
    voiced_segments,
    word_at,
    word_weight,
)


def test_tokenize_keeps_hyphens_and_apostrophes() -> None:
    text = "Tip-toe, don't wake the bear… 3 stars!"
    assert tokenize(text) == [
        ("Tip-toe", 0, 7), ("don't", 9, 14), ("wake", 15, 19), ("the", 20, 23),
        ("bear", 24, 28), ("3", 30, 31), ("stars", 32, 37),
    ]
    assert tokenize("  ,. ") == []


def test_word_at_holds_through_pauses() -> None:
    words = (WordTiming("a", 0.1, 0.4, 0, 1), WordTiming("b", 0.8, 1.2, 2, 3))
    assert word_at(words, 0.0) is None
    assert word_at(words, 0.1) == 0
    assert word_at(words, 0.6) == 0  # the pause keeps the last word lit
    assert word_at(words, 0.8) == 1
    assert word_at(words, 1.2) is None
    assert word_at((), 0.5) is None


def test_word_weight_counts_syllables() -> None:
    assert word_weight("one") < word_weight("little") < word_weight("butterfly")
    assert word_weight("time") == pytest.approx(4 + 0.4 + 0.5)  # silent e
    assert word_weight("a") < word_weight("the") < word_weight("snowflakes")


def test_speaking_time_grows_with_words_and_slower_rate() -> None:
    short, long = "Hush now.", "Hush now, the stars are out and the sea is still."
    assert speaking_time(long) > speaking_time(short)
    assert speaking_time(long, 125) == pytest.approx(
        0.45 + (speaking_time(long, 160) - 0.45) * 160 / 125
    )
    assert speaking_time("") == 0.0


def test_estimate_on_fake_audio_matches_the_known_timing(fake_engine: FakeSpeechEngine) -> None:
    text = "The snail slides slowly, leaving a silver trail. Goodnight, snail."
    line = fake_engine.render(text, EN)
    samples, rate = read_mono(line.path)
    estimate = estimate_word_timings(text, samples, rate)
    assert [w.word for w in estimate] == [w.word for w in line.words]
    errors = [abs(a.start - b.start) for a, b in zip(estimate, line.words)]
    assert max(errors) < 0.12


def test_silence_gives_evenly_spread_words() -> None:
    samples = np.zeros(22050 * 2, dtype=np.float32)
    words = estimate_word_timings("one two three four", samples, 22050)
    assert voiced_segments(samples, 22050) == []
    assert words[0].start == 0.0 and words[-1].end == pytest.approx(2.0)
    assert all(a.end == pytest.approx(b.start) for a, b in itertools.pairwise(words))
    assert words[2].end - words[2].start > words[0].end - words[0].start  # "three" > "one"


def test_marks_missing_fall_back_to_the_envelope(fake_engine: FakeSpeechEngine) -> None:
    text = "Little bear yawns."
    line = fake_engine.render(text, EN)
    samples, rate = read_mono(line.path)
    assert timings_from_marks(text, [], samples, rate) == estimate_word_timings(text, samples, rate)
    # Marks for some words: the rest are filled in, in order.
    marks = [[1, 6, 0], [15, 5, int(line.words[2].start * 1000)]]
    words = timings_from_marks(text, marks, samples, rate)
    assert [w.word for w in words] == ["Little", "bear", "yawns"]
    assert words[0].start < words[1].start < words[2].start


@needs_espeak
@pytest.mark.slow
def test_envelope_estimate_agrees_with_espeak_word_positions(real_engine: Pyttsx3Engine) -> None:
    # RenderedLine.words come from espeak's own audio offsets; the estimate
    # from the envelope alone (used when those are missing) should be close.
    texts = [
        "The little boat rocks gently, up and down, up and down.",
        "Five fat peas in a pea pod pressed, one grew, two grew, and so did all the rest.",
        "Snowflakes fall so quietly, covering the garden in a soft white blanket.",
        "Goodnight, moon. Goodnight, stars. Goodnight, little one.",
    ]
    errors: list[float] = []
    for rate in (125, 160):
        for text in texts:
            line = real_engine.render(text, VoiceSettings(None, "en-GB", rate, 1.0))
            samples, sr = read_mono(line.path)
            estimate = estimate_word_timings(text, samples, sr)
            assert [w.word for w in estimate] == [w.word for w in line.words]
            assert all(0 <= w.start < w.end <= line.duration + 1e-6 for w in estimate)
            errors += [abs(a.start - b.start) for a, b in zip(estimate, line.words)]
    errors.sort()
    assert statistics.median(errors) < 0.08
    assert errors[int(0.9 * len(errors))] < 0.22


def test_tokens_module_stays_light() -> None:
    # The player imports it at start-up to highlight words: no numpy there.
    code = "import sys, touchstory.speech.tokens; sys.exit('numpy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
