"""Finding a story by name in the story folders (the user's, the bundled ones),
as a session plan names its stories: by folder name, so a plan works on another
computer, or by full path."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from touchstory.story.library import STORY_SUFFIX


def _story_in(folder: Path) -> Path | None:
    own = folder / f"{folder.name}{STORY_SUFFIX}"
    if os.path.isfile(own):
        return own
    found = sorted(folder.glob(f"*{STORY_SUFFIX}"))
    return found[0] if len(found) == 1 else None


def find_story(name: str, roots: Sequence[Path]) -> Path | None:
    """A story by its folder name (or file name) in the first root that has it."""
    stem = name.removesuffix(STORY_SUFFIX)
    for root in roots:
        # os.path's tests never raise: a name over 255 characters (ENAMETOOLONG)
        # is simply not found, and the plan says so, rather than a traceback
        folder = root / stem
        if os.path.isdir(folder) and (found := _story_in(folder)):
            return found
        if os.path.isfile(root / f"{stem}{STORY_SUFFIX}"):
            return root / f"{stem}{STORY_SUFFIX}"
    return None


def story_names(roots: Sequence[Path]) -> list[str]:
    names: dict[str, None] = {}
    for root in roots:
        if root.is_dir():
            for entry in sorted(root.iterdir()):
                if entry.is_dir() and _story_in(entry):
                    names.setdefault(entry.name, None)
                elif entry.suffix == STORY_SUFFIX:
                    names.setdefault(entry.stem, None)
    return list(names)


def story_source(path: Path, roots: Sequence[Path]) -> str:
    """How a plan names this story: its folder name when a root finds it by that
    name (so the plan works on another computer), else its full path."""
    for candidate in (path.parent.name, path.stem):
        if find_story(candidate, roots) == path:
            return candidate
    return str(path)


__all__ = ["STORY_SUFFIX", "find_story", "story_names", "story_source"]
