"""The static checks run with the tests: ruff (its rules are in pyproject.toml,
[tool.ruff.lint]), plain mypy on the whole package, and mypy --strict on every
Qt-free module (everything outside touchstory/ui and app.py, found in the tree).
A failure prints the tool's own report: file, line, column and what is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "touchstory"


def qt_free_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                  if p.relative_to(PACKAGE).parts[0] not in ("ui", "app.py"))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--no-cache", "touchstory", "tests")
    assert done.returncode == 0, f"ruff check touchstory tests:\n{done.stdout}{done.stderr}"


@pytest.mark.slow
def test_mypy_finds_nothing_in_the_package():
    done = _run("mypy", "--no-incremental", f"--cache-dir={os.devnull}", "touchstory")
    assert done.returncode == 0, f"mypy touchstory:\n{done.stdout}{done.stderr}"


@pytest.mark.slow
def test_mypy_strict_finds_nothing_in_the_qt_free_modules():
    files = qt_free_files()
    assert "touchstory/story/parser.py" in files and "touchstory/export/session.py" in files
    assert not any(f.startswith("touchstory/ui/") or f == "touchstory/app.py" for f in files)
    # --follow-imports=silent: the shell that cli/main.py opens lazily is checked by the plain run
    done = _run("mypy", "--no-incremental", f"--cache-dir={os.devnull}", "--strict", "--follow-imports=silent", *files)
    assert done.returncode == 0, f"mypy --strict (Qt-free modules):\n{done.stdout}{done.stderr}"
