"""Finding stories: the bundled folder, the user's folder and paths from the
command line, each summarised for the library (title, length, kind, problems)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from touchstory.story.duration import estimate_seconds
from touchstory.story.model import AgeRange, Kind, Location, Problem, Severity, Story
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import ParseResult, load_story

STORY_SUFFIX = ".story"


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """What the library shows about one story file, playable or not."""

    path: Path
    title: str
    kind: Kind | None
    ages: AgeRange | None
    mood: str
    language: str
    summary: str
    seconds: float
    strokes: tuple[str, ...]
    problems: tuple[Problem, ...]
    picture: Path | None
    source: str  # "bundled", "mine" or "opened"
    story: Story | None

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def playable(self) -> bool:
        return self.story is not None

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "kind": self.kind.value if self.kind else None,
            "ages": str(self.ages) if self.ages else None,
            "mood": self.mood,
            "language": self.language,
            "summary": self.summary,
            "seconds": round(self.seconds, 1),
            "strokes": list(self.strokes),
            "errors": self.errors,
            "warnings": self.warnings,
            "path": str(self.path),
            "source": self.source,
        }


def find_story_files(paths: Iterable[Path], seen: set[str] | None = None) -> Iterator[Path]:
    """Every .story file named or found below the given folders, each once (also
    across calls sharing `seen`), sorted per folder; hidden folders are skipped."""
    seen = set() if seen is None else seen
    for path in paths:
        if os.path.isdir(path):  # never raises (a name over 255 characters is not a folder)
            found: list[Path] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root, f) for f in files if f.endswith(STORY_SUFFIX) and not f.startswith("."))
            candidates: Iterable[Path] = sorted(found)
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.abspath(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate


def summarise(result: ParseResult, packs: PackRegistry | None, source: str) -> StoryEntry:
    story = result.story
    if story is None or packs is None:
        title = result.title or result.path.stem.replace("-", " ").replace("_", " ").title()
        return StoryEntry(result.path, title, None, None, "", "", "", 0.0, (), result.problems, None, source, None)
    picture = story.first_picture()
    return StoryEntry(
        path=result.path,
        title=story.title,
        kind=story.meta.kind,
        ages=story.meta.ages,
        mood=story.meta.mood,
        language=story.meta.language,
        summary=story.meta.summary,
        seconds=estimate_seconds(story, packs.get(story.meta.pack)),
        strokes=story.strokes_used(),
        problems=result.problems,
        picture=picture.path if picture and picture.exists else None,
        source=source,
        story=story,
    )


def scan_library(sources: Iterable[tuple[str, Path]], packs: PackRegistry) -> list[StoryEntry]:
    """Summaries of every story under each (source name, path), in order found."""
    entries: list[StoryEntry] = []
    seen: set[str] = set()  # a story in two sources (bundled, and named again) shows once
    for source, root in sources:
        try:
            for path in find_story_files([root], seen):
                entries.append(read_entry(path, packs, source))
        except OSError as exc:  # a folder that cannot be listed costs only its own stories
            entries.append(_broken(root, source, f"cannot list the folder ({exc.strerror or exc})"))
    return entries


def read_entry(path: Path, packs: PackRegistry, source: str) -> StoryEntry:
    """One story's summary; a story that cannot be read, whatever the reason,
    costs only itself: it is listed under "needs fixing" with its message."""
    try:
        return summarise(load_story(path, packs), packs, source)
    except Exception as exc:  # noqa: BLE001  (one bad file must never empty the library)
        return _broken(path, source, f"this story could not be read ({type(exc).__name__}: {exc}); "
                                     "check the file, or send it to touchstory's makers")


def _broken(path: Path, source: str, message: str) -> StoryEntry:
    problem = Problem(Severity.ERROR, message, Location(str(path), 1, 1))
    return summarise(ParseResult(path, None, (problem,)), None, source)
