"""Saved classroom plans: a plan written back as text that `parse_plan` reads to
the same plan, and the folder of saved plans (list, save atomically, open)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from touchstory.files import read_capped, write_atomically
from touchstory.pacing.plan import (
    AGAIN,
    PLAN_SUFFIX,
    STORY_KINDS,
    TIMED_KINDS,
    Plan,
    PlanResult,
    StepKind,
    format_seconds,
    load_plan,
    story_source,
)
from touchstory.story.packs import PackRegistry


def format_plan(plan: Plan, roots: Sequence[Path] = ()) -> str:
    """The plan as text that `parse_plan` reads back to the same plan."""
    out = [f"title: {plan.title}"]
    out += [f"author: {plan.author}"] * bool(plan.author) + [f"summary: {plan.summary}"] * bool(plan.summary)
    out.append(f"formation: {plan.formation.value}")
    if plan.round_seconds is not None:
        out.append(f"round: {format_seconds(plan.round_seconds)}")
    if not plan.chime:
        out.append("chime: off")
    out.append("")
    for step in plan.steps:
        out += [f"note: {note}" for note in step.notes]
        value = ""
        if step.kind is StepKind.DEMONSTRATE and not step.source:
            value = ""  # "the story that comes next", as written
        elif step.kind in STORY_KINDS and step.story is not None:
            value = AGAIN if step.again else story_source(step.story, roots)
        elif step.seconds is not None:
            value = format_seconds(step.seconds) + (f" | {step.words}" if step.words else "")
        elif step.words:
            value = f"| {step.words}" if step.kind in TIMED_KINDS and step.words[:1].isdigit() else step.words
        out.append(f"{step.kind.value}: {value}" if value else step.kind.value)
    return "\n".join(out) + "\n"


def slug(name: str) -> str:
    """A file name from a plan's title: 'After lunch!' -> 'after-lunch'."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return cleaned[:60].strip("-") or "plan"


@dataclass(frozen=True, slots=True)
class SavedPlan:
    name: str  # the file name without .plan
    title: str
    path: Path


class PlanStore:
    """The saved plans folder (UserPaths.plans): list, save atomically, open."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def list(self) -> list[SavedPlan]:
        if not self.folder.is_dir():
            return []
        found = [SavedPlan(p.stem, _title_of(p) or p.stem, p) for p in self.folder.glob(f"*{PLAN_SUFFIX}")]
        return sorted(found, key=lambda s: (s.title.lower(), s.name))

    def path_for(self, name: str) -> Path:
        return self.folder / f"{slug(name)}{PLAN_SUFFIX}"

    def save(self, plan: Plan, name: str | None = None, roots: Sequence[Path] = ()) -> Path:
        """Write the plan as `<name>.plan` (from the title if no name); a crash leaves
        the old file or the new one, never half of each."""
        path = self.path_for(name or plan.title)
        write_atomically(path, format_plan(plan, roots).encode("utf-8"))
        return path

    def open(self, name: str, packs: PackRegistry, roots: Sequence[Path] = ()) -> PlanResult:
        return load_plan(self.path_for(name), packs, roots)


def _title_of(path: Path) -> str:
    try:  # the title is in the first lines: 64 kB is plenty, and a pipe is never opened
        head = read_capped(path, 64_000, "plan file").decode("utf-8", errors="replace")
    except OSError:
        return ""
    for raw in head.splitlines()[:40]:
        key, colon, value = raw.partition(":")
        if colon and key.strip().lower() == "title":
            return value.strip()
    return ""
