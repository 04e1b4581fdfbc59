"""The one exception tree of touchstory. Every error a user can cause says where
(file, line) and what to do; story problems carry a full Problem list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the hints only: story imports this module
    from touchstory.story.model import Problem


class TouchstoryError(Exception):
    """Base of every error touchstory raises on purpose."""


class StoryError(TouchstoryError):
    """A story (or pack, or plan) file has errors; `problems` lists all of them."""

    def __init__(self, problems: Sequence[Problem], summary: str | None = None) -> None:
        self.problems = list(problems)
        text = summary or "\n".join(p.format() for p in self.problems)
        super().__init__(text)


class PackError(StoryError):
    """A stroke pack file has errors."""


class AudioError(TouchstoryError):
    """Sound could not be made, read or played."""


class SpeechError(TouchstoryError):
    """Narration could not be rendered."""


class SettingsError(TouchstoryError):
    """Settings or journal could not be read or written."""
