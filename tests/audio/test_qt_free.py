"""The audio core stays Qt-free: importing every module of touchstory.audio in a
fresh interpreter loads neither PySide6 nor touchstory.ui."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import touchstory.audio


def test_audio_package_never_imports_qt() -> None:
    names = [f"touchstory.audio.{m.name}" for m in pkgutil.iter_modules(touchstory.audio.__path__)]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'touchstory.ui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "", f"Qt imported by the audio core: {result.stdout}"
    assert len(names) >= 10
