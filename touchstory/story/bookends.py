"""The app's own words around a story, in the story's language: the permission
question, the thank-you, and the "Yes" / "Not now" answers.

Chosen from the story's `language:` (BCP 47): the primary subtag decides
("fr-CA" -> French); a language we have no words for gets English. A story's
own `ask:` / `thanks:` always win (see story/duration.py).

Phrasings are ours, written to sound warm to a child at bedtime. German says
"Massagegeschichte", the usual word for a story massage there. Not checked by a
native speaker yet (marked so the lead can ask one): the French "histoire
massage" (there is no settled French term; "histoire à masser" is also heard)
and the Spanish "cuento con masaje".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bookends:
    """One language's words."""

    ask: str
    thanks: str
    yes: str
    not_now: str


ENGLISH = Bookends(
    ask="Would you like a story massage?",
    thanks="Thank you for sharing a story massage.",
    yes="Yes",
    not_now="Not now",
)

_BY_LANGUAGE: dict[str, Bookends] = {
    "en": ENGLISH,
    "de": Bookends(
        ask="Magst du eine Massagegeschichte?",
        thanks="Danke, dass wir diese Massagegeschichte zusammen erlebt haben.",
        yes="Ja",
        not_now="Jetzt nicht",
    ),
    "fr": Bookends(  # unsure: "histoire massage" (see the module docstring)
        ask="Tu as envie d'une histoire massage ?",
        thanks="Merci d'avoir partagé cette histoire massage avec moi.",
        yes="Oui",
        not_now="Pas maintenant",
    ),
    "es": Bookends(  # unsure: "cuento con masaje" (see the module docstring)
        ask="¿Te apetece un cuento con masaje?",
        thanks="Gracias por compartir este cuento con masaje.",
        yes="Sí",
        not_now="Ahora no",
    ),
}


def languages() -> tuple[str, ...]:
    """The primary subtags we have words for."""
    return tuple(sorted(_BY_LANGUAGE))


def bookends_for(language: str | None) -> Bookends:
    """The words for a BCP 47 tag ("de-AT" -> German), English when we have none."""
    primary = (language or "").strip().replace("_", "-").split("-", 1)[0].lower()
    return _BY_LANGUAGE.get(primary, ENGLISH)
