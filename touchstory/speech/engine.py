"""The narration backend contract: what a speech engine renders, and the two
engines that need no synthesiser (a null one for machines without espeak, and
`default_engine()` which picks the right one for this machine).

Engines render one line of text to a WAV file and report its duration and the
timing of each word. `render` blocks; callers run it off the GUI thread (the
`Prefetcher` does that for the app).
"""

from __future__ import annotations

import ctypes.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from touchstory.errors import SpeechError

INSTALL_HINT = (
    "To turn narration on, install the espeak-ng voice library "
    "(on Debian or Ubuntu: sudo apt-get install libespeak-ng1) and restart touchstory."
)

NO_ENGINE_MESSAGE = (
    "Narration is not available: no voice engine was found on this computer. "
    "The story still plays; read it aloud yourself. " + INSTALL_HINT
)


@dataclass(frozen=True, slots=True)
class Voice:
    """A voice the engine can speak with. `languages` are lower-case BCP 47-ish
    tags as the engine reports them (espeak: "en-gb", "fr-fr", "de")."""

    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class VoiceSettings:
    """How to speak. `voice_id=None` means "the best voice for `language`"."""

    voice_id: str | None = None
    language: str = "en-GB"
    rate_wpm: int = 160
    volume: float = 1.0

    def __post_init__(self) -> None:
        if not 40 <= self.rate_wpm <= 450:
            raise ValueError(f"rate_wpm must be between 40 and 450, not {self.rate_wpm}")
        if not 0.0 <= self.volume <= 1.0:
            raise ValueError(f"volume must be between 0.0 and 1.0, not {self.volume}")


@dataclass(frozen=True, slots=True)
class WordTiming:
    """One word of a rendered line: seconds into the clip, and where the word
    sits in the line's text (for highlighting)."""

    word: str
    start: float
    end: float
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class RenderedLine:
    """A line rendered to a complete WAV file."""

    text: str
    path: Path
    duration: float
    words: tuple[WordTiming, ...] = ()


@runtime_checkable
class SpeechEngine(Protocol):
    """A text-to-speech backend. Implementations: `Pyttsx3Engine` (real),
    `FakeSpeechEngine` (tests, machines without espeak), `NullSpeechEngine`."""

    @property
    def available(self) -> bool:
        """False when narration cannot work; `problem` then says why."""
        ...

    @property
    def problem(self) -> str | None:
        """Plain text for the user when unavailable (with how to fix it)."""
        ...

    @property
    def engine_id(self) -> str:
        """Names the engine and its version; part of every cache key, so a new
        synthesiser never serves audio rendered by an old one."""
        ...

    def voices(self) -> list[Voice]:
        ...

    def warm_up(self) -> None:
        """Get ready to render (start a worker, load voices) so the first line
        is quick. Blocking; optional to call; never raises."""
        ...

    def render(self, text: str, voice: VoiceSettings) -> RenderedLine:
        """Render `text` to a WAV file. Blocking. Raises `SpeechError`."""
        ...

    def close(self) -> None:
        ...


class NullSpeechEngine:
    """The engine of a machine with no synthesiser: always unavailable, with a
    message that says how to get narration."""

    def __init__(self, problem: str = NO_ENGINE_MESSAGE) -> None:
        self._problem = problem

    @property
    def available(self) -> bool:
        return False

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def engine_id(self) -> str:
        return "null"

    def voices(self) -> list[Voice]:
        return []

    def warm_up(self) -> None:
        pass

    def render(self, text: str, voice: VoiceSettings) -> RenderedLine:
        raise SpeechError(self._problem)

    def close(self) -> None:
        pass


_LIB_DIRS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
             "/usr/local/lib", "/lib/x86_64-linux-gnu", "/opt/homebrew/lib")
_LIB_NAMES = ("libespeak-ng.so.1", "libespeak-ng.1.dylib")


def espeak_library_path() -> Path | None:
    """Where libespeak-ng is, if it is in a usual place (without loading it
    into this process: the synthesiser only ever runs in the worker)."""
    for d in _LIB_DIRS:
        for name in _LIB_NAMES:
            path = Path(d, name)
            if path.exists():
                return path
    return None


def espeak_library_present() -> bool:
    """True if libespeak-ng is installed where pyttsx3 will look for it."""
    if espeak_library_path() is not None:
        return True
    return ctypes.util.find_library("espeak-ng") is not None


def installed_variants() -> frozenset[str]:
    """Names of espeak-ng's voice variants ("f1", "aunty", ...) from its data
    folder's voices/!v, next to the library or in /usr/share; empty when the
    data folder is not where we look (then no variant is asked for)."""
    library = espeak_library_path()
    dirs = [Path(os.environ["ESPEAK_DATA_PATH"]) / "espeak-ng-data"] if os.environ.get("ESPEAK_DATA_PATH") else []
    if library is not None:
        dirs.append(library.parent / "espeak-ng-data")
    dirs += [Path("/usr/share/espeak-ng-data"), Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data")]
    for d in dirs:
        folder = d / "voices" / "!v"
        if folder.is_dir():
            return frozenset(p.name for p in folder.iterdir() if p.is_file())
    return frozenset()
