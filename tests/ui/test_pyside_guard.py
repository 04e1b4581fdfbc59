"""Guard against the PySide6 6.12.0 + Python 3.11 crash (PLATFORM.md): every call of
a Qt method that returns nothing dropped a reference to None, and after a few
thousand calls the interpreter aborted. Run in a subprocess so a crash is a clear
failure, not a dead test run."""

from __future__ import annotations

import subprocess
import sys

CODE = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
timer = QTimer()
before = sys.getrefcount(None)
for i in range(20000):
    label.setText("x")          # returns None
    timer.setInterval(i % 50)  # returns None
    label.setObjectName("y")
after = sys.getrefcount(None)
print(before - after)
"""


def test_qt_calls_do_not_leak_references_to_none():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"Qt calls crashed the interpreter (exit {result.returncode}):\n{result.stderr}"
    lost = int(result.stdout.strip().splitlines()[-1])
    assert lost < 1000, f"{lost} references to None were lost across 60,000 Qt calls: wrong PySide6 version?"


def test_pinned_pyside_version():
    import PySide6

    major, minor, *_ = (int(p) for p in PySide6.__version__.split(".")[:3])
    if sys.version_info < (3, 12):
        assert (major, minor) != (6, 12), "PySide6 6.12.0 crashes on Python 3.11; keep the 6.11.3 pin"
