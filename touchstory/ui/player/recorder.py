"""Writes how a session went into the journal (if there is one): started, how far
it got, how it ended. A journal that fails never stops a story."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from touchstory.errors import TouchstoryError
from touchstory.journal.store import EndReason as JournalEndReason
from touchstory.story.model import Story

if TYPE_CHECKING:
    from touchstory.ui.player.hooks import SessionJournal

log = logging.getLogger(__name__)


class SessionRecorder:
    def __init__(self, journal: SessionJournal | None, story: Story) -> None:
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
        self._reached = max(self._reached, line_number)

    def end(self, reason: str) -> None:
        if self._journal is None or self._id is None:
            return
        session_id, self._id = self._id, None
        try:
            self._journal.end_session(session_id, JournalEndReason(reason), self._reached, total=self._total)
        except (TouchstoryError, OSError, AttributeError, ValueError) as exc:
            log.warning("journal: could not record the session end: %s", exc)
