"""How the journal names a story, and the way back from a name to a file.

Bundled stories are named by their place inside the bundled folder, so favourites
and history survive reinstalling; any other story by its full path."""

from __future__ import annotations

from pathlib import Path

BUNDLED_PREFIX = "bundled:"


def story_key(path: Path | str, bundled_root: Path) -> str:
    """How the journal names a story: bundled stories by their place inside the
    bundled folder (so favourites survive reinstalling), others by full path.
    A key passed in again comes back unchanged."""
    if str(path).startswith(BUNDLED_PREFIX):
        return str(path)
    resolved = Path(path).resolve()
    try:
        return BUNDLED_PREFIX + resolved.relative_to(Path(bundled_root).resolve()).as_posix()
    except ValueError:
        return str(resolved)


def path_for_key(key: str, bundled_root: Path) -> Path:
    if key.startswith(BUNDLED_PREFIX):
        return Path(bundled_root) / key.removeprefix(BUNDLED_PREFIX)
    return Path(key)
