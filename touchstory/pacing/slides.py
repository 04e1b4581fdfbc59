"""What the class sees and hears for each step of a plan: the words of the cards
(settle, ask first, thank you, swap, calm close), the cards a teacher can put up
with one key (inclusion, yes, no, softer, firmer, stop) and the `Slide` data the
projector shows. Plain data; `GroupSession` (group.py) decides which slide is on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from touchstory.pacing.plan import Formation, StepKind
from touchstory.pacing.session import EndReason
from touchstory.story.model import Area, Picture, Pressure
from touchstory.story.packs import Body, Stroke

INCLUSION_TEXT = "You can watch, or give a story massage to a teddy. It's fine to say no."
_EVERYONE = {Formation.PAIRS: "your partner", Formation.LINE: "the person in front",
             Formation.CIRCLE: "the person in front"}
_SETTLE = {Formation.PAIRS: "Sit with your partner, one behind the other. Hands still, eyes on me.",
           Formation.LINE: "Sit in a line, each facing the back of the person in front. Hands still.",
           Formation.CIRCLE: "Sit in our circle, each facing the back of the person in front. Hands still."}
END_WORDS = {EndReason.COMPLETED: "Thank you, everyone.",
             EndReason.STOPPED: "That's all for now. Thank you, everyone.",
             EndReason.DECLINED: "That's all for now. Thank you, everyone."}


def default_words(kind: StepKind, formation: Formation) -> str:
    """What the projector says for a step when the plan writes no words of its own."""
    other = _EVERYONE[formation]
    match kind:
        case StepKind.SETTLE:
            return _SETTLE[formation]
        case StepKind.DEMONSTRATE:
            return "Watch me"
        case StepKind.PERMISSION:
            return f"Ask {other}: may I give you a story massage?"
        case StepKind.STORY:
            return ""
        case StepKind.THANKS:
            return f"Say thank you to {other}."
        case StepKind.SWAP:
            return "Thank your partner, turn around, and swap."
        case StepKind.CLOSE:
            return "Hands in your lap. Breathe in slowly… and out. Well done, everyone."


class Overlay(Enum):
    """Cards put over the projector with one key each."""

    INCLUSION = "inclusion"
    YES = "yes"
    NO = "no"
    SOFTER = "softer"
    FIRMER = "firmer"
    STOP = "stop"

    @property
    def text(self) -> str:
        return INCLUSION_TEXT if self is Overlay.INCLUSION else self.value.capitalize()


class SlideKind(Enum):
    CARD = "card"  # words for the class
    STROKE = "stroke"  # watch me: one stroke, big, with its name
    LINE = "line"  # a story line with its stroke and picture
    END = "end"


@dataclass(frozen=True, slots=True)
class Slide:
    """What the projector shows (and the console previews): plain data."""

    kind: SlideKind
    step_index: int
    text: str
    heading: str = ""
    step_kind: StepKind | None = None
    stroke: Stroke | None = None
    repeats: int = 1
    area: Area | None = None
    pressure: Pressure | None = None
    body: Body = Body.BACK
    picture: Picture | None = None
    notes: tuple[str, ...] = ()  # for the teacher only
    number: int = 0  # line or stroke number within the step (1-based), 0 for a card
    count: int = 0
    how: str = ""
    seconds: float | None = None  # a settle / close countdown
