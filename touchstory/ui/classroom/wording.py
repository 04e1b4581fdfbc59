"""How the console puts the session into words: times, slides, strokes, plan steps."""

from __future__ import annotations

from touchstory.pacing.group import GroupSession
from touchstory.pacing.slides import Slide, SlideKind
from touchstory.pacing.plan import Plan, StepKind, format_seconds
from touchstory.ui.strokes.words import PRESSURE_HINT


def clock_text(seconds: float) -> str:
    """"3:07" — minutes and seconds, as a teacher glances at them."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def slide_summary(slide: Slide | None) -> str:
    """One line for the console: what a slide shows."""
    if slide is None:
        return "—"
    if slide.kind is SlideKind.STROKE and slide.stroke is not None:
        return f"Watch me: {slide.stroke.name} ({slide.number} of {slide.count})"
    if slide.kind is SlideKind.END:
        return f"End: {slide.text}"
    return slide.text


def stroke_summary(slide: Slide) -> str:
    """"Sprinkle × 3 · on the back · light touch"."""
    if slide.stroke is None:
        return "No stroke on this line" if slide.kind is SlideKind.LINE else ""
    parts = [slide.stroke.name + (f" × {slide.repeats}" if slide.repeats > 1 else "")]
    if slide.area is not None:
        parts.append(f"on the {slide.area.value}")
    if slide.pressure is not None:
        parts.append(PRESSURE_HINT[slide.pressure])
    return " · ".join(parts)


def step_name(index: int, plan: Plan, group: GroupSession) -> str:
    """"Story: The Four Seasons (again)", "Settle (1 min)"..."""
    step = plan.steps[index]
    story = group.story_for(step)
    if step.kind is StepKind.STORY and story is not None:
        return f"Story: {story.title}" + (" (again)" if step.again else "")
    if step.kind is StepKind.DEMONSTRATE and story is not None:
        return f"Watch me: strokes of {story.title}"
    if step.kind in (StepKind.SETTLE, StepKind.CLOSE) and step.seconds:
        return f"{step.kind.label} ({format_seconds(step.seconds)})"
    return step.kind.label
