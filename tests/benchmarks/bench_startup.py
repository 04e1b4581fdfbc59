"""Start-up benchmark: cold start to a painted library window, against a bare
PySide6 window started the same way in the same run; and memory with the
bundled library read and every thumbnail made.

Each start is a fresh Python process (imports included), timed from just before
the process is launched to the first paint of the window, on the shared
monotonic clock. Bytecode is compiled once into a temporary folder and reused,
as it is for an installed app (the shared environment sets
PYTHONDONTWRITEBYTECODE, which would make every start compile every module;
that figure is printed too). Runs alternate (bare, touchstory, bare, ...) so both see the
same machine load; medians are compared.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 7]
    .venv/bin/pytest tests/benchmarks/bench_startup.py -s

Targets (issue 3): touchstory <= 1.5 x bare; memory <= 200 MB RSS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RATIO_LIMIT = 1.5
RSS_LIMIT_MB = 200.0

BARE = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj is window:
                print("painted", time.monotonic(), flush=True)
                print("cpu", time.process_time(), flush=True)
                app.quit()
            return False

    app = QApplication(["bare"])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Choose a story"))
    window.resize(1280, 800)
    watch = Watch()
    window.installEventFilter(watch)
    window.show()
    app.exec()
""")

TOUCHSTORY = textwrap.dedent("""
    import sys, time
    from touchstory.cli.main import main  # first, as `python -m touchstory` does: cli imports no Qt
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from touchstory.ui.library.window import LibraryWindow  # imported by the app anyway; earlier here

    measure_memory = sys.argv[1] == "memory"
    state = {"painted": False}
    original_paint = LibraryWindow.paintEvent

    def paint_event(self, event):
        # Wrapping the window's own paintEvent costs nothing elsewhere; an event
        # filter on the whole application would slow every event of the start-up.
        original_paint(self, event)
        if not state["painted"]:
            state["painted"] = True
            print("painted", time.monotonic(), flush=True)
            print("cpu", time.process_time(), flush=True)
            if not measure_memory:
                QTimer.singleShot(0, lambda: [w.close() for w in QApplication.topLevelWidgets()])

    LibraryWindow.paintEvent = paint_event

    def library():
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, LibraryWindow)), None)

    def rss_mb():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def check_loaded():
        window = library()
        if window is None or window.model.rowCount() == 0:
            return
        from touchstory.ui.library.model import Role
        model = window.model
        pending = [r for r in range(model.rowCount())
                   if model.index(r).data(Role.ENTRY).picture is not None
                   and model.index(r).data(Role.THUMBNAIL) is None]
        if pending and time.monotonic() < deadline:
            return
        print("cards", model.rowCount(), "thumbnails-missing", len(pending), flush=True)
        print("rss", rss_mb(), flush=True)
        [w.close() for w in QApplication.topLevelWidgets()]

    app = QApplication(["touchstory"])
    deadline = time.monotonic() + 30
    if measure_memory:
        poll = QTimer()
        poll.timeout.connect(check_loaded)
        poll.start(50)
    sys.exit(main(["library"]))
""")


def _start(code: str, home: Path, *extra: str, pycache: Path | None = None) -> tuple[float, dict[str, str]]:
    """Seconds from launch to the first paint, and what the child printed
    ("cpu": CPU seconds the child had used by then)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TOUCHSTORY_HOME": str(home),
           "QT_LOGGING_RULES": "qt.*=false"}
    if pycache is not None:
        # As installed: bytecode compiled once and reused (pip does this at install),
        # kept out of the source tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    began = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, *extra], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(f"start failed ({out.returncode}):\n{out.stderr[-2000:]}")
    values = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    return float(values["painted"]) - began, values


def measure(runs: int = 7) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="touchstory-bench-") as tmp:
        home, pyc = Path(tmp) / "home", Path(tmp) / "pycache"
        bare: list[float] = []
        ours: list[float] = []
        bare_cpu: list[float] = []
        ours_cpu: list[float] = []
        no_bytecode, _ = _start(TOUCHSTORY, home, "time")  # every module compiled from source, empty caches
        _start(BARE, home, pycache=pyc)  # writes the bytecode both use from here on
        first_ours, _ = _start(TOUCHSTORY, Path(tmp) / "first", "time", pycache=pyc)  # empty thumbnail cache
        for _ in range(runs):
            for code, walls, cpus, extra in ((BARE, bare, bare_cpu, ()), (TOUCHSTORY, ours, ours_cpu, ("time",))):
                wall, printed = _start(code, home, *extra, pycache=pyc)
                walls.append(wall)
                cpus.append(float(printed["cpu"]))
        _t, mem = _start(TOUCHSTORY, home, "memory", pycache=pyc)
        fresh = Path(tmp) / "fresh"
        _t, mem_cold = _start(TOUCHSTORY, fresh, "memory", pycache=pyc)  # thumbnails rendered, not cached
    result = {
        "bare_median_s": statistics.median(bare),
        "touchstory_median_s": statistics.median(ours),
        "touchstory_first_start_s": first_ours,
        "touchstory_no_bytecode_s": no_bytecode,
        "bare_min_s": min(bare),
        "touchstory_min_s": min(ours),
        "cards": float(mem["cards"].split()[0]),
        "thumbnails_missing": float(mem["cards"].split()[-1]),
        "rss_mb": float(mem["rss"]),
        "rss_cold_cache_mb": float(mem_cold["rss"]),
    }
    result["bare_cpu_s"] = statistics.median(bare_cpu)
    result["touchstory_cpu_s"] = statistics.median(ours_cpu)
    result["ratio"] = result["touchstory_median_s"] / result["bare_median_s"]
    result["cpu_ratio"] = result["touchstory_cpu_s"] / result["bare_cpu_s"]
    result["load"] = os.getloadavg()[0]
    return result


def report(r: dict[str, float]) -> str:
    return "\n".join([
        "start-up to a painted window (fresh process each time, offscreen):",
        f"  bare PySide6 window   median {r['bare_median_s'] * 1000:7.1f} ms   (min {r['bare_min_s'] * 1000:.1f})",
        f"  touchstory library    median {r['touchstory_median_s'] * 1000:7.1f} ms   "
        f"(min {r['touchstory_min_s'] * 1000:.1f}; first start, bytecode not yet compiled and caches empty "
        f"{r['touchstory_first_start_s'] * 1000:.1f})",
        f"  ratio                 {r['ratio']:.2f} x   (limit {RATIO_LIMIT} x; machine load {r['load']:.1f}; "
        f"fastest start of each: {r['touchstory_min_s'] / r['bare_min_s']:.2f} x)",
        f"  CPU time to the first paint: bare {r['bare_cpu_s'] * 1000:.1f} ms, touchstory "
        f"{r['touchstory_cpu_s'] * 1000:.1f} ms, ratio {r['cpu_ratio']:.2f} x (steadier on a busy machine)",
        f"  (with no bytecode at all, every module compiled from source: "
        f"{r['touchstory_no_bytecode_s'] * 1000:.1f} ms)",
        f"memory with the bundled library ({r['cards']:.0f} cards, thumbnails missing: "
        f"{r['thumbnails_missing']:.0f}):",
        f"  RSS {r['rss_mb']:.1f} MB with cached thumbnails, {r['rss_cold_cache_mb']:.1f} MB rendering them "
        f"(limit {RSS_LIMIT_MB:.0f} MB)",
    ])


def test_startup_and_memory() -> None:
    r = measure(runs=5)
    print("\n" + report(r))
    assert r["ratio"] <= RATIO_LIMIT
    assert max(r["rss_mb"], r["rss_cold_cache_mb"]) <= RSS_LIMIT_MB
    assert r["thumbnails_missing"] == 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    figures = measure(parser.parse_args().runs)
    print(report(figures))
    ok = figures["ratio"] <= RATIO_LIMIT and max(figures["rss_mb"], figures["rss_cold_cache_mb"]) <= RSS_LIMIT_MB
    sys.exit(0 if ok else 1)
