"""House rules that keep the code easy to change (see shared/DESIGN.md)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "touchstory"
CORE = ("story", "pacing", "speech", "audio", "journal")
# Which internal packages each core package may import (dependencies point one way).
ALLOWED = {
    "story": {"story", "errors", "resources"},
    "pacing": {"story", "pacing", "errors", "files"},
    "journal": {"story", "pacing", "journal", "errors", "paths", "files"},
    "speech": {"speech", "errors", "paths"},
    "audio": {"audio", "errors", "paths"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_qt_or_the_ui():
    offenders = []
    for package in CORE:
        for path in (PACKAGE / package).rglob("*.py"):
            for name in _imports(path):
                if name.split(".")[0] == "PySide6" or name.startswith("touchstory.ui") or name == "touchstory.app":
                    offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_dependencies_point_one_way():
    offenders = []
    for package, allowed in ALLOWED.items():
        for path in (PACKAGE / package).rglob("*.py"):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] == "touchstory" and len(parts) > 1 and parts[1] not in allowed:
                    offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_checking_a_story_does_not_load_qt():
    import subprocess

    code = ("import sys, touchstory.cli, touchstory.story.library, touchstory.pacing.session;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "False"
