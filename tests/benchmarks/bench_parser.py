"""Benchmark: parse + lint a 1,000-line story (budget 50 ms) and scan a library of
1,000 stories (budget 1 s). Baselines measured in the same run: reading the same
bytes and splitting them into lines (the least any parser must do).

The budget is judged on the best of several runs: on a shared machine other work
only ever adds time, so the minimum is the figure that belongs to our code; the
median is printed beside it.

Run:  .venv/bin/python tests/benchmarks/bench_parser.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from touchstory.story.library import scan_library
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import load_story, parse_story

STROKES = ["calm", "circle x2", "sprinkle light", "walk x4 back", "wave", "fan x2 shoulders", "drum", "bounce"]


def long_story(lines: int) -> str:
    out = ["title: A Very Long Story", "ages: 3-7", "mood: calm", "soundscape: rain", ""]
    n = 0
    while n < lines:
        out.append(f"# Page {n // 10 + 1}")
        out.append("picture: pictures/p.svg | A soft picture of a quiet hill.")
        n += 2
        for i in range(8):
            extra = " {pause 1s}" if i == 3 else (" {tap}" if i == 7 else "")
            out.append(f"[{STROKES[i]}] The little cloud drifted over hill number {n} and smiled.{extra}")
            n += 1
    return "\n".join(out[:lines]) + "\n"


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    packs = PackRegistry.default()
    text = long_story(1000)
    path = Path(tempfile.mkdtemp()) / "long.story"
    path.write_text(text)
    assert parse_story(text, path, packs).story is not None

    base = statistics.median(timed(lambda: path.read_bytes().decode().splitlines(), 50))
    parse = timed(lambda: load_story(path, packs), 30)
    best, med = min(parse), statistics.median(parse)
    print(f"parse + lint, 1,000 lines: best {best * 1000:.1f} ms, median {med * 1000:.1f} ms "
          f"(budget 50 ms; baseline read+split {base * 1000:.2f} ms, ratio {best / base:.0f}x)")

    library = Path(tempfile.mkdtemp())
    sample = (Path(__file__).resolve().parents[2] / "stories")
    bodies = [p.read_text() for p in sorted(sample.glob("*/*.story"))] or [long_story(40)]
    for i in range(1000):
        folder = library / f"s{i:04d}"
        folder.mkdir()
        (folder / f"s{i:04d}.story").write_text(bodies[i % len(bodies)])
    base_scan = statistics.median(timed(lambda: [p.read_bytes().decode().splitlines()
                                                 for p in library.rglob("*.story")], 3))
    scans = timed(lambda: scan_library([("mine", library)], packs), 5)
    scan = min(scans)
    entries = scan_library([("mine", library)], packs)
    print(f"library scan, {len(entries)} stories: best {scan * 1000:.0f} ms, median "
          f"{statistics.median(scans) * 1000:.0f} ms (budget 1000 ms; baseline find+read+split "
          f"{base_scan * 1000:.0f} ms, ratio {scan / base_scan:.1f}x)")
    ok = best <= 0.050 and scan <= 1.0
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
