"""Keys of the player: which key (or clicker, or foot pedal) means which action.

Presenter clickers and pedals send ordinary keys (PageDown/PageUp, arrows, B or
'.'), so they work with no set-up; any other key can be learned and stored in
settings as `key_bindings = {"<key text>": "next" | "back" | "blank"}`, where the
key text is `QKeySequence(...).toString(PortableText)` (for example "F5", "Tab",
"Media Next").
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence


class Action(Enum):
    NEXT = "next"
    BACK = "back"
    HOME = "home"
    END = "end"
    BLANK = "blank"
    FULL_SCREEN = "full-screen"
    LEAVE_FULL_SCREEN = "leave-full-screen"
    SHOW_KEYS = "show-keys"


# Keys a focused button keeps for itself (Space/Enter press it, Tab moves focus).
BUTTON_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab}

# Actions a learned key may be bound to (the ones a clicker has buttons for).
LEARNABLE: tuple[Action, ...] = (Action.NEXT, Action.BACK, Action.BLANK)

_K = Qt.Key
DEFAULT_KEYS: dict[int, Action] = {
    _K.Key_Space: Action.NEXT,
    _K.Key_Return: Action.NEXT,
    _K.Key_Enter: Action.NEXT,
    _K.Key_Right: Action.NEXT,
    _K.Key_Down: Action.NEXT,
    _K.Key_PageDown: Action.NEXT,
    _K.Key_MediaNext: Action.NEXT,
    _K.Key_Left: Action.BACK,
    _K.Key_Up: Action.BACK,
    _K.Key_PageUp: Action.BACK,
    _K.Key_Backspace: Action.BACK,
    _K.Key_MediaPrevious: Action.BACK,
    _K.Key_Home: Action.HOME,
    _K.Key_End: Action.END,
    _K.Key_B: Action.BLANK,
    _K.Key_Period: Action.BLANK,
    _K.Key_F11: Action.FULL_SCREEN,
    _K.Key_Escape: Action.LEAVE_FULL_SCREEN,
    _K.Key_F1: Action.SHOW_KEYS,
    _K.Key_Question: Action.SHOW_KEYS,
}

# Shown by F1 / '?': (keys, what they do), in the order a parent needs them.
KEY_HELP: tuple[tuple[str, str], ...] = (
    ("Click or tap anywhere, Space, Enter, → ↓, Page Down", "Next line"),
    ("Tap the left edge, ← ↑, Page Up, Backspace", "Back one line"),
    ("Home / End", "First line / last line"),
    ("B or .", "Blank the screen (press again to show it)"),
    ("F11", "Full screen on or off"),
    ("Esc", "Leave full screen (never closes the story)"),
    ("Hold Stop for 2 seconds", "Leave the story"),
    ("F1 or ?", "Show or hide these keys"),
)

# Keys that only modify, never act: ignored so Shift+? still works as '?'.
_MODIFIER_KEYS = {_K.Key_Shift, _K.Key_Control, _K.Key_Alt, _K.Key_Meta, _K.Key_AltGr,
                  _K.Key_CapsLock, _K.Key_NumLock, _K.Key_unknown}


def key_text(key: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> str:
    """The portable text of a key with its modifiers ("F5", "Ctrl+N", "Media Next").
    Keypad and Shift are dropped: a clicker's key should match however it arrives."""
    mods = modifiers & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
    combo = QKeySequence(Qt.Key(key) | mods) if mods else QKeySequence(Qt.Key(key))
    return combo.toString(QKeySequence.SequenceFormat.PortableText)


def is_modifier(key: int) -> bool:
    return key in _MODIFIER_KEYS


class KeyMap:
    """The default keys plus learned ones; learned keys win over defaults."""

    def __init__(self, bindings: Mapping[str, str] | None = None) -> None:
        self._learned: dict[str, Action] = {}
        for text, name in (bindings or {}).items():
            try:
                action = Action(str(name).strip().lower())
            except ValueError:
                continue  # a binding from a newer version or a typo: ignore, keep the rest
            if action in LEARNABLE and text:
                self._learned[text] = action

    @property
    def bindings(self) -> dict[str, str]:
        """Learned keys as stored in settings."""
        return {text: action.value for text, action in self._learned.items()}

    def with_binding(self, text: str, action: Action) -> KeyMap:
        if action not in LEARNABLE:
            raise ValueError(f"{action.value} cannot be bound to a learned key")
        merged = self.bindings
        merged[text] = action.value
        return KeyMap(merged)

    def without_binding(self, text: str) -> KeyMap:
        merged = self.bindings
        merged.pop(text, None)
        return KeyMap(merged)

    def is_learned(self, key: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> bool:
        return key_text(key, modifiers) in self._learned

    def action_for_key(self, key: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
                       text: str = "") -> Action | None:
        if is_modifier(key):
            return None
        learned = self._learned.get(key_text(key, modifiers))
        if learned is not None:
            return learned
        plain = modifiers & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if plain:
            return None  # Ctrl+Right etc. belong to the system, not the story
        if text == "?":
            return Action.SHOW_KEYS  # '?' arrives as Shift+slash on many layouts
        return DEFAULT_KEYS.get(key)

    def action_for(self, event: QKeyEvent) -> Action | None:
        return self.action_for_key(event.key(), event.modifiers(), event.text())

    def default_keys_for(self, action: Action) -> list[str]:
        return [key_text(k) for k, a in DEFAULT_KEYS.items() if a is action]
