"""The app's own question, thank-you and answers follow the story's language
(issue 19 item 3)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from touchstory.story.bookends import ENGLISH, bookends_for, languages
from touchstory.story.duration import closing_text, opening_text
from touchstory.story.model import Metadata, Story


def _story(language: str, ask: str | None = None, thanks: str | None = None) -> Story:
    return Story(Path("moon.story"), Metadata("Moon", language=language, ask=ask, thanks=thanks), ())


@pytest.mark.parametrize(("tag", "ask", "not_now"), [
    ("en-GB", "Would you like a story massage?", "Not now"),
    ("de-AT", "Magst du eine Massagegeschichte?", "Jetzt nicht"),
    ("fr-CA", "Tu as envie d'une histoire massage ?", "Pas maintenant"),
    ("es-419", "¿Te apetece un cuento con masaje?", "Ahora no"),
    ("ES_es", "¿Te apetece un cuento con masaje?", "Ahora no"),
])
def test_the_question_and_answers_are_in_the_storys_language(tag: str, ask: str, not_now: str) -> None:
    assert opening_text(_story(tag)) == ask
    assert bookends_for(tag).not_now == not_now


def test_the_thank_you_follows_the_language_too() -> None:
    assert closing_text(_story("de")) == "Danke, dass wir diese Massagegeschichte zusammen erlebt haben."
    assert closing_text(_story("fr")).startswith("Merci")
    assert closing_text(_story("es-MX")).startswith("Gracias")


def test_a_language_without_words_falls_back_to_english() -> None:
    assert bookends_for("ja-JP") is ENGLISH and bookends_for("") is ENGLISH and bookends_for(None) is ENGLISH
    assert opening_text(_story("ja")) == "Would you like a story massage?"


def test_the_storys_own_words_still_win() -> None:
    assert opening_text(_story("de", ask="Wollen wir?")) == "Wollen wir?"
    assert opening_text(_story("de", ask="")) is None
    assert closing_text(_story("fr", thanks="")) is None


def test_every_language_has_all_four_phrases() -> None:
    assert {"en", "de", "fr", "es"} <= set(languages())
    for lang in languages():
        words = bookends_for(lang)
        assert all(s.strip() for s in (words.ask, words.thanks, words.yes, words.not_now))
        assert words.ask.rstrip().endswith("?")
        if lang != "en":
            assert replace(words) != ENGLISH
