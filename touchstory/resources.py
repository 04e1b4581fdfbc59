"""Where bundled data lives: the source checkout's assets/ and stories/, or their
copies inside an installed wheel (touchstory/_assets, touchstory/_stories)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _pick(installed: str, checkout: str) -> Path:
    inside = _PACKAGE / installed
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / checkout


def assets_dir() -> Path:
    """The folder with stroke packs, icons and other bundled assets."""
    return _pick("_assets", "assets")


def bundled_stories_dir() -> Path:
    """The folder with the stories that ship with touchstory."""
    return _pick("_stories", "stories")


def packs_dir() -> Path:
    return assets_dir() / "packs"


def icons_dir() -> Path:
    return assets_dir() / "icons"


def safety_dir() -> Path:
    return assets_dir() / "safety"


# The two cards for baby routines: the checklist to read before, the cues to watch during.
INFANT_SAFETY = "infant-safety.md"
BABY_CUES = "baby-cues.md"


def safety_card(name: str) -> str:
    """The markdown text of one bundled safety card (INFANT_SAFETY or BABY_CUES)."""
    return (safety_dir() / name).read_text(encoding="utf-8")
