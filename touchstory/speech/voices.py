"""Choosing how narration sounds: a story's BCP 47 language to an espeak voice,
voice lists with display names for the settings screen, the named speeds
(normal and a slower "bedtime" pace) and a short preview sentence per language.

Speeds: espeak's default is 175 words per minute, brisk for a child. "Normal"
is 160 wpm, near an adult reading a picture book aloud; "Bedtime" is 125 wpm,
slow enough to breathe with, still natural (below about 110 wpm espeak starts
to sound stretched). The settings slider spans 90 to 220 wpm.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from touchstory.speech.engine import Voice, VoiceSettings


class Speed(enum.Enum):
    """Named narration speeds, in words per minute."""

    BEDTIME = 125
    NORMAL = 160

    @property
    def wpm(self) -> int:
        return int(self.value)

    @property
    def label(self) -> str:
        return {Speed.BEDTIME: "Bedtime (slower)", Speed.NORMAL: "Normal"}[self]


MIN_WPM = 90
MAX_WPM = 220

# Tags people write that espeak spells differently.
_ALIASES = {
    "zh": "cmn", "zh-cn": "cmn", "zh-hans": "cmn", "zh-sg": "cmn", "zh-tw": "cmn",
    "zh-hant": "cmn", "zh-hk": "yue", "zh-mo": "yue", "zh-yue": "yue",
    "no": "nb", "nn": "nb", "iw": "he", "in": "id", "en-uk": "en-gb",
}
# Spanish outside Spain: espeak has one Latin American voice.
_LATAM = {"mx", "ar", "co", "cl", "pe", "ve", "ec", "gt", "cu", "bo", "do", "hn", "py",
          "sv", "ni", "cr", "pa", "uy", "pr", "us", "419"}

_PREVIEW = {
    "en": "Hello. Shall we have a story? Settle down, and I will read it slowly and gently.",
    "fr": "Bonjour. On lit une histoire ? Installe-toi, je vais la lire doucement.",
    "de": "Hallo. Wollen wir eine Geschichte hören? Mach es dir bequem, ich lese ganz ruhig.",
    "es": "Hola. ¿Leemos un cuento? Ponte cómodo, lo leeré despacio y con calma.",
    "it": "Ciao. Leggiamo una storia? Mettiti comodo, la leggerò piano piano.",
    "nl": "Hallo. Zullen we een verhaal lezen? Ga lekker liggen, ik lees het rustig voor.",
    "pt": "Olá. Vamos ler uma história? Fica confortável, eu leio devagarinho.",
}


# espeak's voice variants ("gmw/en+f1"): the same language, another speaker.
# Measured on one bedtime sentence at 125 wpm with espeak-ng 1.51 (median pitch,
# pitch spread as the interquartile range, share of energy above 4 kHz):
#   gmw/en (no variant) 100 Hz, spread 16 Hz (2.8 semitones), 0.9 % above 4 kHz
#   +aunty 175 Hz, spread 14 Hz (1.4 st), 1.7 %, 8 % slower at the same wpm
#   +f1    175 Hz, spread 27 Hz (2.6 st), 1.1 %;  +f2 190 Hz, 33 Hz, 1.7 %
#   +f3    204 Hz, spread 45 Hz (3.7 st), 2.4 % (the brightest; lively, not calm)
#   +m1     93 Hz, spread 14 Hz, 0.9 %;           +m2  99 Hz, 12 Hz, 1.3 %
# "aunty" has the smallest pitch swing relative to its pitch and the slowest
# delivery: the calmest, so it is the bedtime default when no voice is chosen.
VARIANTS: tuple[tuple[str, str], ...] = (
    ("aunty", "calm, warm"), ("f1", "soft, female"), ("f2", "female"), ("f3", "bright, female"),
    ("m1", "low, male"), ("m2", "even, male"),
)
DEFAULT_VARIANT = "aunty"


def split_variant(voice_id: str) -> tuple[str, str]:
    """"gmw/en+f3" -> ("gmw/en", "f3"); "gmw/en" -> ("gmw/en", "")."""
    base, _, variant = voice_id.partition("+")
    return base, variant


def with_variant(voice_id: str, variant: str) -> str:
    """The voice id with `variant` in place of any it had ("" removes it)."""
    base = split_variant(voice_id)[0]
    return f"{base}+{variant}" if variant else base


def normalise_tag(tag: str) -> str:
    """"en_GB " -> "en-gb"; aliases resolved ("zh-CN" -> "cmn")."""
    t = tag.strip().replace("_", "-").lower()
    return _ALIASES.get(t, t)


def _short_id(voice: Voice) -> str:
    return voice.id.rsplit("/", 1)[-1].lower()


def voice_for_language(tag: str, voices: Sequence[Voice]) -> str | None:
    """The id of the voice that best speaks `tag` (BCP 47), or None when the
    engine has nothing for that language (the engine's default voice is used).

    Order: a voice whose language is exactly the tag (en-GB -> gmw/en, en-US ->
    gmw/en-us, pt-BR -> roa/pt-br); the language's main voice, whose short id is
    the bare language (de-DE -> gmw/de, fr-CA -> roa/fr); any voice of the
    language (shortest tag first)."""
    t = normalise_tag(tag)
    if not t or not voices:
        return None
    primary = t.split("-", 1)[0]
    region = t.split("-")[1] if "-" in t else ""
    if primary == "es" and region in _LATAM:
        t = "es-419"
    for v in voices:
        if t in v.languages:
            return v.id
    for v in voices:
        if _short_id(v) == t:
            return v.id
    for v in voices:
        if _short_id(v) == primary or primary in v.languages:
            return v.id
    related = [v for v in voices if any(lang.split("-", 1)[0] == primary for lang in v.languages)]
    if related:
        return min(related, key=lambda v: (min(len(lang) for lang in v.languages), v.id)).id
    return None


@dataclass(frozen=True, slots=True)
class VoiceChoice:
    """One row of the voice picker."""

    id: str
    label: str
    language: str


def display_name(voice: Voice) -> str:
    """What the picker shows: espeak's own name ("English (America)")."""
    return voice.name.strip() or voice.id


def voice_choices(voices: Iterable[Voice], language: str | None = None) -> list[VoiceChoice]:
    """Voices for a picker, sorted by name; those speaking `language` (same
    primary subtag) first, so a French story offers French voices on top,
    then those voices in espeak's variants ("English (Great Britain), soft,
    female (f1)" is gmw/en+f1)."""
    primary = normalise_tag(language).split("-", 1)[0] if language else None
    rows = []
    for v in voices:
        lang = v.languages[0] if v.languages else ""
        matches = primary is not None and (lang.split("-", 1)[0] == primary or _short_id(v) == primary)
        rows.append((not matches, display_name(v).lower(), VoiceChoice(v.id, display_name(v), lang)))
    rows.sort(key=lambda r: (r[0], r[1]))
    ordered = [r[2] for r in rows]
    # The language's voices in each variant, after the language's plain voices.
    own = [c for matches, _, c in rows if not matches]
    variants = [VoiceChoice(with_variant(c.id, code), f"{c.label}, {label} ({code})", c.language)
                for c in own for code, label in VARIANTS]
    return ordered[:len(own)] + variants + ordered[len(own):]


def preview_text(language: str) -> str:
    """A short, calm sentence to try a voice with, in the story's language when
    we have one, else English."""
    return _PREVIEW.get(normalise_tag(language).split("-", 1)[0], _PREVIEW["en"])


def settings_for(
    language: str,
    speed: Speed | int = Speed.NORMAL,
    volume: float = 1.0,
    voice_id: str | None = None,
) -> VoiceSettings:
    """VoiceSettings for a story: the user's voice if they chose one, else the
    story's language decides; speed named or in wpm (clamped to the slider)."""
    wpm = speed.wpm if isinstance(speed, Speed) else int(speed)
    return VoiceSettings(voice_id, language, max(MIN_WPM, min(MAX_WPM, wpm)), volume)
