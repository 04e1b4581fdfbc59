"""Fixtures for narration tests: the real espeak engine (one worker for the
whole session, it is the slow part) and the fake one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from touchstory.speech.engine import VoiceSettings, espeak_library_present
from touchstory.speech.fake import FakeSpeechEngine
from touchstory.speech.pyttsx3_engine import Pyttsx3Engine

needs_espeak = pytest.mark.skipif(
    not espeak_library_present(), reason="libespeak-ng is not installed"
)

EN = VoiceSettings(None, "en-GB", 160, 1.0)


@pytest.fixture(scope="session")
def real_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pyttsx3Engine]:
    if not espeak_library_present():
        pytest.skip("libespeak-ng is not installed")
    engine = Pyttsx3Engine(tmp_path_factory.mktemp("speech-real"))
    yield engine
    engine.close()


@pytest.fixture
def fake_engine(tmp_path: Path) -> FakeSpeechEngine:
    return FakeSpeechEngine(tmp_path / "fake")
