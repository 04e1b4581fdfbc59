"""A stand-in speech engine for tests and for machines without espeak (e.g. to
demo the narrated mode's timing): each word becomes a soft tone burst, so the
WAV is real, its length follows the word count and the rate, and the word
timings are known exactly."""

from __future__ import annotations

import tempfile
import threading
import time
import uuid
from pathlib import Path

import numpy as np

from touchstory.errors import SpeechError
from touchstory.speech.engine import RenderedLine, Voice, VoiceSettings, WordTiming
from touchstory.speech.tokens import PAUSE_AFTER, tokenize, word_weight
from touchstory.speech.wavfile import write_wav_atomic

SAMPLE_RATE = 22050
WORD_GAP = 0.06  # between words, inside the per-word time budget
PUNCT_PAUSE = 0.25  # after , . ; : ! ?
END_SILENCE = 0.15

FAKE_VOICES = [
    Voice("fake/en", "Fake English", ("en-gb",)),
    Voice("fake/en-us", "Fake English (America)", ("en-us",)),
    Voice("fake/fr", "Fake French", ("fr-fr",)),
]


def expected_duration(text: str, rate_wpm: int) -> float:
    """How long FakeSpeechEngine's clip for `text` is: words at `rate_wpm`,
    plus pauses at punctuation and a short silence at the end."""
    tokens = tokenize(text)
    pauses = sum(bool(PAUSE_AFTER.match(text[end:])) for _, _, end in tokens[:-1])
    return len(tokens) * 60.0 / rate_wpm + pauses * PUNCT_PAUSE + END_SILENCE


class FakeSpeechEngine:
    """`SpeechEngine` that needs no synthesiser.

    `delay` seconds are spent per render (to model synthesis time); texts in
    `fail_texts` raise SpeechError; while `gate` is cleared, renders block (to
    test cancellation). `rendered` lists texts in render order."""

    def __init__(
        self,
        out_dir: Path | None = None,
        *,
        delay: float = 0.0,
        fail_texts: set[str] | None = None,
        gate: threading.Event | None = None,
        engine_id: str = "fake-1",
    ) -> None:
        self._out_dir = out_dir or Path(tempfile.mkdtemp(prefix="touchstory-fake-speech-"))
        self._out_dir.mkdir(parents=True, exist_ok=True)
        self.delay = delay
        self.fail_texts = set(fail_texts or ())
        self.gate = gate
        self._engine_id = engine_id
        self._lock = threading.Lock()
        self.rendered: list[str] = []
        self.closed = False
        self.warmed_up = False

    @property
    def available(self) -> bool:
        return not self.closed

    @property
    def problem(self) -> str | None:
        return None

    @property
    def engine_id(self) -> str:
        return self._engine_id

    def voices(self) -> list[Voice]:
        return list(FAKE_VOICES)

    def warm_up(self) -> None:
        self.warmed_up = True

    def render(self, text: str, voice: VoiceSettings) -> RenderedLine:
        if self.gate is not None:
            self.gate.wait()
        if self.delay:
            time.sleep(self.delay)
        with self._lock:
            self.rendered.append(text)
        if text in self.fail_texts:
            raise SpeechError(f"the fake engine was told to fail on {text!r}")
        tokens = tokenize(text)
        if not tokens:
            raise SpeechError("there is nothing to say in an empty line")
        per_word = 60.0 / voice.rate_wpm
        weights = [word_weight(w) for w, _, _ in tokens]
        mean_weight = sum(weights) / len(weights)
        pieces: list[np.ndarray] = []
        words: list[WordTiming] = []
        t = 0.0
        for k, ((word, a, b), weight) in enumerate(zip(tokens, weights)):
            # Long words take longer, but the line's total follows the rate.
            budget = per_word * weight / mean_weight
            sound = max(0.03, budget - WORD_GAP)
            pieces += [_tone(sound, voice.volume), np.zeros(int(WORD_GAP * SAMPLE_RATE))]
            words.append(WordTiming(word, t, t + sound, a, b))
            t += int(sound * SAMPLE_RATE) / SAMPLE_RATE + int(WORD_GAP * SAMPLE_RATE) / SAMPLE_RATE
            if k < len(tokens) - 1 and PAUSE_AFTER.match(text[b:]):
                pieces.append(np.zeros(int(PUNCT_PAUSE * SAMPLE_RATE)))
                t += int(PUNCT_PAUSE * SAMPLE_RATE) / SAMPLE_RATE
        pieces.append(np.zeros(int(END_SILENCE * SAMPLE_RATE)))
        pcm = (np.concatenate(pieces) * 32767).astype("<i2").tobytes()
        path = self._out_dir / f"fake-{uuid.uuid4().hex}.wav"
        write_wav_atomic(path, pcm, SAMPLE_RATE)
        duration = len(pcm) / 2 / SAMPLE_RATE
        return RenderedLine(text, path, duration, tuple(words))

    def close(self) -> None:
        self.closed = True


def _tone(seconds: float, volume: float) -> np.ndarray:
    """A soft 220 Hz hum with 15 ms fades, so nothing clicks."""
    n = int(seconds * SAMPLE_RATE)
    t = np.arange(n) / SAMPLE_RATE
    tone = 0.2 * volume * np.sin(2 * np.pi * 220.0 * t)
    fade = min(n // 2, int(0.015 * SAMPLE_RATE))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade)
        tone[:fade] *= ramp
        tone[n - fade :] *= ramp[::-1]
    return tone
