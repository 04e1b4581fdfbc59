"""What the library's filters mean, as plain functions (no Qt): which stories a
`LibraryFilter` lets through, the choices each filter offers, the order cards
are shown in, and the key a story is known by in the journal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from touchstory.journal.settings import LibraryFilter

if TYPE_CHECKING:
    from touchstory.story.library import StoryEntry

# The story modules (model, duration) and unicodedata are imported inside the
# functions that need them: those run once stories have been read, and the library
# window paints first.

# Length buckets in seconds (estimated, as shown on the cards).
SHORT_UNDER = 90.0
LONG_OVER = 180.0


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a filter menu: what it says and the value it sets."""

    label: str
    value: object


AGE_CHOICES: tuple[Choice, ...] = (
    Choice("Any age", None),
    Choice("Baby (under 1)", 0),
    *(Choice(f"{age} year{'s' if age > 1 else ''} old", age) for age in range(1, 10)),
    Choice("10 and over", 10),
)

LENGTH_CHOICES: tuple[Choice, ...] = (
    Choice("Any length", ""),
    Choice("Short (under 1½ min)", "short"),
    Choice("Medium (1½ to 3 min)", "medium"),
    Choice("Long (over 3 min)", "long"),
)


def mood_choices(entries: Iterable[StoryEntry]) -> tuple[Choice, ...]:
    """"Any mood" and the moods the library's stories have, in the usual order."""
    from touchstory.story.model import MOODS  # deferred for start-up (see the imports above)

    present = {e.mood for e in entries if e.mood}
    ordered = [m for m in MOODS if m in present] + sorted(present - set(MOODS))
    return (Choice("Any mood", ""), *(Choice(m.capitalize(), m) for m in ordered))


def kind_choices(entries: Iterable[StoryEntry]) -> tuple[Choice, ...]:
    from touchstory.story.model import Kind  # deferred for start-up (see the imports above)

    present = {e.kind for e in entries if e.kind}
    return (Choice("Any kind", ""), *(Choice(k.label, k.value) for k in Kind if k in present))


def length_bucket(seconds: float) -> str:
    if seconds < SHORT_UNDER:
        return "short"
    return "long" if seconds > LONG_OVER else "medium"


def fold(text: str) -> str:
    """Lower case without accents or punctuation, so "cafe" finds "Café"."""
    import unicodedata  # deferred for start-up (a C module): first used to sort the cards read

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(kept).split())


def matches_search(title: str, query: str) -> bool:
    """Every word typed appears in the title (anywhere, any case, any accents)."""
    words = fold(query).split()
    folded = fold(title)
    return all(word in folded for word in words)


def matches(entry: StoryEntry, wanted: LibraryFilter, favourite: bool) -> bool:
    """Whether the library shows `entry` under `wanted`. A story without ages
    passes the age filter (ages are optional); every other filter needs a match."""
    if wanted.favourites_only and not favourite:
        return False
    if wanted.search and not matches_search(entry.title, wanted.search):
        return False
    if wanted.age is not None and entry.ages is not None:
        if wanted.age >= 10:
            if entry.ages.high is not None and entry.ages.high < 10:
                return False
        elif not entry.ages.includes(wanted.age):
            return False
    if wanted.mood and entry.mood != wanted.mood:
        return False
    if wanted.kind and (entry.kind is None or entry.kind.value != wanted.kind):
        return False
    if wanted.length and (not entry.playable or length_bucket(entry.seconds) != wanted.length):
        return False
    return True


_SOURCE_ORDER = {"opened": 0, "mine": 1, "bundled": 2}
_ARTICLES = ("the ", "a ", "an ")


def title_sort_key(title: str) -> str:
    folded = fold(title)
    for article in _ARTICLES:
        if folded.startswith(article):
            return folded[len(article):]
    return folded


def sort_key(entry: StoryEntry) -> tuple[int, str, str]:
    """The user's own and just-opened stories first, then by title ("The" ignored)."""
    return _SOURCE_ORDER.get(entry.source, 3), title_sort_key(entry.title), str(entry.path)


def card_facts(entry: StoryEntry) -> list[str]:
    """The first line under a card's title: length and ages."""
    if not entry.playable:
        return []
    from touchstory.story.duration import format_duration  # deferred for start-up (see the imports above)

    facts = [format_duration(entry.seconds)]
    if entry.ages:
        baby = (entry.ages.low, entry.ages.high) in ((0, 0), (0, 1))
        facts.append("babies" if baby else "ages " + str(entry.ages).replace("-", "–"))
    return facts


def _plays_on(entry: StoryEntry) -> bool:
    """Whether the story has its own background sound, which plays on and fades out
    after the thank-you (so an audio file of it is longer than the story's length)."""
    story = entry.story
    if story is None:
        return False
    return any(name not in (None, "", "none") for name in (story.meta.soundscape, *(p.soundscape for p in story.pages)))


def length_note(entry: StoryEntry) -> str:
    """For the card's tooltip and screen readers (the card itself has no room): that
    the background sound plays on and fades after the end, which is why an audio file
    of the story is longer than the length on its card; "" when it has no sound."""
    if not _plays_on(entry):
        return ""
    from touchstory.story.duration import format_duration  # deferred for start-up (see the imports above)

    return f"About {format_duration(entry.seconds)}, then the sound fades (an audio file of it is longer)"


def card_kind(entry: StoryEntry) -> list[str]:
    """The second line: mood and kind ("Sleepy · Story")."""
    parts = [entry.mood.capitalize()] if entry.mood else []
    parts.append(entry.kind.label if entry.kind else "Story")
    return parts


def spoken_summary(entry: StoryEntry, favourite: bool, stopped_at: str = "") -> str:
    """The card as a screen reader says it."""
    if not entry.playable:
        return f"{entry.title}. This story has {entry.errors} problem{'s' * (entry.errors != 1)} to fix."
    parts = [entry.title, *reversed(card_kind(entry)), *card_facts(entry)]
    if note := length_note(entry):
        parts.append(note)
    if favourite:
        parts.append("favourite")
    if stopped_at:
        parts.append(stopped_at)
    return ". ".join(parts) + "."


def when_text(then: float, now: float) -> str:
    """When something happened, as a parent says it: "today at 19:42",
    "yesterday at 19:40", "on Tuesday", "on 3 March"."""
    moment, today = datetime.fromtimestamp(then), datetime.fromtimestamp(now)
    days = (today.date() - moment.date()).days
    if days <= 0:
        return f"today at {moment:%H:%M}"
    if days == 1:
        return f"yesterday at {moment:%H:%M}"
    if days < 7:
        return f"on {moment:%A}"
    return f"on {moment.day} {moment:%B}" + (f" {moment.year}" if moment.year != today.year else "")
