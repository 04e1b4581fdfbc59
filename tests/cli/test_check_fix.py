"""`touchstory check --fix`: book-style lines are rewritten, the original kept beside
the story, and what changed printed; other problems are left for the author."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BOOK = "title: Book\n# Sun\nIt's time for a massage story (The Calm)\n[The Circle] Round went the sun.\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "touchstory", *args], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).resolve().parents[2])


def test_check_without_fix_says_how_to_rewrite_and_changes_nothing(tmp_path: Path) -> None:
    story = tmp_path / "book.story"
    story.write_text(BOOK, encoding="utf-8")
    result = run("check", str(story))
    assert result.returncode == 1
    assert (f"{story}:3:1: error: the stroke goes at the start of the line, in square brackets (touchstory check "
            "--fix rewrites such lines for you); write it as: [calm] It's time for a massage story") in result.stdout
    assert story.read_text(encoding="utf-8") == BOOK and not (tmp_path / "book.story.bak").exists()


def test_check_fix_rewrites_keeps_a_backup_and_reports(tmp_path: Path) -> None:
    story = tmp_path / "book.story"
    story.write_text(BOOK + "[calm] Sleep now (quietly).\n", encoding="utf-8")
    result = run("check", "--fix", str(story))
    assert result.returncode == 0, result.stdout + result.stderr
    assert story.read_text(encoding="utf-8") == ("title: Book\n# Sun\n[calm] It's time for a massage story\n"
                                                 "[circle] Round went the sun.\n[calm] Sleep now (quietly).\n")
    assert (tmp_path / "book.story.bak").read_text(encoding="utf-8") == BOOK + "[calm] Sleep now (quietly).\n"
    assert f"{story}:3: fixed: [calm] It's time for a massage story" in result.stdout
    assert f"2 lines fixed; the original is kept as {tmp_path / 'book.story.bak'}" in result.stdout
    assert "1 story checked: 1 ready" in result.stdout
    again = run("check", "--fix", str(story))  # nothing left to fix: no second backup
    assert again.returncode == 0 and not (tmp_path / "book.story.bak2").exists()
