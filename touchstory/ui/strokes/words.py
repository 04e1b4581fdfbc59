"""How a stroke is described in words (shared by the stroke card and the Strokes
page): where, how firmly, how slowly, and its whole how-to for the place it is made."""

from __future__ import annotations

import re

from touchstory.story.model import Area, Pressure
from touchstory.story.packs import Stroke

PRESSURE_HINT = {
    Pressure.LIGHT: "light touch",
    Pressure.MEDIUM: "medium pressure",
    Pressure.FIRM: "firm, calm pressure",
}


def area_words(area: Area) -> str:
    return f"on the {area.value}"


def where_words(area: Area, pressure: Pressure) -> str:
    """"On the back · light touch"."""
    return f"{area_words(area).capitalize()} · {PRESSURE_HINT[pressure]}"


def first_sentence(text: str) -> str:
    """The how-to's first sentence: the one line a parent glances at."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


def how_words(stroke: Stroke, area: Area | None) -> str:
    """The whole how-to for `stroke` made where a story line puts it: the pack's own
    words for that place ("how on feet:"), or, when a pack has none (a user's pack),
    two plain sentences that do not send the hands to the usual place."""
    written = stroke.how_for(area)
    if written is not None or area is None:
        return written or stroke.how
    return (f"Make the {stroke.name.lower()} stroke gently {area_words(area)}, smaller and slower than on the "
            f"{stroke.area.value}. Keep your touch soft, and stop if it does not feel good.")


def every_how(stroke: Stroke) -> list[str]:
    """Every how-to the stroke may show (its own and each place's): a card sizes to the longest."""
    return [stroke.how, *(text for _, text in stroke.how_on)]


def tempo_words(seconds: float) -> str:
    """"About 2½ seconds each time"."""
    whole, frac = int(seconds), seconds - int(seconds)
    half = "½" if 0.25 <= frac < 0.75 else ""
    whole += 1 if frac >= 0.75 else 0
    amount = f"{whole}{half}" if whole else "½"
    unit = "second" if amount == "1" else "seconds"
    return f"About {amount} {unit} each time"
