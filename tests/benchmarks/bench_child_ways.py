"""Benchmarks for issue 11 (each child's own way):

- the library with 3 child profiles and 1,000 journal sessions opens no slower
  than 1.1 x the same library with an empty journal (open until the cards and
  the "Who is it for tonight?" chooser are there; runs alternate, medians);
- the routine chart paints in <= 100 ms with a year of sessions;
- a 5-page story makes its PDF in <= 0.5 s.

    .venv/bin/python tests/benchmarks/bench_child_ways.py [--runs 5]
    .venv/bin/pytest tests/benchmarks/bench_child_ways.py -s
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TOUCHSTORY_SOUND", "off")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from touchstory.journal.profiles import ChildProfile, Profiles  # noqa: E402
from touchstory.journal.sessions import Feeling, HowItWent, SessionLog, routine  # noqa: E402
from touchstory.journal.store import EndReason, Journal  # noqa: E402
from touchstory.paths import UserPaths  # noqa: E402
from touchstory.story.adapt import ChildWay  # noqa: E402

RATIO_LIMIT, CHART_LIMIT, PDF_LIMIT = 1.1, 0.100, 0.5


def _home(root: Path, busy: bool) -> UserPaths:
    paths = UserPaths(root / "data", root / "config", root / "cache").ensure()
    journal = Journal.open(paths.journal, now=lambda: time.time() - 400 * 86_400).journal
    if busy:
        profiles = Profiles(journal)
        ids = [profiles.save(ChildProfile(n, ChildWay(avoid=("drum",)))).id for n in ("Sam", "Ava", "Mo")]
        log = SessionLog(journal)
        for i in range(1000):
            sid = journal.start_session("bundled:incy-wincy-spider", "read", "Incy Wincy Spider", ids[i % 3])
            journal.end_session(sid, EndReason.COMPLETED if i % 5 else EndReason.STOPPED, 8, 8)
            log.record(sid, HowItWent(Feeling.LOVED if i % 2 else Feeling.FINE))
        profiles.choose(ids[0])
    journal.close()
    return paths


def _open_once(paths: UserPaths) -> float:
    import touchstory.app as app_mod
    from touchstory.cli.main import build_parser

    start = time.perf_counter()
    app, _ = app_mod.build(build_parser().parse_args(["library"]), paths)
    app.open_library([])
    while app.children is None or app.library.model.rowCount() == 0:
        QApplication.processEvents()
        if time.perf_counter() - start > 30:
            raise TimeoutError("the library did not open in 30 s")
    elapsed = time.perf_counter() - start
    app.library.close()
    app.shutdown()
    QApplication.processEvents()
    return elapsed


def library_ratio(runs: int = 5) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        empty, busy = _home(Path(tmp) / "empty", False), _home(Path(tmp) / "busy", True)
        _open_once(empty)  # warm the imports for both
        plain, full = [], []
        for _ in range(runs):
            plain.append(_open_once(empty))
            full.append(_open_once(busy))
    a, b = statistics.median(plain), statistics.median(full)
    return a, b, b / a


def chart_paint_seconds() -> float:
    from touchstory.journal.sessions import Evening
    from touchstory.ui.journal.chart import RoutineChart
    from touchstory.ui.theme import theme_by_name

    today = dt.date(2026, 12, 4)
    evenings = []
    for i in range(365):
        start = dt.datetime.combine(today - dt.timedelta(days=364 - i), dt.time(19)).timestamp()
        evenings.append(Evening(i, "s", "Incy Wincy Spider", start, start + 300, EndReason.COMPLETED, 8, 8, "calm",
                                "Sam", HowItWent(Feeling.LOVED)))
    chart = RoutineChart(theme_by_name("bedtime"))
    chart.resize(1920, 1080)
    chart.grab()  # fonts and style once
    best = 1e9
    for _ in range(5):
        start = time.perf_counter()
        chart.set_routine(routine(evenings, today), "Sam")
        chart.grab()
        best = min(best, time.perf_counter() - start)
    return best


def pdf_seconds() -> float:
    from touchstory.resources import bundled_stories_dir
    from touchstory.story.adapt import adapt
    from touchstory.story.packs import PackRegistry
    from touchstory.story.parser import read_story
    from touchstory.ui.cards.pdf import story_pdf

    packs = PackRegistry.default()
    stories = sorted(bundled_stories_dir().glob("*/*.story"))
    story = next(s for s in (read_story(p, packs) for p in stories) if len(s.pages) >= 5)
    pack = packs.get(story.meta.pack)
    with tempfile.TemporaryDirectory() as tmp:
        story_pdf(adapt(story, pack, None), pack, Path(tmp) / "warm.pdf")
        start = time.perf_counter()
        story_pdf(adapt(story, pack, ChildWay(avoid=("drum",))), pack, Path(tmp) / "five.pdf")
        return time.perf_counter() - start


def test_library_with_profiles_and_sessions_opens_as_fast(qapp):
    plain, full, ratio = library_ratio(3)
    print(f"\nlibrary open: empty journal {plain * 1000:.0f} ms, 3 profiles + 1000 sessions {full * 1000:.0f} ms, "
          f"ratio {ratio:.2f} (limit {RATIO_LIMIT})")
    assert ratio <= RATIO_LIMIT


def test_chart_paints_a_year_quickly(qapp):
    seconds = chart_paint_seconds()
    print(f"\nroutine chart with a year of sessions: {seconds * 1000:.1f} ms (limit {CHART_LIMIT * 1000:.0f})")
    assert seconds <= CHART_LIMIT


def test_five_page_pdf_is_quick(qapp):
    seconds = pdf_seconds()
    print(f"\n5-page PDF: {seconds * 1000:.0f} ms (limit {PDF_LIMIT * 1000:.0f})")
    assert seconds <= PDF_LIMIT


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    ns = parser.parse_args()
    _app = QApplication.instance() or QApplication([])
    plain, full, ratio = library_ratio(ns.runs)
    print(f"library open: empty {plain * 1000:.0f} ms, busy {full * 1000:.0f} ms, ratio {ratio:.2f} "
          f"(limit {RATIO_LIMIT})")
    print(f"chart: {chart_paint_seconds() * 1000:.1f} ms (limit {CHART_LIMIT * 1000:.0f})")
    print(f"5-page PDF: {pdf_seconds() * 1000:.0f} ms (limit {PDF_LIMIT * 1000:.0f})")
