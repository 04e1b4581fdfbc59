"""Narration speed, measured against naive baselines in the same run.

1. Tap -> narration audio starting, with lines rendered ahead (Prefetcher over
   a warm espeak worker): goal p95 <= 50 ms and >= 10x faster than rendering
   at the tap. "Starting" is measured to the first block of the voice leaving
   the app's Mixer (get the line, its WAV decoded - ahead when it was rendered
   ahead, at the tap otherwise - play_voice, pull one 1024-frame block, as the
   sound card's next feed does); the time the sound
   server then holds that block (its buffer) is the same for every method and
   is not in these figures. Baselines: (a) render through the same warm worker at the tap,
   (b) the naive in-process way: pyttsx3.init() once, then save_to_file +
   runAndWait at every tap, waiting until the file exists.
   (pyttsx3's say() cannot be timed on a machine with no sound card: it plays
   through aplay; its synthesis cost equals (b) plus playback start-up.)
2. First line ready after pressing play with a cold worker (a fresh engine, an
   empty cache): goal <= 300 ms. Also with the cache warm (a story heard before).

Run:  .venv/bin/python tests/benchmarks/bench_speech.py
  or  .venv/bin/pytest tests/benchmarks/bench_speech.py -s
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from touchstory.audio.mixer import Mixer
from touchstory.audio.sound import Sound, read_wav
from touchstory.speech.cache import CachedEngine
from touchstory.speech.engine import VoiceSettings, espeak_library_present
from touchstory.speech.prefetch import Prefetcher
from touchstory.speech.pyttsx3_engine import Pyttsx3Engine

STORY = [
    "It's time for a story massage. Are you ready?",
    "The little hedgehog wakes up under a pile of leaves.",
    "She stretches her tiny paws, one, two, three.",
    "Pitter patter, the rain begins to fall on the garden.",
    "Round and round she wanders, looking for her way home.",
    "A snail slides by, slowly, slowly, leaving a silver trail.",
    "The wind blows through the tall grass, whoosh, whoosh.",
    "She tiptoes past the pond where the frogs are singing.",
    "Up the hill she climbs, step by step by step.",
    "The moon peeps out from behind a soft grey cloud.",
    "Stars begin to twinkle, one by one, across the sky.",
    "An owl calls gently from the old oak tree.",
    "The hedgehog curls up small and warm and round.",
    "Her mother strokes her back with long, slow strokes.",
    "The garden is quiet now, and everyone is sleepy.",
    "Goodnight, little hedgehog. Goodnight, moon.",
    "Thank you for the story massage.",
]
VOICE = VoiceSettings(None, "en-GB", 160, 1.0)
TAP_GAP = 0.4  # seconds between taps; real readers take 3-10 s per line

NAIVE_SCRIPT = r"""
import json, os, sys, threading, time, tempfile
sys_stdout = sys.stdout
sys.stdout = open(os.devnull, "w")
import pyttsx3
engine = pyttsx3.init()
engine.setProperty("rate", 160)
lines = json.loads(sys.argv[1])
out = tempfile.mkdtemp()
times = []
for i, text in enumerate(lines):
    path = os.path.join(out, f"{i}.wav")
    t = time.perf_counter()
    engine.save_to_file(text, path)
    engine.runAndWait()
    while not os.path.exists(path):  # runAndWait may return before the file exists
        time.sleep(0.001)
    times.append(time.perf_counter() - t)
sys_stdout.write(json.dumps(times))
"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def fmt(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (f"p50 {statistics.median(ms):8.3f} ms  p95 {pct(ms, 0.95):8.3f} ms  "
            f"max {max(ms):8.3f} ms  (n={len(ms)})")


def start_audio(mixer: Mixer, path: Path, sound: Sound | None = None) -> None:
    """What a tap does once the line's WAV exists: decode (unless done ahead, as the
    app's narration does when a line is ready), play, the next block out."""
    mixer.play_voice(sound if sound is not None else read_wav(path))
    block = mixer.pull(1024)
    assert np.any(block != 0.0), "the voice is in the first block"
    mixer.stop_voice()


def start_cost(paths: list[Path]) -> list[float]:
    """The decode-and-start part alone, per line (added to the naive baseline)."""
    mixer, costs = Mixer(), []
    for path in paths:
        t = time.perf_counter()
        start_audio(mixer, path)
        costs.append(time.perf_counter() - t)
    return costs


def tap_with_prefetch(engine: CachedEngine, gap: float) -> tuple[list[float], int]:
    """Tap through the story; each tap is focus(next) + get(next). If the line
    is not ready yet the latency runs until it is (what the listener waits)."""
    decoded: dict[int, Sound] = {}  # decoded in the render-ahead thread, as ui/sound/narration.py does
    prefetcher = Prefetcher(engine, VOICE, lookahead=3,
                            on_ready=lambda i, line: decoded.__setitem__(i, read_wav(line.path)))
    prefetcher.set_lines(STORY)
    prefetcher.focus(0)
    prefetcher.wait(0, 10)
    latencies, misses = [], 0
    mixer = Mixer()
    for i in range(1, len(STORY)):
        time.sleep(gap)  # the line being read aloud / the stroke
        t = time.perf_counter()
        prefetcher.focus(i)
        line = prefetcher.get(i)
        if line is None:
            misses += 1
            line = prefetcher.wait(i, 10)
        assert line is not None
        start_audio(mixer, line.path, decoded.get(i))
        latencies.append(time.perf_counter() - t)
    prefetcher.close()
    return latencies, misses


def tap_render_now(engine: Pyttsx3Engine, gap: float) -> tuple[list[float], list[Path]]:
    latencies, paths, mixer = [], [], Mixer()
    for text in STORY[1:]:
        time.sleep(gap)
        t = time.perf_counter()
        line = engine.render(text, VOICE)
        start_audio(mixer, line.path)
        latencies.append(time.perf_counter() - t)
        paths.append(line.path)
    return latencies, paths


def tap_naive_pyttsx3() -> list[float]:
    out = subprocess.run([sys.executable, "-c", NAIVE_SCRIPT, json.dumps(STORY[1:])],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    return json.loads(out)


def first_line_ready(cache_dir: Path | None, opened_before: float = 0.0) -> float:
    """Pressing play with no worker running: engine, render-ahead, line 0.
    With `opened_before`, the story was opened (set_lines) that many seconds
    before play was pressed, and only the time from play is counted."""
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        engine = CachedEngine(Pyttsx3Engine(Path(tmp) / "out"), cache_dir or Path(tmp) / "cache")
        prefetcher = Prefetcher(engine, VOICE, lookahead=3)
        prefetcher.set_lines(STORY)
        if opened_before:
            time.sleep(opened_before)
            t = time.perf_counter()
        prefetcher.focus(0)
        line = prefetcher.wait(0, 10)
        elapsed = time.perf_counter() - t
        assert line is not None
        prefetcher.close()
        engine.close()
        return elapsed


def main() -> dict[str, float]:
    if not espeak_library_present():
        print("libespeak-ng is not installed: nothing to measure")
        return {}
    results: dict[str, float] = {}
    print(f"Narration benchmark: {len(STORY)} lines, {VOICE.rate_wpm} wpm, taps {TAP_GAP}s apart\n")

    with tempfile.TemporaryDirectory() as tmp:
        worker = Pyttsx3Engine(Path(tmp) / "out")
        worker.start()
        worker.render("Warm up.", VOICE)
        cached = CachedEngine(worker, Path(tmp) / "cache")
        ahead, misses = tap_with_prefetch(cached, TAP_GAP)
        rapid, rapid_misses = tap_with_prefetch(CachedEngine(worker, Path(tmp) / "cache2"), 0.02)
        render_now, rendered = tap_render_now(worker, TAP_GAP)
        starting = start_cost(rendered)
        worker.close()
    # the naive way synthesises in its own process; the same decode-and-start is added per line
    naive = [synth + start for synth, start in zip(tap_naive_pyttsx3(), starting)]

    print("Tap -> narration audio starting (first voice block out of the mixer)")
    print(f"  rendered ahead (Prefetcher)      {fmt(ahead)}  not ready at tap: {misses}")
    print(f"  rendered ahead, taps 20 ms apart {fmt(rapid)}  not ready at tap: {rapid_misses}")
    print(f"  baseline: render at the tap      {fmt(render_now)}")
    print(f"  baseline: naive pyttsx3 in-proc  {fmt(naive)}  (save_to_file+runAndWait, then start)")
    print(f"  of which decode + start alone    {fmt(starting)}")
    p95 = pct(ahead, 0.95)
    for name, base in (("render at the tap", render_now), ("naive pyttsx3", naive)):
        speedup = pct(base, 0.95) / p95
        results[f"speedup_vs_{name.replace(' ', '_')}"] = speedup
        print(f"  p95 speed-up vs {name}: {speedup:,.0f}x (goal >= 10x)")
    print(f"  p95 with render-ahead: {p95 * 1000:.3f} ms (goal <= 50 ms)\n")
    results["tap_p95_ms"] = p95 * 1000

    cold = [first_line_ready(None) for _ in range(5)]
    opened = [first_line_ready(None, opened_before=1.0) for _ in range(5)]
    with tempfile.TemporaryDirectory() as tmp:
        first_line_ready(Path(tmp))  # hear the story once
        warm = [first_line_ready(Path(tmp)) for _ in range(5)]
    print("Press play -> first line ready (no worker running before)")
    print(f"  empty cache, play pressed as the story opens  {fmt(cold)}  (goal <= 300 ms)")
    print(f"  empty cache, play pressed 1 s after opening   {fmt(opened)}")
    print(f"  story heard before (cache warm)               {fmt(warm)}")
    results["first_line_cold_max_ms"] = max(cold) * 1000
    results["first_line_warm_max_ms"] = max(warm) * 1000
    return results


def test_speech_benchmark() -> None:
    results = main()
    if not results:
        return
    assert results["tap_p95_ms"] <= 50
    assert results["speedup_vs_render_at_the_tap"] >= 10
    assert results["speedup_vs_naive_pyttsx3"] >= 10
    assert results["first_line_cold_max_ms"] <= 300


if __name__ == "__main__":
    main()
