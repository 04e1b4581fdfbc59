"""How a story moves on: the one enum the session, the classroom and the saved
settings share (see DESIGN.md: the modes). Its own module, with no imports, so
the settings can name it without loading the session and the story model."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """A StrEnum, so the settings file keeps its words ("narrated") and
    `settings.pace == "narrated"` works too."""

    READ_ALOUD = "read-aloud"  # every tap moves one line
    NARRATED = "narrated"  # speech + stroke time, then on by itself
    FOLLOW = "follow"  # on by itself at the adult's learned pace, until the next tap
