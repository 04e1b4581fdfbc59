"""Picks the speech engine for this machine: pyttsx3 (espeak-ng) when its
library is installed, otherwise the null engine with an install hint."""

from __future__ import annotations

import importlib.util

from touchstory.speech.engine import (
    NullSpeechEngine,
    SpeechEngine,
    espeak_library_present,
)
from touchstory.speech.pyttsx3_engine import Pyttsx3Engine

MISSING_PYTTSX3 = (
    "Narration is not available: the Python package pyttsx3 is missing. "
    "Reinstall touchstory (pip install touchstory) to get it."
)


def default_engine(*, espeak_present: bool | None = None) -> SpeechEngine:
    """The pyttsx3 engine if libespeak-ng is installed, else a NullSpeechEngine
    whose `problem` says how to install it. The worker process starts lazily
    (first render or voices()); call `Pyttsx3Engine.start()` to warm it up."""
    present = espeak_library_present() if espeak_present is None else espeak_present
    if not present:
        return NullSpeechEngine()
    if importlib.util.find_spec("pyttsx3") is None:
        return NullSpeechEngine(MISSING_PYTTSX3)
    return Pyttsx3Engine()
