"""The user's preferences: one frozen `Settings` value and the `SettingsStore`
that reads and writes it as JSON, atomically, without ever losing the file.

A value of the wrong type falls back to its default on its own; a file that is
not a JSON object is moved aside (`settings.json.broken-<time>`) and a one-time
notice says so. Keys this version does not know are kept and written back.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from touchstory.errors import SettingsError
from touchstory.files import read_capped, write_atomically

SETTINGS_VERSION = 1
MAX_SETTINGS_BYTES = 1_000_000
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ThemeChoice(StrEnum):
    """Which look to use; AUTO means bedtime during the bedtime hours, day otherwise.
    A StrEnum, so `settings.theme == "bedtime"` works too."""

    AUTO = "auto"
    BEDTIME = "bedtime"
    DAY = "day"
    CONTRAST = "contrast"


class Pace(StrEnum):
    """How a story moves on by itself (see DESIGN.md: the four modes)."""

    READ_ALOUD = "read-aloud"
    NARRATED = "narrated"
    FOLLOW = "follow"


@dataclass(frozen=True, slots=True)
class Volumes:
    """Levels 0.0-1.0 per sound channel (slider positions: even steps in dB, see
    touchstory.audio.envelope.slider_to_gain), each with its own mute switch.
    Defaults: the voice clear, the soundscape about 17 dB under it (measured in
    tests/ui/test_live_sound.py), the page chime softer still."""

    master: float = 0.9
    voice: float = 1.0
    soundscape: float = 0.85
    cues: float = 0.6
    master_muted: bool = False
    voice_muted: bool = False
    soundscape_muted: bool = False
    cues_muted: bool = False

    def effective(self, channel: str) -> float:
        """The level a channel really plays at: its own times master, 0 when muted."""
        if self.master_muted or getattr(self, f"{channel}_muted"):
            return 0.0
        return float(self.master * getattr(self, channel))


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    """What the library was showing when it was last closed. Empty values mean "any"."""

    search: str = ""
    age: int | None = None
    mood: str = ""
    length: str = ""  # "short", "medium", "long" or ""
    kind: str = ""  # a Kind value or ""
    favourites_only: bool = False

    @property
    def is_empty(self) -> bool:
        return self == LibraryFilter()


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the user can choose. Defaults suit a first evening at bedtime."""

    theme: ThemeChoice = ThemeChoice.AUTO
    bedtime_start: str = "18:30"
    bedtime_end: str = "07:00"
    text_scale: float = 1.0
    dyslexia_spacing: bool = False
    show_next_line: bool = True
    highlight_words: bool = True
    child_lock: bool = True
    key_bindings: dict[str, str] = field(default_factory=dict)  # key name -> action name
    narration: bool = False
    voice_id: str = ""
    rate_wpm: int = 125  # the named "Bedtime (slower)" speed (touchstory.speech.voices.Speed)
    pace: Pace = Pace.READ_ALOUD
    volumes: Volumes = field(default_factory=Volumes)
    soundscape_override: str = ""  # "" = the story's own soundscape
    fade_seconds: float = 20.0
    wind_down_seconds: float = 30.0
    page_chime: bool = False
    projector_screen: str = ""  # screen name; "" = the largest other screen
    last_library_filter: LibraryFilter = field(default_factory=LibraryFilter)

    def bedtime_minutes(self) -> tuple[int, int]:
        """Bedtime start and end as minutes after midnight."""
        return _minutes(self.bedtime_start), _minutes(self.bedtime_end)

    def is_bedtime(self, hour: int, minute: int) -> bool:
        """True inside the bedtime hours; the window may wrap past midnight."""
        start, end = self.bedtime_minutes()
        now = hour * 60 + minute
        if start == end:
            return False
        if start < end:
            return start <= now < end
        return now >= start or now < end


# Ranges that keep a hand-edited file from making the app unusable.
_RANGES: dict[str, tuple[float, float]] = {
    "text_scale": (0.75, 2.5),
    "rate_wpm": (60, 300),
    "fade_seconds": (5.0, 40.0),
    "wind_down_seconds": (0.0, 600.0),
}


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _read_value(name: str, default: Any, raw: Any) -> Any:
    """`raw` converted to the type of `default`; raises ValueError when it does not fit."""
    if isinstance(default, StrEnum):
        return type(default)(raw)
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        raise ValueError(name)
    if isinstance(default, (int, float)) or name in _RANGES:
        if not _is_number(raw):
            raise ValueError(name)
        low, high = _RANGES.get(name, (float("-inf"), float("inf")))
        if not low <= raw <= high:
            raise ValueError(name)
        return type(default)(raw)
    if isinstance(default, str):
        if not isinstance(raw, str) or (name.startswith("bedtime_") and not _HHMM.match(raw)):
            raise ValueError(name)
        return raw
    if isinstance(default, dict):
        if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
            raise ValueError(name)
        return dict(raw)
    raise ValueError(name)


def _read_dataclass(cls: type, raw: dict[str, Any], prefix: str = "") -> tuple[Any, list[str]]:
    """Build `cls` from a JSON object field by field; returns it and the names of
    fields whose values could not be used (they keep their defaults)."""
    defaults = cls()
    values: dict[str, Any] = {}
    bad: list[str] = []
    for f in fields(cls):
        if f.name not in raw:
            continue
        default = getattr(defaults, f.name)
        raw_value = raw[f.name]
        try:
            if isinstance(default, (Volumes, LibraryFilter)):
                if not isinstance(raw_value, dict):
                    raise ValueError(f.name)
                values[f.name], nested_bad = _read_dataclass(type(default), raw_value, f"{prefix}{f.name}.")
                bad.extend(nested_bad)
            elif cls is LibraryFilter and f.name == "age":
                if raw_value is not None and not (isinstance(raw_value, int) and not isinstance(raw_value, bool)
                                                  and 0 <= raw_value <= 18):
                    raise ValueError(f.name)
                values[f.name] = raw_value
            elif cls is Volumes and not isinstance(default, bool):
                if not _is_number(raw_value) or not 0.0 <= raw_value <= 1.0:
                    raise ValueError(f.name)
                values[f.name] = float(raw_value)
            else:
                values[f.name] = _read_value(f.name, default, raw_value)
        except (ValueError, TypeError):
            bad.append(prefix + f.name)
    return replace(defaults, **values), bad


def settings_from_json(raw: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed JSON object, and the names of fields that fell back."""
    settings, bad = _read_dataclass(Settings, raw)
    return settings, bad


def settings_to_json(settings: Settings) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, StrEnum):
            return value.value
        if isinstance(value, (Volumes, LibraryFilter)):
            return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
        if isinstance(value, dict):
            return dict(value)
        return value

    return {f.name: plain(getattr(settings, f.name)) for f in fields(settings)}


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


class Loaded(NamedTuple):
    """What `SettingsStore.load()` gives: the settings, and a notice to show the
    user once (None when all went well)."""

    settings: Settings
    notice: str | None


def move_aside(path: Path, now: float | None = None) -> Path:
    """Rename a damaged file to `<name>.broken-<YYYYmmdd-HHMMSS>` (never over an
    earlier one) and return the new path. Raises OSError if it cannot be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(time.time() if now is None else now))
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
    os.replace(path, target)
    return target


MAX_SETTINGS_BYTES = 4_000_000  # settings are a few kB; more is not a settings file


class SettingsStore:
    """Reads and writes `settings.json`. Not thread-safe; the GUI owns it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._raw: dict[str, Any] = {}  # the file as last read, to keep keys we do not know
        self._writable = True

    def load(self) -> Loaded:
        self._raw = {}
        self._writable = True
        try:
            data = read_capped(self.path, MAX_SETTINGS_BYTES, "settings file")
        except FileNotFoundError:
            return Loaded(Settings(), None)
        except OSError as exc:
            # Unreadable (permissions): keep it untouched and do not write over it.
            self._writable = False
            return Loaded(Settings(), f"Your settings file could not be read ({exc.strerror}), so the usual "
                                      f"settings are used for now and changes will not be saved. File: {self.path}")
        raw = self._decode(data)
        if raw is None:
            return Loaded(Settings(), self._set_aside())
        settings, bad = settings_from_json(raw)
        self._raw = raw
        notice = None
        if bad:
            notice = ("Some settings could not be read and are back to their usual values: "
                      + ", ".join(name.replace("_", " ") for name in bad) + ".")
        return Loaded(settings, notice)

    def peek(self) -> Settings:
        """The saved settings for a command that only reads them (`touchstory
        render`): never moves or writes anything; the usual settings when the
        file is missing or can't be read."""
        try:
            raw = self._decode(read_capped(self.path, MAX_SETTINGS_BYTES, "settings file"))
        except OSError:
            return Settings()
        return settings_from_json(raw)[0] if raw is not None else Settings()

    def save(self, settings: Settings) -> None:
        """Write the settings atomically, keeping keys this version does not know."""
        if not self._writable:
            raise SettingsError(f"settings are not saved: {self.path} could not be read or moved aside")
        new = settings_to_json(settings)
        body = {**self._raw, **new, "version": max(SETTINGS_VERSION, _int(self._raw.get("version")))}
        for name in ("volumes", "last_library_filter"):  # keep unknown keys one level down too
            old = self._raw.get(name)
            if isinstance(old, dict):
                body[name] = {**old, **new[name]}
        import json  # deferred for start-up: a first start has no file to read (see _decode)

        data = (json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        try:
            write_atomically(self.path, data)
        except OSError as exc:
            raise SettingsError(f"could not save settings to {self.path}: {exc.strerror or exc}") from exc

    @staticmethod
    def _decode(data: bytes) -> dict[str, Any] | None:
        if len(data) > MAX_SETTINGS_BYTES:
            return None
        import json  # deferred for start-up: imported only when there is a settings file to read

        try:
            raw = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            return None
        return raw if isinstance(raw, dict) else None

    def _set_aside(self) -> str:
        try:
            moved = move_aside(self.path)
        except OSError as exc:
            self._writable = False
            return (f"Your settings file could not be read and could not be moved aside ({exc.strerror}). "
                    f"The usual settings are used for now and nothing is written over it. File: {self.path}")
        return ("Your settings file was damaged, so touchstory started with its usual settings. "
                f"The old file was kept as {moved.name} in {moved.parent}.")
