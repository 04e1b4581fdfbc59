"""A short run of the checker fuzzer (tests/fuzz/fuzz_stories.py; the full run is
100,000 inputs): mutated stories and plans never crash the checker and none takes
over a second (issue 18: the fuzzer found 91 crashes in 100,000 before)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

import fuzz_stories  # noqa: E402


def test_a_few_thousand_mutated_stories_and_plans_never_crash():
    out = io.StringIO()
    done, crashes, slowest = fuzz_stories.run(2000, seed=4, budget=1.0, out=out)
    assert done == 2000
    assert not crashes, out.getvalue()
    assert slowest < 1.0, out.getvalue()


def test_the_inputs_that_crashed_before_are_in_the_mix():
    assert any(b"9" * 5000 in piece for piece in fuzz_stories.INSERTS)
    assert any(len(piece) >= 300 for piece in fuzz_stories.INSERTS)
