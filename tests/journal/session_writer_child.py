"""Run by test_kill_journal.py: writes sessions line by line, printing each line
after its transaction has committed, until it is killed."""

import sys
from pathlib import Path

from touchstory.journal.sessions import Feeling, HowItWent, SessionLog
from touchstory.journal.store import EndReason, Journal

journal = Journal.open(Path(sys.argv[1])).journal
log = SessionLog(journal)
print("ready", flush=True)
while True:
    sid = journal.start_session("rain", "read", title="Rain")
    for line in range(1, 21):
        log.reached(sid, line, 20, "drum")
        print(f"{sid} {line}", flush=True)
    journal.end_session(sid, EndReason.COMPLETED, 20, 20)
    log.record(sid, HowItWent(Feeling.FINE))
    print(f"{sid} done", flush=True)
