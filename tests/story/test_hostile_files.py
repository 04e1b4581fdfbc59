"""Files an attacker (or an unlucky user) puts where a story, a plan or a setting
is expected: pipes, devices, huge sparse files, names over 255 characters, absurd
numbers. Each gives a message naming the file, never a hang, a MemoryError or a
traceback (issue 18 items 2, 3 and 7)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from touchstory.files import RefusedFile, read_capped
from touchstory.journal.settings import SettingsStore
from touchstory.pacing.plan import load_plan, parse_plan
from touchstory.story import library
from touchstory.story.library import scan_library
from touchstory.story.parser import load_story, parse_story

GOOD = "title: Good\n[calm] Once upon a time.\n"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


@needs_fifo
def test_a_story_that_is_a_pipe_is_refused_at_once(tmp_path, packs):
    fifo = tmp_path / "pipe.story"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = load_story(fifo, packs)  # the old code waited for ever for a writer
    assert time.monotonic() - started < 2
    [problem] = result.problems
    assert (problem.loc.path, problem.loc.line, problem.loc.col) == (str(fifo), 1, 1)
    assert "pipe (FIFO), not an ordinary file" in problem.message


def test_a_link_to_dev_zero_is_refused_without_reading(tmp_path, packs):
    link = tmp_path / "zero.story"
    link.symlink_to("/dev/zero")
    [problem] = load_story(link, packs).problems
    assert "is a device, not an ordinary file" in problem.message


def test_a_huge_sparse_story_reads_only_past_the_limit(tmp_path, packs, monkeypatch):
    big = tmp_path / "big.story"
    with big.open("wb") as f:
        f.truncate(3_000_000_000)
    read: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    [problem] = load_story(big, packs).problems
    assert sum(read) <= 1_000_001  # at most the limit + 1 byte, not 3 GB
    assert "a story must be under 1 MB" in problem.message


@needs_fifo
def test_read_capped_refuses_pipes_folders_and_reads_at_most_limit_plus_one(tmp_path):
    os.mkfifo(tmp_path / "p")
    with pytest.raises(RefusedFile, match="pipe"):
        read_capped(tmp_path / "p", 10)
    with pytest.raises(RefusedFile, match="a folder"):
        read_capped(tmp_path, 10)
    (tmp_path / "f").write_bytes(b"x" * 100)
    assert read_capped(tmp_path / "f", 10) == b"x" * 11


@needs_fifo
def test_a_plan_and_its_story_step_on_pipes_do_not_hang(tmp_path, packs):
    os.mkfifo(tmp_path / "p.plan")
    [problem] = load_plan(tmp_path / "p.plan", packs).problems
    assert "pipe (FIFO)" in problem.message
    folder = tmp_path / "stories" / "trap"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "trap.story")
    started = time.monotonic()  # the old code waited here for ever
    result = parse_plan("title: P\nstory: trap\n", tmp_path / "x.plan", packs, [tmp_path / "stories"])
    assert time.monotonic() - started < 2
    [error] = [p for p in result.problems if p.is_error]
    assert (error.loc.line, error.loc.col) == (2, 8) and "trap" in error.message


@needs_fifo
def test_a_settings_file_that_is_a_pipe_is_not_waited_for(tmp_path):
    os.mkfifo(tmp_path / "settings.json")
    loaded = SettingsStore(tmp_path / "settings.json").load()
    assert loaded.notice and "could not be read" in loaded.notice


def test_five_thousand_digit_repeat_is_a_message(packs):
    text = "title: T\n[circle x" + "9" * 5000 + "] Round and round.\n"
    result = parse_story(text, Path("/s/t.story"), packs)
    [problem] = [p for p in result.problems if p.is_error]
    assert (problem.loc.line, problem.loc.col) == (2, 9)
    assert problem.message.startswith('repeat count "x999')
    assert problem.message.endswith("must be from x1 to x20")


def test_names_over_255_characters_are_messages(tmp_path, packs):
    long = "a" * 300
    story = parse_story(f"title: T\nsoundscape: {long}.ogg\n[calm] Hi.\n", tmp_path / "t.story", packs)
    [problem] = story.problems
    assert (problem.loc.line, problem.loc.col) == (2, 13)
    assert "was not found next to the story" in problem.message
    plan = parse_plan(f"title: P\nstory: {long}\n", tmp_path / "x.plan", packs, [tmp_path])
    [problem] = [p for p in plan.problems if p.is_error]
    assert (problem.loc.line, problem.loc.col) == (2, 8)
    assert problem.message.startswith(f'no story called "{long}"')


def test_one_unreadable_story_costs_only_itself(tmp_path, packs, monkeypatch):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.story").write_text(GOOD.replace("Good", name.upper()))
    real = library.load_story

    def explode(path, p):
        if path.name == "b.story":
            raise ValueError("something nobody expected")
        return real(path, p)

    monkeypatch.setattr(library, "load_story", explode)
    entries = scan_library([("mine", tmp_path)], packs)
    assert [e.title for e in entries] == ["A", "B", "C"]
    assert [e.playable for e in entries] == [True, False, True]
    [problem] = entries[1].problems
    assert problem.loc.path == str(tmp_path / "b.story")
    assert "could not be read (ValueError: something nobody expected)" in problem.message


def _refrains(size: int) -> str:
    """Many refrains and as many {refrain} calls naming none of them."""
    import random

    def word(n: int) -> str:
        r = random.Random(n)
        return "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))

    parts, total, n = ["title: Q\n"], 9, 0
    while total < size:
        chunk = f"refrain {word(n)}:\n[calm] la.\n\n{{refrain {word(n + 7777)}x}}\n"
        parts.append(chunk)
        total += len(chunk)
        n += 1
    return "".join(parts)


def _timed(text: str, packs) -> float:
    started = time.perf_counter()
    parse_story(text, Path("/s/q.story"), packs)
    return time.perf_counter() - started


def test_many_refrains_with_unknown_calls_check_in_bounded_time(packs):
    # 500 kB took 224 s; under the 1 MB limit nothing may take over a second
    assert _timed(_refrains(500_000), packs) < 1.0


def test_unknown_refrain_messages_stay_short(packs):
    result = parse_story(_refrains(60_000), Path("/s/q.story"), packs)
    last = result.problems[-1].message
    assert "and " in last and " more)" in last and len(last) < 400
