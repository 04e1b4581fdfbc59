"""What a group session tells the shell (touchstory/pacing/group.py): small frozen
events, as a story `Session` sends its own (PausedChanged, ModeChanged, Finished
come from there and are part of the same stream)."""

from __future__ import annotations

from dataclasses import dataclass

from touchstory.pacing.plan import Plan
from touchstory.pacing.session import Finished, ModeChanged, PausedChanged
from touchstory.pacing.slides import Overlay, Slide


@dataclass(frozen=True, slots=True)
class SlideChanged:
    slide: Slide


@dataclass(frozen=True, slots=True)
class BlankChanged:
    blanked: bool


@dataclass(frozen=True, slots=True)
class OverlayChanged:
    overlay: Overlay | None


@dataclass(frozen=True, slots=True)
class RoundEnded:
    number: int  # the round that just ended (1 = the first); chime and "move on"


@dataclass(frozen=True, slots=True)
class MoveOnChanged:
    visible: bool


@dataclass(frozen=True, slots=True)
class PlanChanged:
    plan: Plan  # formation or round timer changed


@dataclass(frozen=True, slots=True)
class PaceChanged:
    pace: float


@dataclass(frozen=True, slots=True)
class Speak:
    token: int  # hand back to `speech_finished(token)` when the audio ends
    text: str


Event = (SlideChanged | BlankChanged | OverlayChanged | RoundEnded | MoveOnChanged | PlanChanged | PaceChanged
         | PausedChanged | ModeChanged | Speak | Finished)

__all__ = ["BlankChanged", "Event", "MoveOnChanged", "OverlayChanged", "PaceChanged", "PlanChanged", "RoundEnded",
           "SlideChanged", "Speak"]
