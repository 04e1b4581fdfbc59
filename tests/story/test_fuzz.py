"""Property tests: whatever text a parent (or a cat on the keyboard) writes, the
parser answers with a story or with problems, never with a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from touchstory.errors import StoryError
from touchstory.story.parser import parse_story, parse_story_text

SAMPLE = """title: The Windy Day
ages: 3-7
mood: calm
# The hill
picture: pictures/hill.svg | A green hill.
note: Sit behind your child.
[calm] Once upon a time.
[walk x4 back light] Up, {pause 1s} up. {tap}
refrain:
[wave] Swish, swash.

{refrain}
"""

PIECES = st.sampled_from([
    "[", "]", "{", "}", "{pause 2s}", "{tap}", "{refrain}", "refrain:", "# ", "picture: ", "|", "x2", "x0",
    "title:", "ages: ", "note:", "//", "\n", " ", "\t", "circle", "back", "firm", "..", "/", "ü", "\u200b",
    "\r", ":", "pack: infant", "[none]", "-", "+", "99",
])


def _check(text: str, packs) -> None:
    result = parse_story(text, Path("/tmp/fuzz/x.story"), packs)
    assert (result.story is None) == any(p.is_error for p in result.problems)
    for problem in result.problems:
        assert problem.loc.line >= 1 and problem.loc.col >= 1
        problem.format()
    try:
        parse_story_text(text, Path("/tmp/fuzz/x.story"), packs)
    except StoryError as exc:
        assert exc.problems


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_random_text_never_crashes(packs, text):
    _check(text, packs)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_story_like_noise_never_crashes(packs, text):
    _check(text, packs)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_story_never_crashes(packs, data):
    text = SAMPLE
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = data.draw(PIECES)
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 8)):]
        else:
            text = text[:at] + piece + text[at + len(piece):]
    _check(text, packs)
