"""The details at the top of a story (title, ages, mood...), pictures and
soundscape names: each checked, with a clear message when something is off."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from touchstory.story.model import (
    BUILTIN_SOUNDSCAPES, MOODS, AgeRange, Kind, Location, Metadata, Picture, Problem, Severity,
)
from touchstory.story.packs import PackRegistry, StrokePack
from touchstory.story.problems import ProblemList, closest, did_you_mean

KEYS = ("title", "author", "language", "ages", "mood", "kind", "pack", "soundscape",
        "licence", "license", "summary", "ask", "thanks")
AUDIO_SUFFIXES = (".wav", ".ogg", ".mp3", ".flac")
_DRIVE = re.compile(r"^[A-Za-z]:")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_AGES = re.compile(r"^(?P<low>\d{1,3})\s*(?:(?:-|–|to)\s*(?P<high>\d{1,3})|(?P<plus>\+|and up|and over))?\s*"
                   r"(?:(?P<unit>years?|yrs?|months?)(?: old)?)?\s*(?P<plus2>\+|and up|and over)?$")
MAX_AGE = 18
# words a parent may reach for instead of a detail's own key
_KEY_SYNONYMS = {"name": "title", "heading": "title", "story": "title", "by": "author", "writer": "author",
                 "age": "ages", "lang": "language", "sound": "soundscape", "music": "soundscape",
                 "background": "soundscape", "type": "kind", "description": "summary", "question": "ask"}
_KIND_ALIASES = {"infant routine": "routine", "infant": "routine", "baby": "routine", "nursery rhyme": "rhyme",
                 "song": "rhyme", "child led": "child-led", "childled": "child-led", "group": "classroom"}


class HeaderReader:
    """Collects `key: value` details, checking each as it comes."""

    def __init__(self, problems: ProblemList, folder: Path) -> None:
        self.problems = problems
        self.folder = folder
        self.values: dict[str, str] = {}
        self.where: dict[str, tuple[int, int]] = {}
        self.pack_checked = False
        self.pack_failed = False
        self.extra: list[tuple[str, str]] = []
        self.ages: AgeRange | None = None
        self.kind = Kind.STORY
        self.soundscape: str | None = None

    def read(self, key: str, value: str, n: int, col: int, value_col: int) -> None:
        if key == "license":
            key = "licence"
        if key not in KEYS:
            hint = f' (did you mean "{_KEY_SYNONYMS[key]}"?)' if key in _KEY_SYNONYMS else did_you_mean(key, KEYS)
            self.problems.warning(n, col, f'unknown detail "{key}"{hint}; it is ignored', len(key))
            self.extra.append((key, value))
            return
        if key in self.values:
            self.problems.warning(n, col, f'"{key}" is written twice; the first one (line '
                                  f"{self.where[key][0]}) is used", len(key))
            return
        self.values[key] = value
        self.where[key] = (n, value_col)
        check = getattr(self, f"_check_{key}", None)
        if check is not None:
            check(value, n, value_col)

    def _check_title(self, value: str, n: int, col: int) -> None:
        if not value:
            self.problems.error(n, col, "the title is empty: write the story's name after \"title:\"")

    def _check_language(self, value: str, n: int, col: int) -> None:
        if not _LANG.match(value):
            self.problems.warning(n, col, f'"{value}" is not a language tag; write one like en-GB, en-US, fr or de '
                                  "(English is used)", max(len(value), 1))

    def _check_ages(self, value: str, n: int, col: int) -> None:
        m = _AGES.match(" ".join(value.lower().split()))
        if not m or (m.group("plus") and m.group("plus2")):
            self.problems.error(n, col, f'ages "{value}" is not understood: write a range like 3-7, one age like 4, '
                                "5+ for five and over, or 0-1 for babies", max(len(value), 1))
            return
        low = int(m.group("low"))
        plus = bool(m.group("plus") or m.group("plus2"))
        high = None if plus else (int(m.group("high")) if m.group("high") else None)
        if (m.group("unit") or "").startswith("month"):  # babies: 6 months is 0-1, 18 months is 1-2
            months = high if high is not None else low
            low = low // 12
            high = None if plus else max(-(-months // 12), low + 1)
        elif high is None and not plus:
            high = low
        if max(low, high or 0) > MAX_AGE:
            self.problems.error(n, col, f'ages "{value}": write the ages of the children it suits, up to '
                                f"{MAX_AGE}, like 3-7, or 5+ for five and over", max(len(value), 1))
            return
        if high is not None and high < low:
            self.problems.error(n, col, f"ages {low}-{high} goes backwards: write the younger age first, "
                                f"like {high}-{low}", len(value))
            return
        self.ages = AgeRange(low, high)

    def _check_mood(self, value: str, n: int, col: int) -> None:
        if value.lower() not in MOODS:
            self.problems.warning(n, col, f'unknown mood "{value}"{did_you_mean(value, MOODS)}; '
                                  f"moods are {', '.join(MOODS)}", max(len(value), 1))

    def _check_kind(self, value: str, n: int, col: int) -> None:
        low = _KIND_ALIASES.get(value.lower().strip(), value.lower().strip())
        try:
            self.kind = Kind(low)
        except ValueError:
            choices = [k.value for k in Kind]
            self.problems.warning(n, col, f'unknown kind "{value}"{did_you_mean(low, choices)}; kinds are '
                                  f"{', '.join(choices)} (story is used)", max(len(value), 1))

    def _check_soundscape(self, value: str, n: int, col: int) -> None:
        self.soundscape = check_soundscape(value, n, col, self.folder, self.problems)

    def pack_name(self) -> str:
        """The pack written in `pack:`; else a baby routine uses the infant pack, anything else the story pack."""
        default = "infant" if self.kind is Kind.ROUTINE else "story"
        return self.values.get("pack", default).strip().lower() or default

    def resolve_pack(self, packs: PackRegistry) -> StrokePack | None:
        """The pack the story's lines use; reports an unknown pack once."""
        self.pack_checked = True
        name = self.pack_name()
        pack = packs.get(name)
        if pack is None:
            self.pack_failed = True
            n, col = self.where.get("pack", (1, 1))
            self.problems.error(n, col, f'unknown stroke pack "{name}"{did_you_mean(name, packs.ids())}; '
                                f"packs here: {', '.join(packs.ids()) or 'none'}", max(len(name), 1))
        return pack

    def metadata(self, path: Path) -> Metadata | None:
        title = self.values.get("title", "")
        if "title" not in self.values:
            self.problems.error(1, 1, 'the story has no title: add a line like "title: The Sleepy Sun" at the top')
        if not title:
            return None

        def optional(key: str) -> str | None:
            if key not in self.values:
                return None
            value = self.values[key]
            return "" if value.lower() == "none" else value

        language = self.values.get("language", "en-GB")
        return Metadata(
            title=title,
            author=self.values.get("author", ""),
            language=language if _LANG.match(language) else "en-GB",
            ages=self.ages,
            mood=self.values.get("mood", "").lower(),
            kind=self.kind,
            pack=self.pack_name(),
            soundscape=self.soundscape,
            licence=self.values.get("licence", ""),
            summary=self.values.get("summary", ""),
            ask=optional("ask"),
            thanks=optional("thanks"),
            extra=tuple(self.extra),
        )


@functools.lru_cache(maxsize=4096)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def safe_relative(value: str, folder: Path, example: str = "pictures/sun.svg") -> tuple[Path | None, str | None]:
    """Resolve a path written in a story inside the story's folder, or say why not;
    `example` is a file name to show in the fix (a picture, or a sound)."""
    if not value:
        return None, "no file named"
    if value.startswith(("/", "\\", "~")) or _DRIVE.match(value):
        return None, (f'"{value}" is a full path; put the file in the story\'s folder and write its name '
                      f"relative to it, like {example}")
    parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        return None, (f'"{value}" leaves the story\'s folder; copy the file into the story\'s folder '
                      f"(for example into {example.partition('/')[0]}/) and name it from there")
    root = _real(str(folder))
    target = os.path.join(root, *parts) if parts else root
    step = root
    for part in parts:  # a link on the way may point outside: then follow them all
        step = os.path.join(step, part)
        if os.path.islink(step):
            target = os.path.realpath(target)
            break
    if target != root and not target.startswith(root + os.sep):
        return None, (f'"{value}" is a link that leads outside the story\'s folder; copy the real file into '
                      "the folder instead")
    return Path(target), None


def read_picture(value: str, n: int, col: int, folder: Path, problems: ProblemList) -> Picture | None:
    source, sep, alt = value.partition("|")
    source, alt = source.strip(), alt.strip()
    path, why = safe_relative(source, folder)
    if path is None:
        problems.error(n, col, f"picture: {why}", max(len(source), 1))
        return None
    loc = Location(problems.path, n, col)
    if not alt:
        problems.warning(n, col, 'the picture has no description: add one after "|", like '
                         '"picture: sun.svg | A big yellow sun" (it is shown if the picture is missing, and read by '
                         'screen readers)',
                         len(source))
    exists = os.path.isfile(path)
    if not exists:
        near = _near_file(Path(path))
        shown = str(Path(source).with_name(near)) if near else None
        also = (f' (did you mean "{shown}"? the name must match exactly, capital letters too)' if shown else "")
        problems.warning(n, col, f'picture file "{source}" was not found next to the story{also}; a soft '
                         "placeholder with the description is shown instead", len(source), code="picture-missing",
                         hint=shown)
    else:
        _check_picture_file(path, source, n, col, problems)
    return Picture(source, path, alt, loc, exists)


def _near_file(path: Path) -> str | None:
    """A file beside `path` named the same but for capitals (`Bear.PNG` for `bear.png`),
    or else one spelt nearly the same; None when there is none."""
    try:
        names = [p.name for p in path.parent.iterdir() if p.is_file()]
    except OSError:
        return None
    by_lower = {name.lower(): name for name in names}
    near = closest(path.name.lower(), by_lower, 0.8)  # an exact match but for capitals scores 1.0
    return by_lower[near] if near else None


def _check_picture_file(path: Path, source: str, n: int, col: int, problems: ProblemList) -> None:
    """Open the picture the way the player will and pass on what it finds: about
    the whole file at the picture: line, about a place inside an SVG at the SVG's
    own line and column."""
    from touchstory.story.pictures import prepare_picture  # deferred: only stories with pictures need it

    prepared = prepare_picture(path)
    for finding in prepared.findings:
        if finding.inside:
            problems.items.append(Problem(Severity.WARNING, finding.message,
                                          Location(str(path), finding.line, finding.col), "", 1))
        else:
            shown = "" if prepared.kind else "; a soft placeholder with the description is shown instead"
            problems.warning(n, col, f'picture "{source}": {finding.message}{shown}', len(source))


def check_soundscape(value: str, n: int, col: int, folder: Path, problems: ProblemList) -> str | None:
    """A built-in soundscape name, "none", or a sound file inside the story's folder."""
    name = value.strip()
    if name.lower() in BUILTIN_SOUNDSCAPES:
        return name.lower()
    if name.lower().endswith(AUDIO_SUFFIXES):
        path, why = safe_relative(name, folder, "sounds/rain.ogg")
        if path is None:
            problems.error(n, col, f"soundscape: {why}", max(len(name), 1))
            return None
        if not os.path.isfile(path):  # never raises (a name over 255 characters is simply not there)
            problems.warning(n, col, f'sound file "{name}" was not found next to the story; '
                             "the story plays without it", len(name))
        return str(path)
    problems.warning(n, col, f'unknown soundscape "{name}"{did_you_mean(name.lower(), BUILTIN_SOUNDSCAPES)}; '
                     f"choose one of {', '.join(BUILTIN_SOUNDSCAPES)} or name a .wav/.ogg/.mp3/.flac file",
                     max(len(name), 1))
    return None
