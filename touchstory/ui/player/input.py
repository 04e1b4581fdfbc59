"""Turning presses into player actions: keys (defaults + learned clicker keys),
clicks and touches on the page (left fifth = back), with held-key auto-repeat
ignored and bounces (a second press within 250 ms) dropped."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from touchstory.pacing.clock import Clock
from touchstory.pacing.debounce import BOUNCE_SECONDS, Debouncer
from touchstory.ui.keys import BUTTON_KEYS, Action, KeyMap

BACK_ZONE = 0.2  # a tap on the left fifth of the page goes back


class Press(Enum):
    """What the player is asked to do; TAP is Space or a touch on the page (it
    pauses narration instead of skipping), NEXT the other forward keys."""

    TAP = "tap"
    NEXT = "next"
    BACK = "back"
    HOME = "home"
    END = "end"
    BLANK = "blank"
    FULL_SCREEN = "full-screen"
    ESCAPE = "escape"
    SHOW_KEYS = "show-keys"


_FROM_ACTION = {
    Action.NEXT: Press.NEXT,
    Action.BACK: Press.BACK,
    Action.HOME: Press.HOME,
    Action.END: Press.END,
    Action.BLANK: Press.BLANK,
    Action.FULL_SCREEN: Press.FULL_SCREEN,
    Action.LEAVE_FULL_SCREEN: Press.ESCAPE,
    Action.SHOW_KEYS: Press.SHOW_KEYS,
}

# Presses that move through the story or flip the screen: a bounce would do it twice.
_DEBOUNCED = {Press.TAP, Press.NEXT, Press.BACK, Press.BLANK, Press.FULL_SCREEN, Press.SHOW_KEYS}


class PressRouter(QObject):
    """Decides what each key or tap means and hands it to `handler` once."""

    def __init__(self, clock: Clock, keymap: KeyMap, handler: Callable[[Press], None],
                 parent: QObject | None = None, bounce: float = BOUNCE_SECONDS) -> None:
        super().__init__(parent)
        self.keymap = keymap
        self._handler = handler
        self._debouncer = Debouncer(clock, bounce)
        self.ignored = 0  # presses dropped as bounces or repeats (for tests and the benchmark)

    def press_for_key(self, event: QKeyEvent) -> Press | None:
        if event.key() == Qt.Key.Key_Space and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            learned = self.keymap.action_for(event)
            if learned is None or learned is Action.NEXT:
                return Press.TAP
        action = self.keymap.action_for(event)
        return None if action is None else _FROM_ACTION[action]

    def is_learned(self, event: QKeyEvent) -> bool:
        """True for a key the reader taught (it wins even over Tab or Space)."""
        return self.keymap.is_learned(event.key(), event.modifiers())

    def key(self, event: QKeyEvent) -> bool:
        """Handle a key press; True if it meant something to the player."""
        press = self.press_for_key(event)
        if press is None:
            return False
        if event.isAutoRepeat():
            self.ignored += 1  # holding a key never runs through the story
            return True
        self._deliver(press)
        return True

    def tap_at(self, x_fraction: float) -> None:
        """A click or touch on the page at this share of its width."""
        self._deliver(Press.BACK if x_fraction < BACK_ZONE else Press.TAP)

    def _deliver(self, press: Press) -> None:
        kind = Press.NEXT if press is Press.TAP else press  # Space then PageDown is one bounce too
        if press in _DEBOUNCED and not self._debouncer.accept(kind):
            self.ignored += 1
            return
        self._handler(press)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Installed on the player's buttons: they keep Space/Enter/Tab, every
        other key goes to the story (a clicker works wherever the focus is)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in BUTTON_KEYS and not self.is_learned(event):
                return False
            return self.key(event)
        return False
