"""Machines without a voice engine, and an engine that keeps failing: the app
must say plainly what is wrong and how to fix it, and never hang."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.speech.conftest import EN
from touchstory.errors import SpeechError
from touchstory.speech.engine import (
    NullSpeechEngine,
    SpeechEngine,
    espeak_library_present,
)
from touchstory.speech.factory import default_engine
from touchstory.speech.fake import FakeSpeechEngine
from touchstory.speech.pyttsx3_engine import Pyttsx3Engine


def test_no_espeak_gives_a_null_engine_with_the_install_hint() -> None:
    engine = default_engine(espeak_present=False)
    assert isinstance(engine, NullSpeechEngine)
    assert not engine.available
    assert engine.problem is not None
    assert "sudo apt-get install libespeak-ng1" in engine.problem
    assert "story still plays" in engine.problem
    assert engine.voices() == []
    with pytest.raises(SpeechError, match="libespeak-ng1"):
        engine.render("Hello.", EN)
    engine.close()


@pytest.mark.skipif(not espeak_library_present(), reason="libespeak-ng is not installed")
def test_espeak_present_gives_the_pyttsx3_engine() -> None:
    engine = default_engine()
    try:
        assert isinstance(engine, Pyttsx3Engine)
        assert engine.available and engine.problem is None
    finally:
        engine.close()


def test_every_engine_satisfies_the_protocol(tmp_path: Path) -> None:
    engines = [NullSpeechEngine(), FakeSpeechEngine(tmp_path), Pyttsx3Engine(tmp_path / "p")]
    for engine in engines:
        assert isinstance(engine, SpeechEngine)
        engine.close()


def test_a_worker_that_never_starts_turns_narration_off_plainly(tmp_path: Path) -> None:
    slept: list[float] = []
    engine = Pyttsx3Engine(
        tmp_path, command=[sys.executable, "-c", "import sys; sys.exit(3)"],
        max_failures=3, backoff=0.1, sleep=slept.append,
    )
    with pytest.raises(SpeechError) as caught:
        engine.render("Hello.", EN)
    assert not engine.available
    assert engine.problem is not None
    assert "Narration has been turned off" in engine.problem
    assert "story goes on" in engine.problem
    assert str(caught.value) == engine.problem
    assert slept == [0.1, 0.2]  # back-off doubles between attempts
    # Once off, it stays off without trying again (no repeated stalls).
    with pytest.raises(SpeechError):
        engine.render("Hello again.", EN)
    assert slept == [0.1, 0.2]
    engine.warm_up()  # never raises, even now
    engine.reset()  # "try again": three fresh attempts
    assert engine.available
    with pytest.raises(SpeechError):
        engine.render("Hello again.", EN)
    assert slept == [0.1, 0.2, 0.1, 0.2]
    engine.close()


def test_a_worker_that_reports_an_init_error_is_explained(tmp_path: Path) -> None:
    script = "import json,sys; print(json.dumps({'ready': False, 'error': 'could not initialize espeak'}))"
    engine = Pyttsx3Engine(tmp_path, command=[sys.executable, "-c", script], max_failures=2,
                           sleep=lambda s: None)
    with pytest.raises(SpeechError):
        engine.voices()
    assert engine.problem is not None and "Narration has been turned off" in engine.problem
    assert engine.last_error == "could not initialize espeak"
    engine.close()


FLAKY_WORKER = r"""
import json, sys, wave
from pathlib import Path
counter = Path(sys.argv[1])
n = int(counter.read_text()) + 1 if counter.exists() else 1
counter.write_text(str(n))
print(json.dumps({"ready": True, "engine": "scripted"}), flush=True)
for raw in sys.stdin:
    req = json.loads(raw)
    if req["cmd"] == "voices":
        reply = {"ok": True, "voices": [{"id": "x/en", "name": "X", "languages": ["en-gb"]}]}
    elif n == 1:
        reply = {"ok": False, "fatal": True, "error": "the voice engine did not finish the line"}
    else:
        with wave.open(req["path"], "wb") as w:
            w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
            w.writeframes(b"\x10\x00" * 22050)
        reply = {"ok": True, "duration": 1.0, "marks": [[1, 5, 0]]}
    print(json.dumps({"id": req["id"], **reply}), flush=True)
"""


def test_a_stuck_synthesiser_gets_a_fresh_worker(tmp_path: Path) -> None:
    engine = Pyttsx3Engine(tmp_path / "out", command=[sys.executable, "-c", FLAKY_WORKER,
                                                      str(tmp_path / "starts")], sleep=lambda s: None)
    line = engine.render("Hello.", EN)
    assert line.duration == 1.0 and [w.word for w in line.words] == ["Hello"]
    assert (tmp_path / "starts").read_text() == "2"
    assert engine.restarts == 1 and engine.available
    engine.close()
