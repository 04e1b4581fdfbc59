"""Joins the player to its narrator: the "Read it to us" button, hands-free on
and off, the story's lines handed over to render ahead, the voice hushed on a
pause or a stop, and a plain word when there is no voice to be had. Kept apart
from window.py, like SoundLink for the sound.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from touchstory.pacing.session import Event, Mode, PausedChanged, Session, SpeakRequested
from touchstory.ui.player.hooks import Narrator

if TYPE_CHECKING:
    from touchstory.ui.player.window import PlayerWindow


class NarrationLink(QObject):
    """`narrator` is None when there is none (then `problem` may say why)."""

    def __init__(self, player: PlayerWindow, narrator: Narrator | None) -> None:
        super().__init__(player)
        self.player, self.narrator = player, narrator
        self.problem: str | None = None  # why narration can't be had here (with how to get it)
        player.narrate_button.setVisible(narrator is not None)
        player.narrate_button.clicked.connect(self._on_narrate_button_clicked)

    @property
    def available(self) -> bool:
        return self.narrator is not None

    def prepare(self, session: Session) -> None:
        """Hand every step's text to the narrator, to render ahead."""
        if self.narrator is not None:
            self.narrator.prepare(list(session.speech_clips), self.player.story.meta.language)

    def set_narrated(self, on: bool) -> None:
        player, session = self.player, self.player.session
        if on and self.narrator is None:
            on = False
        if on and session.mode is not Mode.NARRATED:
            self.prepare(session)
            session.set_mode(Mode.NARRATED)
            player.show_notice("Narration on: tap to pause, tap again to go on")
        elif not on and session.mode is Mode.NARRATED:
            self.stop()
            session.set_mode(Mode.READ_ALOUD)
        self.sync_button()

    def unavailable(self, text: str, *, tell: bool = True) -> None:
        """The voice engine is missing or gave up: read-aloud it is, said plainly.
        The button stays, so a parent who looks for narration finds out why."""
        player, session = self.player, self.player.session
        if session.mode is Mode.NARRATED:
            session.set_mode(Mode.READ_ALOUD)
        self.narrator = None
        self.problem = text
        session.narration_available = False
        player.narrate_button.show()
        self.sync_button()
        player.line_view.set_hint("")
        if tell:
            player.show_notice(text)

    def sync_button(self) -> None:
        on = self.player.session.mode is Mode.NARRATED
        button = self.player.narrate_button
        button.setChecked(on)
        button.setText("Narration on" if on else "Read it to us")

    def on_session_event(self, event: Event, *, quiet: bool = False) -> None:
        """Speak what the session asks for; hush on a pause (the line is said
        again on resume)."""
        if self.narrator is None:
            return
        match event:
            case SpeakRequested(step=step, part=part) if not quiet:
                # One clip per spoken part: a {pause} mid-line is heard where it is written.
                self.narrator.speak(self.player.session.clip_of(step.index, part), event.text)
            case PausedChanged(paused=True):
                self.narrator.stop()
            case _:
                pass

    def stop(self) -> None:
        if self.narrator is not None:
            self.narrator.stop()

    def _on_narrate_button_clicked(self) -> None:
        player = self.player
        if self.problem:
            player.narrate_button.setChecked(False)
            player.show_notice(self.problem)
        else:
            self.set_narrated(player.narrate_button.isChecked())
        player.setFocus()
