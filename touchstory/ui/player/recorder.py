"""Writes how a session went into the journal (if there is one): started, how far
it got, how it ended. A journal that fails never stops a story."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from touchstory.errors import TouchstoryError
from touchstory.journal.store import EndReason as JournalEndReason
from touchstory.story.model import Story

log = logging.getLogger(__name__)


class SessionRecorder:
    def __init__(self, journal: Any, story: Story) -> None:
        self._journal = journal
        self._story = story
        self._id: int | None = None
        self._reached = 0
        self._total = 0

    @property
    def lines_reached(self) -> int:
        return self._reached

    def begin(self, mode: str, total: int) -> None:
        self._reached, self._total, self._id = 0, total, None
        if self._journal is None:
            return
        try:
            self._id = self._journal.start_session(str(self._story.path), mode, self._story.title)
        except (TouchstoryError, OSError, AttributeError, ValueError) as exc:
            log.warning("journal: could not record the session start: %s", exc)

    def reached(self, line_number: int) -> None:
        before, self._reached = self._reached, max(self._reached, line_number)
        if self._id is None or self._reached == before or not hasattr(self._journal, "db"):
            return
        # Written at each line (one small transaction), so a crash loses at most this line.
        from touchstory.journal.sessions import SessionLog

        lines = self._story.lines()
        stroke = lines[self._reached - 1][1].stroke if 0 < self._reached <= len(lines) else None
        try:
            SessionLog(self._journal).reached(self._id, self._reached, self._total, stroke)
        except (TouchstoryError, OSError, sqlite3.Error) as exc:
            log.warning("journal: could not record the line reached: %s", exc)

    def end(self, reason: str) -> None:
        if self._journal is None or self._id is None:
            return
        session_id, self._id = self._id, None
        try:
            self._journal.end_session(session_id, JournalEndReason(reason), self._reached, total=self._total)
        except (TouchstoryError, OSError, AttributeError, ValueError) as exc:
            log.warning("journal: could not record the session end: %s", exc)
