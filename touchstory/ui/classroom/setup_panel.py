"""The console's set-up row: reading mode and stroke pace, the formation, the round
timer, the projector's screen, and opening or saving a plan. Only emits what the
teacher asks for; the console fills it from the session."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from touchstory.pacing.group import GroupSession
from touchstory.pacing.plan import Formation, Plan, format_seconds
from touchstory.pacing.session import Mode
from touchstory.ui.library.filter_bar import QuietCombo  # the themed box with a chevron, as in the library

ROUND_CHOICES: tuple[float | None, ...] = (None, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0)
PACE_STEP = 0.25


def round_text(seconds: float | None) -> str:
    return "Off" if seconds is None else format_seconds(seconds).replace("s", " s")


class SetupPanel(QWidget):
    mode_requested = Signal(object)  # Mode
    pace_requested = Signal(float)
    formation_requested = Signal(object)  # Formation
    round_requested = Signal(object)  # float | None
    screen_requested = Signal(str)
    open_requested = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False  # boxes being filled from the session: not the teacher's choice
        self._pace = 1.0
        self.mode_box = QuietCombo(self)
        self.mode_box.addItem("I read aloud", Mode.READ_ALOUD)
        self.mode_box.addItem("Narrated", Mode.NARRATED)
        self.slower_button = self._button("Slower")
        self.pace_label = QLabel(self)
        self.pace_label.setObjectName("pace")
        self.faster_button = self._button("Faster")
        self.formation_box = QuietCombo(self)
        for formation in Formation:
            self.formation_box.addItem(formation.label, formation)
        self.round_box = QuietCombo(self)
        self.screen_box = QuietCombo(self)
        self.open_button = self._button("Open…")
        self.save_button = self._button("Save plan…")
        for box, name in ((self.mode_box, "Reading"), (self.formation_box, "Formation"),
                          (self.round_box, "Round timer"), (self.screen_box, "Projector screen")):
            box.setAccessibleName(name)
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        pace_row = QHBoxLayout()
        pace_row.setSpacing(10)
        for widget in (self.mode_box, self.slower_button, self.pace_label, self.faster_button):
            pace_row.addWidget(widget)
        pace_row.addStretch(1)
        grid.addWidget(self._caption("Pace"), 0, 0)
        grid.addLayout(pace_row, 0, 1)
        place_row = QHBoxLayout()
        for caption, widget in (("Formation", self.formation_box), ("Move on every", self.round_box),
                                ("Projector", self.screen_box)):
            place_row.addWidget(self._caption(caption))
            place_row.addWidget(widget)
            place_row.addSpacing(12)
        place_row.addStretch(1)
        place_row.addWidget(self.open_button)
        place_row.addWidget(self.save_button)
        grid.addWidget(self._caption("Class"), 1, 0)
        grid.addLayout(place_row, 1, 1)
        self._connect_signals()

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("caption")
        return label

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def _connect_signals(self) -> None:
        self.mode_box.currentIndexChanged.connect(self._on_mode_box_changed)
        self.slower_button.clicked.connect(self._on_slower_button_clicked)
        self.faster_button.clicked.connect(self._on_faster_button_clicked)
        self.formation_box.currentIndexChanged.connect(self._on_formation_box_changed)
        self.round_box.currentIndexChanged.connect(self._on_round_box_changed)
        self.screen_box.currentIndexChanged.connect(self._on_screen_box_changed)
        self.open_button.clicked.connect(self.open_requested)
        self.save_button.clicked.connect(self.save_requested)

    # -- filling from the session -------------------------------------------------------------
    def show_plan(self, plan: Plan) -> None:
        self._filling = True
        self.formation_box.setCurrentIndex(list(Formation).index(plan.formation))
        choices = list(ROUND_CHOICES)
        if plan.round_seconds not in choices:
            choices.append(plan.round_seconds)
        self.round_box.clear()
        for seconds in choices:
            self.round_box.addItem(round_text(seconds), seconds)
        self.round_box.setCurrentIndex(choices.index(plan.round_seconds))
        rounds = plan.formation is not Formation.PAIRS
        self.round_box.setEnabled(rounds)
        self.round_box.setToolTip("" if rounds else "For a line or a circle")
        self._filling = False

    def show_pace(self, group: GroupSession) -> None:
        self._pace = group.pace
        self.pace_label.setText(f"stroke time × {group.pace:g}")
        self._filling = True
        self.mode_box.setCurrentIndex(0 if group.mode is Mode.READ_ALOUD else 1)
        self._filling = False

    def set_screens(self, screens: list[tuple[str, str]], current: str) -> None:
        """`screens` as (name, label) pairs; `current` is the projector's screen name."""
        names = [name for name, _ in screens]
        self._filling = True
        self.screen_box.clear()
        for name, label in screens:
            self.screen_box.addItem(label, name)
        if current in names:
            self.screen_box.setCurrentIndex(names.index(current))
        self.screen_box.setEnabled(len(names) > 1)
        self._filling = False

    # -- slots ------------------------------------------------------------------------------------
    def _on_slower_button_clicked(self) -> None:
        self.pace_requested.emit(round(self._pace - PACE_STEP, 2))

    def _on_faster_button_clicked(self) -> None:
        self.pace_requested.emit(round(self._pace + PACE_STEP, 2))

    def _on_mode_box_changed(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.mode_requested.emit(Mode(self.mode_box.itemData(index)))  # Qt hands a StrEnum back as str

    def _on_formation_box_changed(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.formation_requested.emit(self.formation_box.itemData(index))

    def _on_round_box_changed(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.round_requested.emit(self.round_box.itemData(index))

    def _on_screen_box_changed(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.screen_requested.emit(self.screen_box.itemData(index))
