"""Classroom mode: a projector window and a teacher's console driven by one
clicker through a session plan (touchstory.pacing.plan / .group).

app.py calls `open_classroom(...)`; see its docstring for what it needs."""

from __future__ import annotations

from pathlib import Path
from touchstory.journal.settings import Settings

from touchstory.pacing.clock import Clock
from touchstory.pacing.plan_store import PlanStore
from touchstory.pacing.session import Mode
from touchstory.paths import UserPaths
from touchstory.story.packs import PackRegistry
from touchstory.ui.classroom.controller import ClassroomController, CueMixer
from touchstory.ui.player.hooks import Narrator
from touchstory.pacing.group_loading import build_group, load_target, story_roots
from touchstory.ui.theme import Theme, theme_for_now


def open_classroom(target: Path | None, *, packs: PackRegistry, settings: Settings, paths: UserPaths, clock: Clock,
                   mixer: CueMixer | None = None, narrator: Narrator | None = None,
                   theme: Theme | None = None, show: bool = True) -> ClassroomController:
    """Open the projector window and the teacher's console for `target`: a `.plan`
    file, a `.story` file (or its folder) with the usual plan around it, or None
    (a bundled classroom story). Raises `touchstory.errors.StoryError` listing
    every problem when the plan or story has errors (show them in the problems
    view). Needs a QApplication. Keep the returned controller alive; connect
    `settings_changed(settings)` to save settings (the projector screen is
    remembered as `settings.projector_screen`), `closed()` and `finished(reason)`.
    `mixer` plays the round timer's chime (`play_cue()`) and fades on close
    (`stop_gently()`); `narrator.speak(token, text)` reads story lines in narrated
    mode and must call `controller.speech_finished(token)` when the audio ends."""
    roots = story_roots(paths)
    group = build_group(target, packs, roots, clock, mode=Mode.READ_ALOUD, narration_available=narrator is not None)
    controller = ClassroomController(group, packs=packs, settings=settings, theme=theme or theme_for_now(settings),
                                     clock=clock, plans=PlanStore(paths.plans), story_roots=roots, mixer=mixer,
                                     narrator=narrator)
    if show:
        controller.show()
    return controller


__all__ = ["ClassroomController", "build_group", "load_target", "open_classroom", "story_roots"]
