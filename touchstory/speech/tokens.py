"""Words of a story line, without any audio: how lines are split into words
(the same split everywhere: narration timing, highlighting, pacing), how long
a word or a line takes to say, and which word is lit at a playback time.
Standard library only, so the UI can import it at start-up cheaply."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from touchstory.speech.engine import WordTiming

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_VOWELS = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]+", re.IGNORECASE)
PAUSE_AFTER = re.compile(r"^\s*[,.;:!?…—–)\"”]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words with their character span; "tip-toe" and "don't" stay whole."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def speaking_time(text: str, rate_wpm: int = 160) -> float:
    """Expected seconds to say `text` at `rate_wpm`: words at the rate, a pause
    (about one word long) at each comma or full stop inside the line, and
    ~0.45 s of lead-in and end. Fitted to espeak-ng 1.51 (44 English lines,
    90-200 wpm; mean error 10%); also a fair guess for a person reading aloud,
    so the pacing code can use it as a line's reading weight."""
    tokens = tokenize(text)
    if not tokens:
        return 0.0
    pauses = sum(bool(PAUSE_AFTER.match(text[end:])) for _, _, end in tokens[:-1])
    beat = 60.0 / rate_wpm
    return 0.70 * len(tokens) * beat + 1.2 * pauses * beat + 0.45


def word_weight(word: str) -> float:
    """Relative speaking time of a word. Letters matter most, syllables a
    little, plus a constant per word: fitted to espeak-ng word positions
    (0.03 s + 0.05 s per letter at 160 wpm, mean error 0.04 s); "a" and
    "the" are short, "snowflakes" long. Digits are spoken as words."""
    if word.isdigit():
        return 5.0 * len(word)
    letters = sum(ch.isalpha() for ch in word)
    syllables = len(_VOWELS.findall(word))
    lower = word.lower()
    if syllables > 1 and lower.endswith("e") and not lower.endswith(("le", "ee", "ie")):
        syllables -= 1  # a silent final e: "time", "one", "wave"
    return letters + 0.4 * max(1, syllables) + 0.5


def word_at(words: Sequence[WordTiming], t: float) -> int | None:
    """Index of the word to highlight at time t: the last word that has
    started, held through the pause after it (no flicker between words);
    None before the first word and after the last one ends."""
    if not words or t < words[0].start or t >= words[-1].end:
        return None
    starts = [w.start for w in words]
    return bisect.bisect_right(starts, t) - 1
