"""A library card whose story has its own background sound says (in its tooltip and
to screen readers) that the sound plays on and fades after the end, so an audio file
of it being longer than the card's length is no surprise."""

from __future__ import annotations

from touchstory.story.library import summarise
from touchstory.ui.library.filters import card_facts, length_note, spoken_summary


def test_a_story_with_its_own_sound_says_the_sound_fades_after(parse, packs) -> None:
    with_sound = summarise(parse("title: T\nsoundscape: rain\n[calm] Hello, rain.\n"), packs, "mine")
    without = summarise(parse("title: T\nsoundscape: none\n[calm] Hello, rain.\n"), packs, "mine")
    length = card_facts(with_sound)[0]
    assert length_note(with_sound) == f"About {length}, then the sound fades (an audio file of it is longer)"
    assert spoken_summary(with_sound, False).endswith(f"{length}. {length_note(with_sound)}.")
    assert length_note(without) == "" and "fades" not in spoken_summary(without, False)

