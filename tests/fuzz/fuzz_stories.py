"""Fuzzing the checker: mutated stories and plans (byte flips, truncation,
inserted brackets, digits, unicode, NUL, bidi marks, very long lines, plus
hypothesis-made text) run in-process through the functions `touchstory check`
uses (decode_text, then parse_story / parse_plan), with every problem formatted.

    .venv/bin/python tests/fuzz/fuzz_stories.py               # 100,000 inputs
    .venv/bin/python tests/fuzz/fuzz_stories.py --count 3000 --seed 7

Prints how many inputs ran, crashes by exception type, and the slowest input;
exits 1 on any crash or any input over --budget seconds (1 s)."""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from touchstory.pacing.plan import parse_plan  # noqa: E402
from touchstory.story.packs import PackRegistry  # noqa: E402
from touchstory.story.parser import parse_story  # noqa: E402
from touchstory.story.problems import decode_text  # noqa: E402

INSERTS = [b"[", b"]", b"{", b"}", b"{refrain}", b"{refrain x}", b"refrain a:\n", b"{pause 2s}", b"{tap}",
           b"x" + b"9" * 5000, b"9" * 400, b"\x00", "\u202e".encode(), "\u200b".encode(), "ü".encode(),
           "𝔘".encode(), b"\r", b"\n", b"\t", b"|", b"..", b"/", b"picture: ", b"soundscape: ", b"story: ",
           b"a" * 300, b"pack: infant\n", b"ages: ", b"# ", b"note: ", b"\xff\xfe", b"\xef\xbb\xbf"]


def seeds() -> tuple[list[bytes], list[bytes]]:
    stories = [p.read_bytes() for p in sorted((ROOT / "stories").rglob("*.story"))]
    plans = [p.read_bytes() for p in sorted((ROOT / "stories").rglob("*.plan"))]
    plans = plans or [b"title: P\nsettle\npermission\nstory: hello-hands\nthanks\nclose\n"]
    return stories, plans


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        at = rng.randint(0, len(buf)) if buf else 0
        if op < 0.3 and buf:
            buf[min(at, len(buf) - 1)] ^= 1 << rng.randint(0, 7)
        elif op < 0.4:
            del buf[at:]
        elif op < 0.8:
            buf[at:at] = rng.choice(INSERTS)
        elif op < 0.9 and buf:
            end = min(len(buf), at + rng.randint(1, 200))
            buf[at:at] = buf[at:end] * rng.randint(2, 50)  # a repeated piece: many refrains, long lines
        else:
            buf[at:at] = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 20)))
    return bytes(buf[:1_100_000])


def check_one(data: bytes, kind: str, packs: PackRegistry, roots: list[Path]) -> None:
    """What `touchstory check` does with one file's bytes."""
    path = Path("/nonexistent/fuzz/x." + kind)
    text, problem = decode_text(data, str(path))
    if text is None:
        if problem is not None:
            problem.format()
        return
    result = parse_story(text, path, packs) if kind == "story" else parse_plan(text, path, packs, roots)
    for p in result.problems:
        assert p.loc.line >= 1 and p.loc.col >= 1
        p.format()


def hypothesis_inputs(count: int, seed: int) -> list[bytes]:
    """Text made by hypothesis (story-like pieces and any unicode)."""
    try:
        from hypothesis import strategies as st
    except ImportError:
        return []
    pieces = st.sampled_from(["[", "]", "{", "}", "{refrain}", "refrain:", "\n", " ", "circle", "x2", "title: ",
                              "picture: ", "story: ", "9" * 50, "\u202e", "\x00", "ü", ":"])
    strategy = st.one_of(st.text(max_size=300), st.lists(pieces, max_size=80).map("".join))
    import warnings

    with warnings.catch_warnings():  # .example() outside @given is what is wanted here
        warnings.simplefilter("ignore")
        return [strategy.example().encode("utf-8", "surrogatepass") for _ in range(count)]


def run(count: int, seed: int, budget: float, out=sys.stdout) -> tuple[int, Counter[str], float]:
    packs = PackRegistry.default()
    stories, plans = seeds()
    roots = [ROOT / "stories"]
    rng = random.Random(seed)
    crashes: Counter[str] = Counter()
    slowest, slowest_input, done = 0.0, b"", 0
    hyp = hypothesis_inputs(min(count // 20, 5000), seed)
    for i in range(count):
        kind = "plan" if i % 5 == 4 else "story"
        if i < len(hyp):
            data = hyp[i]
        else:
            data = mutate(rng.choice(plans if kind == "plan" else stories), rng)
        started = time.perf_counter()
        try:
            check_one(data, kind, packs, roots)
        except Exception as exc:  # noqa: BLE001  (counting them is the point)
            crashes[type(exc).__name__] += 1
            if sum(crashes.values()) <= 5:
                print(f"crash {type(exc).__name__}: {exc!s:.200} on {data[:120]!r}", file=out)
        took = time.perf_counter() - started
        if took > slowest:
            slowest, slowest_input = took, data
        done += 1
    print(f"inputs: {done}  crashes: {sum(crashes.values())} {dict(crashes)}  "
          f"slowest: {slowest * 1000:.1f} ms ({len(slowest_input)} bytes)", file=out)
    return done, crashes, slowest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--budget", type=float, default=1.0, help="seconds allowed per input")
    args = parser.parse_args(argv)
    _, crashes, slowest = run(args.count, args.seed, args.budget)
    return 1 if crashes or slowest > args.budget else 0


if __name__ == "__main__":
    sys.exit(main())
