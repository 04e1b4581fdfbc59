"""What the player needs from narration, sound and the journal, as small Protocols.

The player never builds these: app.py passes them in (or nothing). A narrator
speaks a step and reports back through the player's `speech_finished(index)` and
`highlight_word(index | None)`; the mixer is only asked to hush gently when a
story is stopped; the journal records how the session went.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Narrator(Protocol):
    """Speaks one step. When the audio of step `index` ends, the narrator (or
    app.py on its behalf) calls `PlayerWindow.speech_finished(index)` on the GUI
    thread; word timing goes to `PlayerWindow.highlight_word(i)`."""

    def speak(self, index: int, text: str) -> None: ...

    def stop(self) -> None: ...


@runtime_checkable
class GentleMixer(Protocol):
    def stop_gently(self) -> None: ...


class NullNarrator:
    """No narration: nothing is spoken; the session's own timing carries on."""

    def speak(self, index: int, text: str) -> None:
        pass

    def stop(self) -> None:
        pass
