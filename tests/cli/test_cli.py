"""The `touchstory` command as a user runs it: exit codes and what it prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = "title: Good\nages: 3-7\nmood: calm\n[circle x2] The sun went round.\n[calm] The end.\n"


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "touchstory", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=60)


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    (tmp_path / "good.story").write_text(GOOD)
    (tmp_path / "warn.story").write_text("title: W\nmod: calm\n[calm] Hi.\n")
    (tmp_path / "bad.story").write_text("title: Bad\n[cirlce x2] The sun.\n")
    return tmp_path


def test_check_clean_file_exits_0(stories):
    result = run("check", str(stories / "good.story"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 story checked: 1 ready, 0 errors, 0 warnings" in result.stdout


def test_check_errors_exit_1_with_place_and_caret(stories):
    result = run("check", str(stories / "bad.story"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f'{stories / "bad.story"}:2:2: error: unknown stroke "cirlce" in the "story" pack ' \
                       '(did you mean "circle"?)'
    assert lines[1] == "  [cirlce x2] The sun."
    assert lines[2] == "   ^^^^^^"


def test_check_warnings_pass_unless_strict(stories):
    assert run("check", str(stories / "warn.story")).returncode == 0
    strict = run("check", "--strict", str(stories / "warn.story"))
    assert strict.returncode == 1 and "(--strict: warnings count)" in strict.stdout


def test_check_a_folder_and_json(stories):
    result = run("check", "--json", str(stories))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert {Path(d["path"]).name: d["ok"] for d in data} == {"bad.story": False, "good.story": True,
                                                            "warn.story": True}
    bad = next(d for d in data if d["path"].endswith("bad.story"))
    assert bad["problems"][0]["line"] == 2 and bad["problems"][0]["col"] == 2


def test_check_bad_usage_exits_2(stories):
    assert run("check").returncode == 2
    missing = run("check", str(stories / "nothere.story"))
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    empty = stories / "empty"
    empty.mkdir()
    assert run("check", str(empty)).returncode == 2


def test_check_bundled_stories_strict():
    result = run("check", "--strict", str(ROOT / "stories"))
    assert result.returncode == 0, result.stdout[-3000:]


def test_list_shows_every_column(stories):
    result = run("list", str(stories))
    assert result.returncode == 0
    header = result.stdout.splitlines()[0].split()
    assert header == ["TITLE", "KIND", "AGES", "MOOD", "LANG", "LENGTH", "STROKES", "PROBLEMS", "PATH"]
    good = next(line for line in result.stdout.splitlines() if line.startswith("Good "))
    assert "story" in good and "3-7" in good and "calm" in good and "circle,calm" in good
    assert "Bad " in result.stdout and "1E 0W" in result.stdout


def test_list_json(stories):
    data = json.loads(run("list", "--json", str(stories)).stdout)
    good = next(d for d in data if d["title"] == "Good")
    assert good["strokes"] == ["circle", "calm"] and good["ages"] == "3-7" and good["seconds"] > 6
    assert sum(1 for d in data if d["source"] == "bundled") >= 3


def test_help_texts():
    result = run("--help")
    assert result.returncode == 0
    for command in ("play", "classroom", "check", "list", "strokes", "render", "paths"):
        assert command in result.stdout
    for command in ("check", "list", "play", "render"):
        sub = run(command, "--help")
        assert sub.returncode == 0 and "usage: touchstory " + command in sub.stdout


def test_unknown_option_exits_2():
    result = run("check", "--nope", "x")
    assert result.returncode == 2 and "touchstory --help" in result.stderr


def test_no_screen_is_explained_not_a_crash():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "touchstory"], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 3
    assert "there is no screen" in result.stderr and "xvfb-run" in result.stderr


def test_strokes_lists_both_packs():
    result = run("strokes")
    assert result.returncode == 0
    assert "[circle] Circle" in result.stdout and "[tummy-clock] Tummy clock" in result.stdout


def test_the_installed_command_exists():
    exe = Path(sys.executable).with_name("touchstory")
    assert exe.exists(), "pip install should create the touchstory command"
    assert subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60).stdout.startswith(
        "touchstory ")


def test_check_reads_classroom_plans(tmp_path: Path):
    plan = tmp_path / "class.plan"
    plan.write_text("title: P\nstory: nope\n")
    result = run("check", str(plan))
    assert result.returncode == 1
    assert result.stdout.startswith(f'{plan}:2:8: error: no story called "nope"')
    bundled = run("check", "--strict", str(ROOT / "stories" / "plans"))
    assert bundled.returncode == 0 and "3 files checked: 3 ready" in bundled.stdout


def test_plain_start_skips_the_parser_but_means_the_same():
    """`touchstory` / `touchstory library` start without building argparse (start-up
    time); the arguments they get must be what the parser would have made."""
    import argparse

    from touchstory.cli.main import build_parser

    fast = argparse.Namespace(command="library", paths=[])
    assert build_parser().parse_args(["library"]) == fast
    assert build_parser("library").parse_args(["library"]) == fast


def test_from_the_quick_start_the_no_screen_advice_names_commands_that_work():
    """`bash touchstory/setup.sh run` on a server: the advice must name commands
    that work there (the venv's touchstory is not on the PATH)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(TOUCHSTORY_RUN_COMMAND="bash touchstory/setup.sh run", TOUCHSTORY_COMMAND="/x/.venv/bin/touchstory")
    result = subprocess.run([sys.executable, "-m", "touchstory"], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 3
    assert "xvfb-run -a bash touchstory/setup.sh run" in result.stderr
    assert "/x/.venv/bin/touchstory check stories/" in result.stderr


@pytest.mark.slow
def test_render_names_the_voice_of_the_storys_language(tmp_path: Path) -> None:
    """Issue 19 item 3: a French story is read by espeak's French voice, and
    the command says which voice spoke."""
    from touchstory.speech.engine import espeak_library_present
    if not espeak_library_present():
        pytest.skip("espeak-ng is not installed")
    story = tmp_path / "lune.story"
    story.write_text("title: Lune\nlanguage: fr-FR\nages: 3-7\nmood: calm\n[calm] Bonne nuit, la lune.\n",
                     encoding="utf-8")
    out = tmp_path / "lune.wav"
    result = run("render", str(story), "--out", str(out), "--soundscape", "none",
                 env={"TOUCHSTORY_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert "with narration in the voice roa/fr+aunty" in result.stdout
    assert out.stat().st_size > 10_000
