"""An engine's own temporary folder never outlives it (issue 19 item 10): the
test suite and the app used to leave empty touchstory-speech-* folders in /tmp."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from touchstory.speech.pyttsx3_engine import Pyttsx3Engine


def test_an_engine_dropped_without_close_removes_its_folder() -> None:
    engine = Pyttsx3Engine()
    folder = engine._out_dir
    assert folder.is_dir()
    del engine
    gc.collect()
    assert not folder.exists()


def test_close_removes_the_folder_and_a_later_finalizer_is_harmless() -> None:
    engine = Pyttsx3Engine()
    folder = engine._out_dir
    engine.close()
    assert not folder.exists()
    engine.close()  # twice is fine
    assert not folder.exists()


def test_a_folder_given_by_the_caller_is_kept(tmp_path: Path) -> None:
    engine = Pyttsx3Engine(tmp_path / "mine")
    engine.close()
    del engine
    gc.collect()
    assert (tmp_path / "mine").is_dir()


def test_a_program_that_exits_without_closing_leaves_nothing_behind(tmp_path: Path) -> None:
    script = ("import sys, tempfile; tempfile.tempdir = sys.argv[1]\n"
              "from touchstory.speech.pyttsx3_engine import Pyttsx3Engine\n"
              "engine = Pyttsx3Engine()\n"
              "print(engine._out_dir)\n")
    root = Path(__file__).resolve().parents[2]  # this checkout's touchstory, not an installed one
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True,
                         text=True, check=True, timeout=60, env=env)
    assert Path(out.stdout.strip()).parent == tmp_path
    assert list(tmp_path.glob("touchstory-speech-*")) == []
