"""Shared test set-up: Qt runs offscreen unless a test opts into a real display;
user folders go to a temporary TOUCHSTORY_HOME so tests never touch real data."""

from __future__ import annotations

import gc
import os
import tempfile
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
os.environ.setdefault("TOUCHSTORY_SOUND", "off")  # the app plays silently; audio tests use their own outputs
os.environ.setdefault("TOUCHSTORY_HOME", tempfile.mkdtemp(prefix="touchstory-test-home-"))

# As in the app (touchstory/ui/collector.py): Python's cyclic collector must never
# run in the middle of Qt painting a window it is about to delete. It runs between
# tests instead (and from the app's timer in tests that build the whole app).
gc.disable()

from touchstory.story.packs import PackRegistry  # noqa: E402  (after the environment is set)
from touchstory.story.parser import ParseResult, parse_story  # noqa: E402


@pytest.fixture(scope="session")
def packs() -> PackRegistry:
    registry = PackRegistry.default()
    assert not registry.problems
    return registry


@pytest.fixture
def parse(packs: PackRegistry, tmp_path: Path):
    """Parse story text written inline (dedented) as if it were tmp_path/s.story."""

    def _parse(text: str, name: str = "s.story") -> ParseResult:
        return parse_story(textwrap.dedent(text).lstrip("\n"), tmp_path / name, packs)

    return _parse


@pytest.fixture(autouse=True)
def _collect_garbage_between_tests():
    yield
    from touchstory.ui.collector import collect_now

    collect_now()
