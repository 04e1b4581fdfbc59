"""What the shell's windows need from narration, sound and the journal, as small
Protocols (one per collaborator; the player and the classroom share `Narrator`).

The player never builds these: app.py passes them in (or nothing). A narrator
speaks a step and reports back through the player's `speech_finished(index)` and
`highlight_word(index | None)`; the mixer is only asked to hush gently when a
story is stopped; the journal records how the session went.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from touchstory.journal.store import EndReason
from touchstory.story.model import Page, Story


@runtime_checkable
class Narrator(Protocol):
    """Speaks one step. When the audio of step `index` ends, the narrator (or
    app.py on its behalf) calls `PlayerWindow.speech_finished(index)` on the GUI
    thread; word timing goes to `PlayerWindow.highlight_word(i)`."""

    def prepare(self, texts: Sequence[str], language: str) -> None:
        """The texts of every step (by step index), to render ahead."""

    def speak(self, index: int, text: str) -> None: ...

    def stop(self) -> None: ...


@runtime_checkable
class GentleMixer(Protocol):
    def stop_gently(self) -> None: ...


class SessionJournal(Protocol):
    """Where the player records how a session went (touchstory.journal.store.Journal)."""

    def start_session(self, story: str | Path, mode: str, title: str = "") -> int: ...

    def end_session(self, session_id: int, reason: EndReason, lines_reached: int,
                    total: int | None = None) -> None: ...


class NullNarrator:
    """No narration: nothing is spoken; the session's own timing carries on."""

    def prepare(self, texts: Sequence[str], language: str) -> None:
        pass

    def speak(self, index: int, text: str) -> None:
        pass

    def stop(self) -> None:
        pass


class StorySound(Protocol):
    """The sound under a story (touchstory.ui.sound.live_sound.LiveSound in the app)."""

    def story_started(self, story: Story) -> None: ...

    def page_changed(self, page: Page | None, *, forward: bool = True) -> None: ...

    def story_finished(self) -> bool: ...

    def stop_gently(self) -> None: ...

    def wake(self) -> None:
        """The story goes on after a pause: bring back a sound the sleep timer faded."""


class NullSound:
    """No sound: the story plays in silence."""

    def story_started(self, story: Story) -> None:
        pass

    def page_changed(self, page: Page | None, *, forward: bool = True) -> None:
        pass

    def story_finished(self) -> bool:
        return False

    def stop_gently(self) -> None:
        pass

    def wake(self) -> None:
        pass
