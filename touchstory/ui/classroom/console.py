"""The teacher's console: what is on the projector now and what comes next, the
teacher's notes, elapsed and remaining time, the plan with the current step,
pace controls, blank, the cards and stop. With one screen it is a small window
(`set_compact(True)`) that stays on top of the projector.

It never changes the session itself: buttons emit `*_requested` signals and the
controller re-renders it with `show_state(group)` and `show_times(group)`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from touchstory.pacing.clock import Clock
from touchstory.pacing.group import GroupSession
from touchstory.pacing.slides import Overlay, SlideKind
from touchstory.pacing.plan import Formation
from touchstory.ui.classroom.keys import BUTTON_KEYS, CLASS_KEY_HELP, ClassAction
from touchstory.ui.classroom.setup_panel import SetupPanel
from touchstory.ui.classroom.wording import (
    clock_text,
    slide_summary,
    step_name,
    stroke_summary,
)
from touchstory.ui.player.hold_button import HoldButton
from touchstory.ui.theme import Theme, apply_theme

_CARD_BUTTONS = ((ClassAction.INCLUSION, "Watch or teddy", "Teddy"), (ClassAction.YES, "Yes", "Yes"),
                 (ClassAction.NO, "No", "No"), (ClassAction.SOFTER, "Softer", "Softer"),
                 (ClassAction.FIRMER, "Firmer", "Firmer"), (ClassAction.STOP_CARD, "Stop", "Stop"))
_COMPACT_STYLE = "QPushButton { padding: 5px 10px; min-height: 22px; }"
# room for the arrow inside the themed border, so no box is cut off
_BOX_STYLE = ("QComboBox { padding: 4px 30px 4px 10px; min-height: 26px; }"
              "QComboBox::drop-down { border: none; width: 26px; subcontrol-origin: padding;"
              " subcontrol-position: center right; }"
              "QComboBox::down-arrow { image: none; width: 0; height: 0; }")  # QuietCombo draws a chevron


class ConsoleWindow(QWidget):
    next_requested = Signal()
    back_requested = Signal()
    blank_requested = Signal()
    pause_requested = Signal()
    move_on_requested = Signal()
    stop_requested = Signal()
    action_requested = Signal(object)  # ClassAction: a card
    step_requested = Signal(int)
    mode_requested = Signal(object)  # Mode
    pace_requested = Signal(float)
    formation_requested = Signal(object)  # Formation
    round_requested = Signal(object)  # float | None
    screen_requested = Signal(str)
    open_requested = Signal()
    save_requested = Signal()
    key_pressed = Signal(object)  # QKeyEvent, for the controller
    close_requested = Signal()

    def __init__(self, theme: Theme, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._compact = False
        self._group: GroupSession | None = None  # the session last shown
        self.preview: QWidget | None = None
        self._build(clock)
        self._connect_signals()
        self.set_theme(theme)
        self.setWindowTitle("touchstory: teacher's console")
        self.setAccessibleName("Teacher's console")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- building ----------------------------------------------------------------------
    def _label(self, text: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(wrap)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if name:
            label.setObjectName(name)
        return label

    def _button(self, text: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setProperty("primary", primary)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click must not take the clicker's keys
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def _build(self, clock: Clock) -> None:
        self.step_label = self._label(name="step")
        self.elapsed_label = self._label(wrap=False, name="time")
        self.remaining_label = self._label(wrap=False, name="time")
        self.round_label = self._label(wrap=False, name="round")
        top = QHBoxLayout()
        top.addWidget(self.step_label, 1)
        for label in (self.round_label, self.elapsed_label, self.remaining_label):
            top.addSpacing(18)
            top.addWidget(label)

        self.state_label = self._label(name="state")  # what the class sees: showing, blank, a card
        self.now_caption = self._label("Now", name="caption")
        self.now_label = self._label(name="now")
        self.stroke_label = self._label(name="stroke")
        self.next_caption = self._label("Coming next", name="caption")
        self.next_label = self._label(name="next")
        self.notes_caption = self._label("Notes for you (never shown to the class)", name="caption")
        self.notes_label = self._label(name="notes")
        self.keys_label = self._label(name="keys")
        self.keys_label.setTextFormat(Qt.TextFormat.RichText)
        self.keys_label.setText("<table cellspacing=4>" + "".join(
            f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{what}</td></tr>" for keys, what in CLASS_KEY_HELP)
            + "</table>")
        self.keys_label.hide()
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.state_label)
        left.addSpacing(4)
        for widget in (self.now_caption, self.now_label, self.stroke_label):
            left.addWidget(widget)
        left.addSpacing(10)
        left.addWidget(self.next_caption)
        left.addWidget(self.next_label)
        left.addSpacing(10)
        left.addWidget(self.notes_caption)
        left.addWidget(self.notes_label)
        left.addWidget(self.keys_label)
        left.addStretch(1)

        self.preview_caption = self._label("The class sees", name="caption")
        self.preview_box = QFrame(self)
        self._preview_layout = QVBoxLayout(self.preview_box)
        self._preview_layout.setContentsMargins(0, 0, 0, 0)
        self.plan_caption = self._label("Plan", name="caption")
        self.plan_list = QListWidget(self)
        self.plan_list.setAccessibleName("Session plan")
        self.plan_list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.plan_list.setToolTip("Double-click a step to go there")
        self.plan_list.setUniformItemSizes(True)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.preview_caption)
        right.addWidget(self.preview_box)
        right.addWidget(self.plan_caption)
        right.addWidget(self.plan_list, 1)
        self.side_panel = QWidget(self)
        self.side_panel.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)

        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addLayout(left, 3)
        middle.addWidget(self.side_panel, 2)

        self.back_button = self._button("◀  Back")
        self.next_button = self._button("Next  ▶", primary=True)
        self.blank_button = self._button("Blank  (B)")
        self.blank_button.setCheckable(True)
        self.pause_button = self._button("Pause  (P)")
        self.pause_button.setCheckable(True)
        self.move_on_button = self._button("Move on  (M)")
        # (full label, compact label) of the buttons whose words shrink on a small console
        self._labels: dict[QPushButton, tuple[str, str]] = {
            self.back_button: ("◀  Back", "◀"), self.blank_button: ("Blank  (B)", "Blank"),
            self.move_on_button: ("Move on  (M)", "Move on")}
        self.stop_button = HoldButton("Hold to end", self._theme, clock, hold_seconds=1.2, parent=self)
        self.stop_button.setAccessibleName("End the session (hold)")
        main_row = QHBoxLayout()
        main_row.setSpacing(10)
        for button in (self.back_button, self.next_button, self.blank_button, self.pause_button,
                       self.move_on_button):
            main_row.addWidget(button)
        main_row.addStretch(1)
        main_row.addWidget(self.stop_button)

        self.card_buttons: dict[ClassAction, QPushButton] = {}
        cards_row = QHBoxLayout()
        cards_row.setSpacing(8)
        self.cards_caption = self._label("Cards:", wrap=False, name="caption")
        cards_row.addWidget(self.cards_caption)
        for action, text, short in _CARD_BUTTONS:
            button = self._button(f"{text}  ({BUTTON_KEYS[action]})")
            button.setCheckable(True)
            button.setAccessibleName(f"Show the {text} card")
            button.setToolTip(f"Key: {BUTTON_KEYS[action]}")
            self._labels[button] = (button.text(), short)
            self.card_buttons[action] = button
            cards_row.addWidget(button)
        cards_row.addStretch(1)

        self.setup_panel = SetupPanel(self)
        # the set-up boxes, reachable from the console (tests, the controller's key filter)
        self.mode_box, self.formation_box = self.setup_panel.mode_box, self.setup_panel.formation_box
        self.round_box, self.screen_box = self.setup_panel.round_box, self.setup_panel.screen_box

        self._root = root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        root.setSpacing(12)
        root.addLayout(top)
        root.addLayout(middle, 1)
        root.addLayout(main_row)
        root.addLayout(cards_row)
        root.addWidget(self.setup_panel)
        for button in (self.back_button, self.next_button, self.blank_button, self.pause_button,
                       self.move_on_button, *self.card_buttons.values()):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.blank_button.clicked.connect(self._on_blank_button_clicked)
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.move_on_button.clicked.connect(self.move_on_requested)
        self.stop_button.activated.connect(self.stop_requested)
        for action, button in self.card_buttons.items():
            button.clicked.connect(lambda _=False, a=action: self._on_card_button_clicked(a))
        self.plan_list.itemActivated.connect(self._on_plan_list_item_activated)
        setup = self.setup_panel
        for source, target in ((setup.mode_requested, self.mode_requested), (setup.pace_requested, self.pace_requested),
                               (setup.formation_requested, self.formation_requested),
                               (setup.round_requested, self.round_requested),
                               (setup.screen_requested, self.screen_requested),
                               (setup.open_requested, self.open_requested), (setup.save_requested, self.save_requested)):
            source.connect(target)

    # -- look ---------------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        apply_theme(self, theme)
        self.stop_button.set_theme(theme)
        self.set_compact(self._compact)

    def _apply_fonts(self) -> None:
        pal = self._theme.palette
        scale = 0.8 if self._compact else 1.0

        def font(px: float, bold: bool = False, italic: bool = False) -> QFont:
            f = self._theme.ui_font(bold=bold)
            f.setPixelSize(int(px * scale * self._theme.text_scale))
            f.setItalic(italic)
            return f

        self.now_label.setFont(self._theme.story_font(int(30 * scale * self._theme.text_scale)))
        self.next_label.setFont(self._theme.story_font(int(21 * scale * self._theme.text_scale)))
        self.stroke_label.setFont(font(19, bold=True))
        self.notes_label.setFont(font(18, italic=True))
        self.step_label.setFont(font(18, bold=True))
        self.state_label.setFont(font(17, bold=True))
        for label in (self.elapsed_label, self.remaining_label, self.round_label):
            label.setFont(font(20, bold=True))
        for caption in self.findChildren(QLabel, "caption"):
            caption.setFont(font(14, bold=True))
            caption.setStyleSheet(f"color: {pal.text_muted};")
        self.next_label.setStyleSheet(f"color: {pal.text_muted};")
        self.stroke_label.setStyleSheet(f"color: {pal.accent};")
        self.notes_label.setStyleSheet(f"color: {pal.text}; background: {pal.surface}; border-radius: 10px;"
                                       " padding: 8px 12px;")
        self.keys_label.setFont(font(15))
        for button in self.findChildren(QPushButton):
            button.setFont(font(16, bold=True))
        self.next_button.setFont(font(22, bold=True))
        self.back_button.setFont(font(18, bold=True))
        self.plan_list.setFont(font(15))
        for box in (self.mode_box, self.formation_box, self.round_box, self.screen_box):
            box.setFont(font(15))
        self.setup_panel.pace_label.setFont(font(16))

    def set_compact(self, compact: bool) -> None:
        """One screen: a small console with only what is needed during the session."""
        self._compact = compact
        for widget in (self.side_panel, self.setup_panel, self.notes_caption, self.cards_caption):
            widget.setVisible(not compact)
        self.next_caption.setText("Next" if compact else "Coming next")
        for button, (full, short) in self._labels.items():
            button.setText(short if compact else full)
        paused = self.pause_button.isChecked()
        self.pause_button.setText(("Go on" if paused else "Pause") + ("" if compact else "  (P)"))
        self._root.setContentsMargins(*((12, 8, 12, 8) if compact else (24, 16, 24, 16)))
        self.setStyleSheet(self._theme.style_sheet() + _BOX_STYLE + (_COMPACT_STYLE if compact else ""))
        self._apply_fonts()
        if self._group is not None:
            self.show_state(self._group)
        self._root.activate()  # so that a resize straight after is not held to the old minimum

    @property
    def compact(self) -> bool:
        return self._compact

    def set_preview(self, widget: QWidget) -> None:
        """The small live copy of the projector shown on the console."""
        self.preview = widget
        widget.setParent(self.preview_box)
        self._preview_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)

    # -- showing the session ----------------------------------------------------------------
    def set_plan(self, group: GroupSession) -> None:
        plan = group.plan
        self.plan_list.clear()
        for i in range(len(plan.steps)):
            self.plan_list.addItem(QListWidgetItem(f"{i + 1}.  {step_name(i, plan, group)}"))
        self.setup_panel.show_plan(plan)
        self.move_on_button.setEnabled(plan.formation is not Formation.PAIRS)
        self.show_state(group)

    def set_screens(self, screens: list[tuple[str, str]], current: str) -> None:
        self.setup_panel.set_screens(screens, current)

    def show_state(self, group: GroupSession) -> None:
        self._group = group
        slide = group.slide
        steps = len(group.plan.steps)
        if group.ended:
            self.step_label.setText("The session has ended")
        else:
            where = f"  ·  {slide.number} of {slide.count}" if slide.count > 1 else ""
            self.step_label.setText(f"Step {group.step_index + 1} of {steps}:  "
                                    f"{step_name(group.step_index, group.plan, group)}{where}")
        self.now_label.setText(slide_summary(slide) if slide.kind is not SlideKind.STROKE else
                               f"Watch me: {slide.text}")
        self.stroke_label.setText(stroke_summary(slide))
        self.stroke_label.setVisible(bool(self.stroke_label.text()))
        nxt = group.next_slide()
        self.next_label.setText(slide_summary(nxt) if nxt is not None else "Nothing: the session is over")
        notes = "\n".join(f"• {note}" for note in slide.notes)
        self.notes_label.setText(notes or "No notes for this step.")
        self._show_covering(group)
        for i in range(self.plan_list.count()):
            item = self.plan_list.item(i)
            current = i == group.step_index and not group.ended
            font = item.font()
            font.setBold(current)
            item.setFont(font)
            text = item.text().lstrip("▶ ").strip()
            item.setText(f"▶  {text}" if current else f"    {text}")
        if not group.ended:
            self.plan_list.setCurrentRow(group.step_index)
        self.pause_button.setChecked(group.paused)
        label = ("Go on" if group.paused else "Pause") + ("" if self._compact else "  (P)")
        self.pause_button.setText(label)
        self.setup_panel.show_pace(group)
        for widget in (self.next_button, self.back_button, self.blank_button, self.pause_button,
                       *self.card_buttons.values()):
            widget.setEnabled(not group.ended)
        self.move_on_button.setEnabled(not group.ended and group.plan.formation is not Formation.PAIRS)
        self.show_times(group)

    def _show_covering(self, group: GroupSession) -> None:
        pal = self._theme.palette
        if group.blanked:
            text, colour = "The projector is BLANK. Press B (or Next) to show it again.", pal.accent
        elif group.overlay is not None:
            name = "inclusion" if group.overlay is Overlay.INCLUSION else f'"{group.overlay.text}"'
            text, colour = f"The class sees the {name} card. Press its key again (or Next) to take it down.", pal.accent
        elif group.ended:
            text, colour = "The class sees: thank you, everyone.", pal.text_muted
        else:
            text, colour = "The class sees the slide below.", pal.text_muted
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"color: {colour};")
        self.blank_button.setChecked(group.blanked)
        for action, button in self.card_buttons.items():
            button.setChecked(group.overlay is action.overlay and group.overlay is not None)

    def show_times(self, group: GroupSession) -> None:
        short = self._compact
        elapsed, remaining = clock_text(group.elapsed()), clock_text(group.remaining())
        self.elapsed_label.setText(f"{elapsed} gone" if short else f"Elapsed {elapsed}")
        self.remaining_label.setText(f"~{remaining} left" if short else f"Left about {remaining}")
        left = group.round_left()
        countdown = group.step_time_left()
        if left is not None:
            self.round_label.setText(f"Move on {clock_text(left)}" if short else
                                     f"Round {group.round_number}: move on in {clock_text(left)}")
        elif countdown is not None:
            self.round_label.setText(f"{group.step.kind.label}: {clock_text(countdown)}")
        else:
            self.round_label.setText("")
        self.round_label.setVisible(bool(self.round_label.text()))

    def toggle_keys(self) -> None:
        self.keys_label.setVisible(not self.keys_label.isVisible())

    # -- slots ----------------------------------------------------------------------------------
    def _on_blank_button_clicked(self) -> None:
        self.blank_requested.emit()

    def _on_pause_button_clicked(self) -> None:
        self.pause_requested.emit()

    def _on_card_button_clicked(self, action: ClassAction) -> None:
        self.action_requested.emit(action)

    def _on_plan_list_item_activated(self, item: QListWidgetItem) -> None:
        self.step_requested.emit(self.plan_list.row(item))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self.key_pressed.emit(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.close_requested.emit()
        super().closeEvent(event)
