"""What an exported file is: its kinds (suffix, what it is for, size a second),
a name made from the story's title, and its length as a person reads it."""

from __future__ import annotations

import re

FILE_KINDS = (  # suffix, what it is for, bytes per second (for a size estimate)
    (".ogg", "OGG: small, for phones and speakers", 12_000),
    (".mp3", "MP3: plays on anything", 21_000),
    (".wav", "WAV: exact, very large", 176_400),
)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')



def file_name_for(title: str, suffix: str = ".ogg") -> str:
    """A story title as a file name every system accepts ("Sun/Moon: 2" -> "Sun Moon 2.ogg")."""
    name = " ".join(_UNSAFE.sub(" ", title).split()).strip(". ") or "story"
    return name[:120] + suffix


def length_text(seconds: float) -> str:
    """"3 min 12 s" (exact, for a file that was made); "45 s" under a minute."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"
