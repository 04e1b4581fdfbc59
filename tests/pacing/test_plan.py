"""Session plans: golden problem reports (line, column, message), what a valid plan
reads as, writing it back, the saved-plans folder, and the shipped examples."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from touchstory.pacing.plan import (
    AGAIN,
    Formation,
    Plan,
    PlanStep,
    StepKind,
    default_plan,
    find_story,
    load_plan,
    parse_duration,
    parse_plan,
    story_names,
)
from touchstory.pacing.plan_store import PlanStore, format_plan, slug
from touchstory.resources import bundled_stories_dir
from touchstory.story.parser import read_story

STORY = "title: Rain\n[calm] Hello.\n[sprinkle x3] Rain falls.\n[circle] Sun.\n"
BROKEN_STORY = "title: Bad\n[cirlce] Round.\n[calm] ok\n[wlak] Walk.\n"


@pytest.fixture
def roots(tmp_path: Path) -> list[Path]:
    """A stories folder with two stories by folder name and one broken one."""
    root = tmp_path / "stories"
    for name, text in (("rain-song", STORY), ("sun-song", STORY.replace("Rain", "Sun")), ("bad-one", BROKEN_STORY)):
        (root / name).mkdir(parents=True)
        (root / name / f"{name}.story").write_text(text, encoding="utf-8")
    return [root]


@pytest.fixture
def plan_text(packs, roots, tmp_path):
    def _parse(text: str):
        return parse_plan(textwrap.dedent(text).lstrip("\n"), tmp_path / "p.plan", packs, roots)

    return _parse


# (plan text, (line, col, severity, message start))
CASES = [
    ("formation: pairs\npermission\nstory: rain-song\n",
     (1, 1, "error", 'the plan has no title: add a line like "title: After lunch in a circle"')),
    ("title:\npermission\nstory: rain-song\n", (1, 7, "error", "the title is empty")),
    ("title: T\nformation: cirkle\npermission\nstory: rain-song\n",
     (2, 12, "error", 'unknown formation "cirkle" (did you mean "circle"?): write pairs, line or circle')),
    ("title: T\nformation: circle\nround: 5s\npermission\nstory: rain-song\n",
     (3, 8, "error", 'round "5s" must be a time from 10 s to 10 min')),
    ("title: T\nformation: line\nround: soon\npermission\nstory: rain-song\n",
     (3, 8, "error", 'round "soon" must be a time')),
    ("title: T\nround: 45s\npermission\nstory: rain-song\n",
     (2, 8, "warning", 'the round timer is for a line or a circle; with "formation: pairs" it stays off')),
    ("title: T\nsetle\npermission\nstory: rain-song\n",
     (2, 1, "error", 'unknown step "setle" (did you mean "settle"?)')),
    ("title: T\npermission\nstory rain-song\n",
     (3, 6, "error", 'write a colon after "story", like "story: rain-song"')),
    ("title: T\npermission\nSit down quietly please\nstory: rain-song\n",
     (3, 1, "error", "this line is not a step: write one step per line")),
    ("title: T\npermission\nstory: rain-son\n",
     (3, 8, "error", 'no story called "rain-son" (did you mean "rain-song"?)')),
    ("title: T\npermission\nstory: missing/thing.story\n",
     (3, 8, "error", 'story file "missing/thing.story" was not found')),
    ("title: T\npermission\nstory:\n", (3, 7, "error", 'which story? write its name after "story:"')),
    ("title: T\npermission\nstory: again\nstory: rain-song\n",
     (3, 8, "error", "there is no story above to do again")),
    ("title: T\npermission\nstory: bad-one\n",
     (3, 8, "error", 'the story "bad-one" has 2 errors; open it in touchstory or run "touchstory check')),
    ("title: T\nsettle: 2 hours\npermission\nstory: rain-song\n",
     (2, 9, "error", '"2 hours" is not a time from 5 s to 15 min')),
    ("title: T\nclose: 1s\npermission\nstory: rain-song\n",
     (2, 8, "error", '"1s" is not a time from 5 s to 15 min')),
    ("title: T\nsettle\nthanks\n", (3, 1, "error", 'the plan has no story step yet')),
    ("title: T\ndemonstrate\nsettle\n", (2, 1, "error", "there is no story to demonstrate")),
    ("title: T\nstory: rain-song\n", (2, 1, "warning", 'children ask first: add a "permission" step before')),
    ("title: T\npermission\nstory: rain-song\nswap\nstory: again\n",
     (5, 1, "warning", 'children ask first: add a "permission" step before this story')),
    ("title: T\ntitle: U\npermission\nstory: rain-song\n",
     (2, 1, "warning", '"title" is written twice; the first one (line 1) is used')),
    ("title: T\npermission\nstory: rain-song\nformation: line\n",
     (4, 1, "warning", '"formation:" belongs at the top of the plan, before the first step')),
    ("title: T\npermission\nstory: rain-song | with feeling\n",
     (3, 18, "warning", 'the words after "|" are not used for a story step')),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[1][3][:40] for c in CASES])
def test_problem_is_reported_at_its_line_and_column(plan_text, text, expected):
    result = plan_text(text)
    line, col, severity, start = expected
    found = [(p.loc.line, p.loc.col, p.severity.value, p.message) for p in result.problems]
    assert any(f[:3] == (line, col, severity) and f[3].startswith(start) for f in found), found
    assert result.ok == (severity == "warning")


def test_problems_come_with_the_source_line_and_a_caret(plan_text):
    result = plan_text("title: T\npermission\nstory: rain-son\n")
    assert result.problems[0].format() == (
        f'{result.path}:3:8: error: no story called "rain-son" (did you mean "rain-song"?): write the name of '
        "a story's folder, or a path to a .story file\n  story: rain-son\n         ^^^^^^^^")


@pytest.mark.parametrize("word", ["watch", "demonstrate", "  watch"])
def test_the_caret_underlines_the_step_word_as_written(plan_text, word):
    result = plan_text(f"title: T\n{word}\nsettle\n")
    problem = next(p for p in result.problems if p.message.startswith("there is no story to demonstrate"))
    assert problem.format().endswith(f"\n  {word}\n  {' ' * (len(word) - len(word.lstrip()))}"
                                     f"{'^' * len(word.strip())}")


def test_every_problem_is_reported_at_once(plan_text):
    result = plan_text("title: T\nformation: cirkle\nsetle\npermission\nstory: rain-son\nstory: again\n")
    assert [(p.loc.line, p.severity.value) for p in result.problems] == [
        (2, "error"), (3, "error"), (5, "error"), (6, "error")]


def test_a_valid_plan_reads_as_its_steps(plan_text, roots):
    result = plan_text("""
        // a comment
        title: After lunch
        author: Class 2
        formation: circle
        round: 1.5 min
        chime: off

        note: dim the lights
        settle: 1 min | Find your space.
        watch
        ask: Ask the person in front: the rain story?
        story: rain-song
        thank-you
        swap
        permission
        story: again
        thanks
        calm: Lie down like a starfish.
        """)
    assert result.ok, [p.format() for p in result.problems]
    plan = result.plan
    assert (plan.title, plan.author, plan.formation, plan.round_seconds, plan.chime) == (
        "After lunch", "Class 2", Formation.CIRCLE, 90.0, False)
    assert plan.uses_rounds
    rain = roots[0] / "rain-song" / "rain-song.story"
    assert [s.kind for s in plan.steps] == [
        StepKind.SETTLE, StepKind.DEMONSTRATE, StepKind.PERMISSION, StepKind.STORY, StepKind.THANKS,
        StepKind.SWAP, StepKind.PERMISSION, StepKind.STORY, StepKind.THANKS, StepKind.CLOSE]
    settle, watch, ask, story = plan.steps[:4]
    assert (settle.seconds, settle.words, settle.notes) == (60.0, "Find your space.", ("dim the lights",))
    assert watch.story == rain and watch.source == ""  # "the story that comes next"
    assert ask.words == "Ask the person in front: the rain story?"
    assert story.story == rain and story.source == "rain-song"
    assert plan.steps[7].again and plan.steps[7].story == rain
    assert plan.steps[-1].words == "Lie down like a starfish." and plan.steps[-1].seconds is None
    assert set(result.stories) == {rain} and result.stories[rain].title == "Rain"
    assert plan.story_paths() == (rain,)


def test_a_story_by_path_from_the_plans_folder(plan_text, tmp_path):
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / "autumn.story").write_text(STORY, encoding="utf-8")
    result = plan_text("title: T\npermission\nstory: ours/autumn.story\n")
    assert result.ok and result.plan.steps[1].story == tmp_path / "ours" / "autumn.story"


def test_notes_after_the_last_step_belong_to_it(plan_text):
    result = plan_text("title: T\npermission\nstory: rain-song\nnote: well done\n")
    assert result.plan.steps[-1].notes == ("well done",)


@pytest.mark.parametrize("text, seconds", [("45s", 45), ("45 s", 45), ("90", 90), ("2 min", 120), ("1.5m", 90),
                                            ("2 minutes", 120), ("10 secs", 10), ("soon", None), ("2 hours", None)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("data, message", [
    (b"", "the plan is empty"), (b"\x00\x01PNG", "this is not a text file"),
    (b"title: T\n\xff\xfe bad\n", "the file is not UTF-8 text"), (b"x" * 1_000_001, "the file is over 1 MB"),
])
def test_files_that_are_not_plans(packs, tmp_path, data, message):
    path = tmp_path / "x.plan"
    path.write_bytes(data)
    result = load_plan(path, packs)
    assert not result.ok and result.problems[0].message.startswith(message)


def test_an_unreadable_file_is_a_problem_not_a_crash(packs, tmp_path):
    result = load_plan(tmp_path / "nothing.plan", packs)
    assert not result.ok and result.problems[0].message.startswith("cannot read the plan")


def _same(a: Plan, b: Plan) -> None:
    assert (a.title, a.formation, a.round_seconds, a.chime, a.author, a.summary) == (
        b.title, b.formation, b.round_seconds, b.chime, b.author, b.summary)
    assert [(s.kind, s.words, s.seconds, s.story, s.again, s.notes) for s in a.steps] == [
        (s.kind, s.words, s.seconds, s.story, s.again, s.notes) for s in b.steps]


def test_a_plan_written_out_reads_back_the_same(plan_text, packs, roots, tmp_path):
    original = plan_text("""
        title: Round trip
        summary: All the steps.
        formation: line
        round: 2 min
        chime: off
        note: one
        note: two
        settle: 30s | 3 deep breaths
        demonstrate: sun-song
        permission
        story: rain-song
        thanks: Thank you, friends.
        swap
        permission
        story: again
        close: 2 min
        """).plan
    text = format_plan(original, roots)
    assert "story: rain-song" in text and "settle: 30s | 3 deep breaths" in text
    again = parse_plan(text, tmp_path / "p.plan", packs, roots)
    assert again.ok, [p.format() for p in again.problems]
    _same(again.plan, original)


def test_the_usual_plan_for_one_story(packs, roots):
    story = read_story(roots[0] / "rain-song" / "rain-song.story", packs)
    plan = default_plan(story, Formation.CIRCLE, 45)
    assert [s.kind.value for s in plan.steps] == [
        "settle", "demonstrate", "permission", "story", "thanks", "swap", "permission", "story", "thanks", "close"]
    assert plan.title == "Rain" and plan.uses_rounds and plan.steps[7].source == AGAIN
    assert "story: rain-song" in format_plan(plan, roots) and "story: again" in format_plan(plan, roots)


def test_saved_plans_are_listed_by_title_and_reopen(packs, roots, tmp_path):
    store = PlanStore(tmp_path / "plans")
    assert store.list() == []
    story = read_story(roots[0] / "rain-song" / "rain-song.story", packs)
    first = store.save(default_plan(story), "Monday calm!", roots)
    second = store.save(default_plan(story, Formation.LINE, 60.0), None, roots)
    assert first.name == "monday-calm.plan" and second.name == "rain.plan"
    assert [(s.name, s.title) for s in store.list()] == [("monday-calm", "Rain"), ("rain", "Rain")]
    reopened = store.open("rain", packs, roots)
    assert reopened.ok and reopened.plan.formation is Formation.LINE and reopened.plan.round_seconds == 60.0
    # saving again replaces the file in one step and leaves no temporary files behind
    store.save(default_plan(story, Formation.CIRCLE), "rain", roots)
    assert store.open("rain", packs, roots).plan.formation is Formation.CIRCLE
    assert sorted(os.listdir(tmp_path / "plans")) == ["monday-calm.plan", "rain.plan"]


def test_a_failed_save_keeps_the_old_plan(packs, roots, tmp_path, monkeypatch):
    store = PlanStore(tmp_path / "plans")
    story = read_story(roots[0] / "rain-song" / "rain-song.story", packs)
    path = store.save(default_plan(story), "keep", roots)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        store.save(default_plan(story, Formation.LINE), "keep", roots)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path / "plans")) == ["keep.plan"]


def test_slugs():
    assert slug("After lunch, in a circle!") == "after-lunch-in-a-circle"
    assert slug("***") == "plan"


def test_stories_are_found_by_folder_name(roots):
    assert find_story("rain-song", roots) == roots[0] / "rain-song" / "rain-song.story"
    assert find_story("rain-song.story", roots) == roots[0] / "rain-song" / "rain-song.story"
    assert find_story("nope", roots) is None
    assert story_names(roots) == ["bad-one", "rain-song", "sun-song"]


EXAMPLES = sorted((bundled_stories_dir() / "plans").glob("*.plan"))


def test_there_are_example_plans():
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_plans_are_clean(packs, path):
    result = load_plan(path, packs, [bundled_stories_dir()])
    assert result.ok and not result.problems, "\n".join(p.format() for p in result.problems)
    assert any(s.kind is StepKind.STORY for s in result.plan.steps)
    # every story is asked for first
    kinds = [s.kind for s in result.plan.steps]
    for i, kind in enumerate(kinds):
        if kind is StepKind.STORY:
            assert StepKind.PERMISSION in kinds[:i]


def test_plan_steps_are_plain_data():
    step = PlanStep(StepKind.SETTLE, "Sit.", 30.0)
    assert not step.again and step.story is None
