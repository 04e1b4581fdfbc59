"""Fixtures for story tests: the bundled packs and a helper that parses text."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from touchstory.story.packs import PackRegistry
from touchstory.story.parser import ParseResult, parse_story


@pytest.fixture(scope="session")
def packs() -> PackRegistry:
    registry = PackRegistry.default()
    assert not registry.problems
    return registry


@pytest.fixture
def parse(packs: PackRegistry, tmp_path: Path):
    def _parse(text: str, name: str = "s.story") -> ParseResult:
        return parse_story(textwrap.dedent(text).lstrip("\n"), tmp_path / name, packs)

    return _parse
