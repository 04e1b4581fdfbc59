"""Voice choice: a story's language picks a sensible espeak voice; speeds and
previews are what the settings screen offers."""

from __future__ import annotations

import pytest

from tests.speech.conftest import needs_espeak
from touchstory.speech.engine import Voice
from touchstory.speech.pyttsx3_engine import Pyttsx3Engine
from touchstory.speech.voices import (
    MAX_WPM,
    MIN_WPM,
    Speed,
    normalise_tag,
    preview_text,
    settings_for,
    voice_choices,
    voice_for_language,
)

# A slice of espeak-ng 1.51's list, in its order (ids, names, languages as reported).
ESPEAK = [
    Voice("gmw/de", "German", ("de",)),
    Voice("gmw/en-029", "English (Caribbean)", ("en-029",)),
    Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
    Voice("gmw/en-gb-scotland", "English (Scotland)", ("en-gb-scotland",)),
    Voice("gmw/en-gb-x-rp", "English (Received Pronunciation)", ("en-gb-x-rp",)),
    Voice("gmw/en-us", "English (America)", ("en-us",)),
    Voice("roa/es", "Spanish (Spain)", ("es",)),
    Voice("roa/es-419", "Spanish (Latin America)", ("es-419",)),
    Voice("roa/fr-be", "French (Belgium)", ("fr-be",)),
    Voice("roa/fr-ch", "French (Switzerland)", ("fr-ch",)),
    Voice("roa/fr", "French (France)", ("fr-fr",)),
    Voice("gmq/nb", "Norwegian Bokmål", ("nb",)),
    Voice("roa/pt", "Portuguese (Portugal)", ("pt",)),
    Voice("roa/pt-br", "Portuguese (Brazil)", ("pt-br",)),
    Voice("sit/cmn", "Chinese (Mandarin, latin as English)", ("cmn",)),
    Voice("sit/yue", "Chinese (Cantonese)", ("yue",)),
]

TABLE = [
    ("en-GB", "gmw/en"),
    ("en", "gmw/en"),
    ("en_gb", "gmw/en"),
    ("EN-US", "gmw/en-us"),
    ("en-AU", "gmw/en"),
    ("fr", "roa/fr"),
    ("fr-FR", "roa/fr"),
    ("fr-BE", "roa/fr-be"),
    ("fr-CA", "roa/fr"),
    ("de", "gmw/de"),
    ("de-DE", "gmw/de"),
    ("de-AT", "gmw/de"),
    ("es", "roa/es"),
    ("es-MX", "roa/es-419"),
    ("pt-BR", "roa/pt-br"),
    ("pt-PT", "roa/pt"),
    ("no", "gmq/nb"),
    ("zh-CN", "sit/cmn"),
    ("zh-HK", "sit/yue"),
    ("xx", None),
    ("", None),
]


@pytest.mark.parametrize(("tag", "voice_id"), TABLE)
def test_language_to_voice(tag: str, voice_id: str | None) -> None:
    assert voice_for_language(tag, ESPEAK) == voice_id


def test_no_voices_means_no_choice() -> None:
    assert voice_for_language("en-GB", []) is None


def test_normalise_tag() -> None:
    assert normalise_tag(" en_GB ") == "en-gb"
    assert normalise_tag("zh-Hans") == "cmn"


def test_speeds() -> None:
    assert Speed.NORMAL.wpm == 160 and Speed.BEDTIME.wpm == 125
    assert Speed.BEDTIME.wpm < Speed.NORMAL.wpm
    assert "Bedtime" in Speed.BEDTIME.label
    assert MIN_WPM <= Speed.BEDTIME.wpm < Speed.NORMAL.wpm <= MAX_WPM


def test_settings_for_story() -> None:
    s = settings_for("fr-FR", Speed.BEDTIME, volume=0.8)
    assert (s.voice_id, s.language, s.rate_wpm, s.volume) == (None, "fr-FR", 125, 0.8)
    assert settings_for("en", 500).rate_wpm == MAX_WPM
    assert settings_for("en", 10).rate_wpm == MIN_WPM
    assert settings_for("en", voice_id="gmw/en-us").voice_id == "gmw/en-us"


def test_preview_text_follows_language() -> None:
    assert preview_text("fr-CA").startswith("Bonjour")
    assert preview_text("de") != preview_text("en")
    assert preview_text("xx") == preview_text("en-GB")


def test_voice_choices_put_the_story_language_first() -> None:
    rows = voice_choices(ESPEAK, language="fr-FR")
    assert [r.id for r in rows[:3]] == ["roa/fr-be", "roa/fr", "roa/fr-ch"]
    assert rows[0].label == "French (Belgium)"
    names = [r.label for r in voice_choices(ESPEAK)]
    assert names == sorted(names, key=str.lower)


@needs_espeak
@pytest.mark.slow
def test_mapping_against_the_installed_espeak(real_engine: Pyttsx3Engine) -> None:
    voices = real_engine.voices()
    assert len(voices) > 50
    for tag, expected in TABLE:
        if expected is not None:
            assert voice_for_language(tag, voices) == expected, tag


def test_voice_choices_offer_the_languages_voices_in_espeaks_variants() -> None:
    """Issue 19 item 7: female and softer voices by name, after the plain ones."""
    rows = voice_choices(ESPEAK, language="fr-FR")
    ids = [r.id for r in rows]
    assert ids[:3] == ["roa/fr-be", "roa/fr", "roa/fr-ch"]
    assert "roa/fr+f1" in ids and "roa/fr+aunty" in ids
    soft = rows[ids.index("roa/fr+f1")]
    assert soft.label == "French (France), soft, female (f1)" and soft.language.startswith("fr")
    # other languages' voices are not multiplied
    assert not any(i.startswith("gmw/") and "+" in i for i in ids)
    assert ids.index("roa/fr+f1") < ids.index("gmw/en")
