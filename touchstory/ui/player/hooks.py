"""What the player needs from narration, sound and the journal, as small Protocols.

The player never builds these: app.py passes them in (or nothing). A narrator
speaks a step and reports back through the player's `speech_finished(index)` and
`highlight_word(index | None)`; the mixer is only asked to hush gently when a
story is stopped; the journal records how the session went.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable


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

    def story_started(self, story: object) -> None: ...

    def page_changed(self, page: object, *, forward: bool = True) -> None: ...

    def story_finished(self) -> bool: ...

    def stop_gently(self) -> None: ...

    def wake(self) -> None:
        """The story goes on after a pause: bring back a sound the sleep timer faded."""


class NullSound:
    """No sound: the story plays in silence."""

    def story_started(self, story: object) -> None:
        pass

    def page_changed(self, page: object, *, forward: bool = True) -> None:
        pass

    def story_finished(self) -> bool:
        return False

    def stop_gently(self) -> None:
        pass

    def wake(self) -> None:
        pass
