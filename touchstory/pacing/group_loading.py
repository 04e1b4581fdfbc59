"""Turning what the teacher opened (a plan, a story, a story's folder, or nothing)
into a ready GroupSession, or a StoryError listing every problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from touchstory.errors import StoryError
from touchstory.pacing.clock import Clock
from touchstory.pacing.group import GroupSession
from touchstory.pacing.plan import PLAN_SUFFIX, PlanResult, default_plan, load_plan
from touchstory.pacing.story_finder import STORY_SUFFIX, find_story, story_names
from touchstory.pacing.session import Mode
from touchstory.paths import UserPaths
from touchstory.resources import bundled_stories_dir
from touchstory.story.model import Kind
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import load_story

FIRST_CHOICE = "the-four-seasons"  # a classroom story that suits pairs and circles


def story_roots(paths: UserPaths) -> list[Path]:
    """Where plans find stories by name: the teacher's own first, then the bundled ones."""
    return [paths.stories, bundled_stories_dir()]


def load_target(target: Path | None, packs: PackRegistry, roots: Sequence[Path]) -> PlanResult:
    """The plan for `target`; a story (or its folder) gets the usual plan around it."""
    if target is None:
        target = _default_story(packs, roots)
        if target is None:
            raise StoryError([], "there are no stories to use in the classroom")
    if target.is_dir():
        found = find_story(target.name, [target.parent])
        target = found or target
    if target.suffix.lower() == PLAN_SUFFIX:
        return load_plan(target, packs, roots)
    result = load_story(target, packs)
    if result.story is None:
        return PlanResult(target, None, result.problems)
    return PlanResult(target, default_plan(result.story), result.problems, {result.story.path: result.story})


def build_group(target: Path | None, packs: PackRegistry, roots: Sequence[Path], clock: Clock, *,
                mode: Mode = Mode.READ_ALOUD, narration_available: bool = False) -> GroupSession:
    """A group session for `target`; raises StoryError (with every problem) when the
    plan or story has errors."""
    result = load_target(target, packs, roots)
    if result.plan is None:
        suffix = target.suffix if target is not None else STORY_SUFFIX
        raise StoryError(list(result.problems), f"the {'plan' if suffix == PLAN_SUFFIX else 'story'} has errors:\n"
                         + "\n".join(p.format() for p in result.errors))
    return GroupSession(result.plan, result.stories, packs, clock, mode=mode,
                        narration_available=narration_available)


def _default_story(packs: PackRegistry, roots: Sequence[Path]) -> Path | None:
    names = story_names(roots)
    ordered = ([FIRST_CHOICE] if FIRST_CHOICE in names else []) + [n for n in names if n != FIRST_CHOICE]
    first = None
    for name in ordered:
        path = find_story(name, roots)
        if path is None:
            continue
        result = load_story(path, packs)
        if result.story is None:
            continue
        if result.story.meta.kind is Kind.CLASSROOM:
            return path
        first = first or path
    return first
