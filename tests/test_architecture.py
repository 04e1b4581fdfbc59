"""House rules that keep the code easy to change (see shared/DESIGN.md).

Every module outside the Qt shell (touchstory/ui and touchstory/app.py) is
Qt-free; the list is read from the tree, so a new module is covered the day it
is written. The one module that may reach the shell is the command line's
dispatcher, and only inside a function, once a window is wanted."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "touchstory"
SHELL = ("ui", "app")  # the Qt shell: touchstory/ui/** and touchstory/app.py
# The command line opens a window by importing the shell lazily, in the function
# that needs it, so `touchstory check` never loads Qt.
LAZY_SHELL_IMPORTS = {"cli/main.py": {"touchstory.app", "touchstory.ui.cards.command"}}  # print: Qt's PDF writer
# Which internal packages and modules each one outside the shell may import
# (dependencies point one way). Every top-level name must be listed.
ALLOWED = {
    "story": {"story", "errors", "resources", "files"},  # files: the safe read (issue 18)
    "pacing": {"story", "pacing", "errors", "files", "paths", "resources"},
    "journal": {"story", "pacing", "journal", "errors", "paths", "files"},
    "speech": {"speech", "errors", "paths"},
    "audio": {"audio", "errors", "paths"},
    "export": {"export", "story", "pacing", "speech", "audio", "journal", "errors", "paths"},
    "cli": {"cli", "story", "pacing", "speech", "audio", "journal", "export", "errors", "paths", "resources",
            "files"},
    "errors": set(),
    "files": {"errors"},
    "paths": set(),
    "resources": set(),
    "__init__": set(),
    "__main__": {"cli"},
}


def _top(path: Path) -> str:
    """The top-level package or module a file belongs to ("story", "paths", ...)."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def qt_free_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if _top(p) not in SHELL)


def _imports(path: Path, *, module_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else ast.walk(tree)
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _is_shell(name: str) -> bool:
    return name.split(".")[0] in ("PySide6", "shiboken6") or name.startswith("touchstory.ui") \
        or name == "touchstory.app"


def test_the_list_of_qt_free_modules_is_read_from_the_tree():
    found = {p.relative_to(PACKAGE).as_posix() for p in qt_free_modules()}
    # a few from each room, so an empty or wrong glob cannot pass quietly
    for expected in ("story/parser.py", "pacing/session.py", "journal/store.py", "speech/engine.py",
                     "audio/mixer.py", "export/session.py", "cli/main.py", "cli/commands.py", "paths.py"):
        assert expected in found
    assert not any(name.startswith("ui/") or name == "app.py" for name in found)


def test_every_module_outside_the_shell_never_imports_qt_or_the_ui():
    offenders = []
    for path in qt_free_modules():
        relative = path.relative_to(PACKAGE).as_posix()
        lazy = LAZY_SHELL_IMPORTS.get(relative, set())
        everywhere = _imports(path)
        at_top = _imports(path, module_level_only=True)
        for name in sorted(everywhere):
            if _is_shell(name) and (name not in lazy or name in at_top):
                offenders.append(f"touchstory/{relative} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_every_top_level_package_has_its_allowed_imports_stated():
    tops = {_top(p) for p in qt_free_modules()}
    missing = sorted(tops - ALLOWED.keys())
    assert not missing, f"say which packages these may import (ALLOWED in {Path(__file__).name}): {missing}"


def test_dependencies_point_one_way():
    offenders = []
    for path in qt_free_modules():
        top = _top(path)
        allowed = ALLOWED.get(top, set()) | {top}
        lazy = LAZY_SHELL_IMPORTS.get(path.relative_to(PACKAGE).as_posix(), set())
        for name in sorted(_imports(path)):
            parts = name.split(".")
            if parts[0] == "touchstory" and len(parts) > 1 and parts[1] not in allowed and name not in lazy:
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_checking_a_story_does_not_load_qt():
    import subprocess

    code = ("import sys, touchstory.cli.main, touchstory.cli.commands, touchstory.story.library, "
            "touchstory.pacing.session, touchstory.pacing.group_loading, touchstory.export.session, "
            "touchstory.export.files, touchstory.journal.story_keys;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "False"
