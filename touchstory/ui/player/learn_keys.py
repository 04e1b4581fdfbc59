""""Learn my clicker": bind any key a clicker or foot pedal sends to Next, Back or
Blank. Choose what the button should do, press it once, save. Learned keys are
listed with a way to forget each one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from touchstory.ui.keys import LEARNABLE, Action, KeyMap, is_modifier, key_text
from touchstory.ui.theme import Theme, apply_theme

_LABELS = {Action.NEXT: "Next line", Action.BACK: "Back one line", Action.BLANK: "Blank the screen"}


class LearnClickerDialog(QDialog):
    """After exec(), `keymap` is the new map (None if cancelled)."""

    def __init__(self, theme: Theme, keymap: KeyMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Learn my clicker")
        self.keymap: KeyMap | None = None
        self._working = keymap
        self._captured: str | None = None
        apply_theme(self, theme)
        self._theme = theme

        intro = QLabel("1. Choose what the button should do.", self)
        self._choices = QButtonGroup(self)
        choice_row = QHBoxLayout()
        for i, action in enumerate(LEARNABLE):
            choice = QPushButton(_LABELS[action], self)
            choice.setCheckable(True)
            choice.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # every key press belongs to the capture
            self._choices.addButton(choice, i)
            choice_row.addWidget(choice)
            if i == 0:
                choice.setChecked(True)
        self._choices.setExclusive(True)
        self._choices.buttonClicked.connect(self._on_choices_clicked)
        self.prompt = QLabel("2. Press the button on your clicker or pedal now.", self)
        self.captured_label = QLabel("Waiting for a key…", self)
        self.captured_label.setFont(theme.ui_font(18, bold=True))
        self.captured_label.setStyleSheet(f"color: {theme.palette.accent};")
        self.learned_label = QLabel(self)
        self.learned_label.setWordWrap(True)
        self.forget_button = QPushButton("Forget learned keys", self)
        self.save_button = QPushButton("Save", self)
        self.save_button.setProperty("primary", True)
        self.save_button.setEnabled(False)
        self.cancel_button = QPushButton("Cancel", self)
        for button in (self.forget_button, self.save_button, self.cancel_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addLayout(choice_row)
        layout.addWidget(self.prompt)
        layout.addWidget(self.captured_label)
        layout.addWidget(self.learned_label)
        layout.addLayout(buttons)
        self._connect_signals()
        self._show_learned()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(620, 330)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.forget_button.clicked.connect(self._on_forget_button_clicked)

    def _on_choices_clicked(self) -> None:
        if self._captured:
            self.captured_label.setText(f"Got it: {self._captured} → {_LABELS[self.chosen_action()].lower()}")

    def chosen_action(self) -> Action:
        return LEARNABLE[max(0, self._choices.checkedId())]

    def choose(self, action: Action) -> None:
        self._choices.button(LEARNABLE.index(action)).setChecked(True)

    def _show_learned(self) -> None:
        learned = self._working.bindings
        if learned:
            listed = ", ".join(f"{k} = {_LABELS[Action(v)].lower()}" for k, v in learned.items())
            self.learned_label.setText(f"Learned so far: {listed}")
        else:
            self.learned_label.setText("No keys learned yet. Page Down, Page Up, the arrows, B and '.' "
                                       "always work.")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.isAutoRepeat() or is_modifier(event.key()):
            return
        # Every key is captured, Esc included: some clickers send it. Cancel closes.
        self._captured = key_text(event.key(), event.modifiers())
        self.captured_label.setText(f"Got it: {self._captured} → {_LABELS[self.chosen_action()].lower()}")
        self.save_button.setEnabled(True)
        event.accept()

    def captured(self) -> str | None:
        return self._captured

    def _on_save_button_clicked(self) -> None:
        if self._captured:
            self._working = self._working.with_binding(self._captured, self.chosen_action())
        self.keymap = self._working
        self.accept()

    def _on_forget_button_clicked(self) -> None:
        self._working = KeyMap()
        self._captured = None
        self.captured_label.setText("Waiting for a key…")
        self._show_learned()
        self.save_button.setEnabled(True)
