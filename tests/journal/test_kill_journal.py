"""kill -9 a process writing sessions at random points: the journal is never
damaged and nothing is lost but the line being written."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

CHILD = Path(__file__).with_name("session_writer_child.py")
ROOT = Path(__file__).resolve().parents[2]


def test_kill_9_mid_session_loses_at_most_the_current_line(tmp_path):
    rng = random.Random(11)
    path = tmp_path / "journal.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    confirmed: dict[int, int] = {}  # session -> last line the writer said was committed
    finished: set[int] = set()
    for _ in range(50):
        proc = subprocess.Popen([sys.executable, str(CHILD), str(path)], stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.0, 0.15)
        while time.monotonic() < deadline:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        for row in out.splitlines():
            sid, what = row.split()
            if what == "done":
                finished.add(int(sid))
            else:
                confirmed[int(sid)] = max(confirmed.get(int(sid), 0), int(what))
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(db.execute("SELECT id, lines_reached FROM sessions"))
        ended = {r[0] for r in db.execute("SELECT id FROM sessions WHERE reason = 'completed'")}
        told = {r[0] for r in db.execute("SELECT session_id FROM how_it_went")}
        db.close()
        for sid, line in confirmed.items():
            assert stored[sid] >= line, f"session {sid}: line {line} was committed but is lost"
        assert finished <= ended and finished <= told
    assert len(confirmed) >= 2  # the runs really wrote through several sessions
