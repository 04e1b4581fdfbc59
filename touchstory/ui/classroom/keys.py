"""The classroom's own keys, on top of the player's (touchstory.ui.keys): one key
for each card, "move on", pause and the console. A clicker's learned keys still
win over these, as they do in the player."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from touchstory.pacing.slides import Overlay


class ClassAction(Enum):
    INCLUSION = "inclusion"
    YES = "yes"
    NO = "no"
    SOFTER = "softer"
    FIRMER = "firmer"
    STOP_CARD = "stop-card"
    MOVE_ON = "move-on"
    PAUSE = "pause"

    @property
    def overlay(self) -> Overlay | None:
        return _OVERLAYS.get(self)


_OVERLAYS = {ClassAction.INCLUSION: Overlay.INCLUSION, ClassAction.YES: Overlay.YES, ClassAction.NO: Overlay.NO,
             ClassAction.SOFTER: Overlay.SOFTER, ClassAction.FIRMER: Overlay.FIRMER,
             ClassAction.STOP_CARD: Overlay.STOP}

_K = Qt.Key
CLASS_KEYS: dict[int, ClassAction] = {
    _K.Key_I: ClassAction.INCLUSION, _K.Key_0: ClassAction.INCLUSION,
    _K.Key_Y: ClassAction.YES, _K.Key_1: ClassAction.YES,
    _K.Key_N: ClassAction.NO, _K.Key_2: ClassAction.NO,
    _K.Key_S: ClassAction.SOFTER, _K.Key_3: ClassAction.SOFTER,
    _K.Key_F: ClassAction.FIRMER, _K.Key_4: ClassAction.FIRMER,
    _K.Key_X: ClassAction.STOP_CARD, _K.Key_5: ClassAction.STOP_CARD,
    _K.Key_M: ClassAction.MOVE_ON,
    _K.Key_P: ClassAction.PAUSE,
}

# The key that shows on each console button.
BUTTON_KEYS: dict[ClassAction, str] = {
    ClassAction.INCLUSION: "I", ClassAction.YES: "Y", ClassAction.NO: "N", ClassAction.SOFTER: "S",
    ClassAction.FIRMER: "F", ClassAction.STOP_CARD: "X", ClassAction.MOVE_ON: "M", ClassAction.PAUSE: "P",
}

CLASS_KEY_HELP: tuple[tuple[str, str], ...] = (
    ("Page Down, →, ↓, Space, Enter", "Next line, stroke or step"),
    ("Page Up, ←, ↑, Backspace", "Back"),
    ("Home / End", "First / last slide of this step"),
    ("B or .", "Blank the projector (press again to show it)"),
    ("I or 0", "Inclusion card: watch, or use a teddy"),
    ("Y N S F X (or 1-5)", "Cards: yes, no, softer, firmer, stop"),
    ("M", "Move on now (a line or circle)"),
    ("P", "Pause / go on"),
    ("F11 / Esc", "Projector full screen on / off"),
    ("F1 or ?", "Show or hide these keys"),
)


def class_action_for(event: QKeyEvent) -> ClassAction | None:
    """The classroom action of a key press, or None (plain keys only: Ctrl+N etc.
    belong to the system, and Shift is allowed so caps lock does no harm)."""
    mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
    if mods:
        return None
    return CLASS_KEYS.get(event.key())
