"""After a story (thank-you, "Not now" or a stop): the session is given the child
it was for, and the calm "How it went" card is offered over the library. Skipping
stores nothing; a journal that fails never gets in the way."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from touchstory.errors import TouchstoryError
from touchstory.journal.profiles import ChildProfile
from touchstory.journal.sessions import HowItWent, SessionLog
from touchstory.journal.store import Journal
from touchstory.ui.journal.how_it_went import HowItWentCard
from touchstory.ui.theme import Theme, apply_theme

log = logging.getLogger(__name__)


def last_session_since(journal: Journal, since: float) -> tuple[int, str] | None:
    """The session the player just ended: (id, title), or None when none ended."""
    row = journal.db.execute("SELECT id, title FROM sessions WHERE started >= ? AND ended IS NOT NULL "
                             "ORDER BY started DESC, id DESC LIMIT 1", (since,)).fetchone()
    return (int(row[0]), str(row[1])) if row else None


class HowItWentDialog(QDialog):
    def __init__(self, theme: Theme, title: str, child: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How it went")
        self.card = HowItWentCard(theme, title, child, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.card)
        self.answer: HowItWent | None = None
        self.card.done.connect(self._on_done)
        apply_theme(self, theme)

    def _on_done(self, answer: HowItWent | None) -> None:
        self.answer = answer
        self.accept()


def offer_how_it_went(journal: Journal, since: float, child: ChildProfile | None, theme: Theme,
                      parent: QWidget) -> HowItWentDialog | None:
    """Tie the ended session to the child and open the card (not modal: the library
    stays usable; the card closes itself when answered or skipped)."""
    try:
        found = last_session_since(journal, since)
        if found is None:
            return None
        session_id, title = found
        log_ = SessionLog(journal)
        if child is not None:
            log_.set_child(session_id, child.id)
    except (TouchstoryError, OSError) as exc:
        log.warning("journal: could not read the session just ended: %s", exc)
        return None
    dialog = HowItWentDialog(theme, title, child.name if child else "", parent)

    def store() -> None:
        if dialog.answer is None:
            return
        try:
            log_.record(session_id, dialog.answer)
        except (TouchstoryError, OSError) as exc:
            log.warning("journal: could not store how it went: %s", exc)

    dialog.accepted.connect(store)
    dialog.setModal(False)
    dialog.show()
    return dialog
