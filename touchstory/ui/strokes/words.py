"""How a stroke is described in a few words (shared by the stroke card and the
Strokes page): where, how firmly, how slowly, and the how-to's first sentence."""

from __future__ import annotations

import re

from touchstory.story.model import Area, Pressure

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


def how_words(name: str, how: str, own: Area, area: Area | None) -> str:
    """The one line of how-to for a stroke made where a story line puts it: its own
    first sentence, or, moved to another area ("[squeeze feet]"), a line that does
    not send the hands to the pack's usual place (the shoulders, for a squeeze)."""
    if area is None or area is own:
        return first_sentence(how)
    return f"The {name.lower()} movement, made {area_words(area)} instead of the {own.value}."


def tempo_words(seconds: float) -> str:
    """"About 2½ seconds each time"."""
    whole, frac = int(seconds), seconds - int(seconds)
    half = "½" if 0.25 <= frac < 0.75 else ""
    whole += 1 if frac >= 0.75 else 0
    amount = f"{whole}{half}" if whole else "½"
    unit = "second" if amount == "1" else "seconds"
    return f"About {amount} {unit} each time"
