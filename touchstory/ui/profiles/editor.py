"""The child profile editor: name, colour, strokes loved and avoided (each avoided
stroke with its substitute), where the strokes go, pressure, a length cap, sound,
voice speed, and the cues other carers should know. Share and delete too."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGridLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget)

from touchstory.journal.profiles import COLOUR_NAMES, COLOURS, ChildProfile
from touchstory.story.adapt import ChildWay, Placement, PressureWay
from touchstory.story.model import BUILTIN_SOUNDSCAPES
from touchstory.story.packs import StrokePack
from touchstory.ui.theme import Theme, apply_theme

LOVE, FINE, AVOID = "loves it", "fine", "avoid"
_PRESSURE_LABELS = {PressureWay.LIGHTER: "Lighter", PressureWay.AS_WRITTEN: "As the story says",
                    PressureWay.FIRMER: "Firmer, never tickly"}


class ProfileEditor(QDialog):
    def __init__(self, profile: ChildProfile | None, pack: StrokePack | None, theme: Theme,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("A child's own way" if profile is None else f"{profile.name}'s own way")
        self._profile = profile or ChildProfile("")
        self._pack = pack
        way = self._profile.way
        form = QFormLayout(self)
        self.name = QLineEdit(self._profile.name)
        self.name.setPlaceholderText("Name or nickname")
        form.addRow("Name", self.name)
        self.colour = QComboBox()
        for colour, name in zip(COLOURS, COLOUR_NAMES):
            self.colour.addItem("■  " + name, colour)
            self.colour.setItemData(self.colour.count() - 1, colour, Qt.ItemDataRole.ForegroundRole)
        if self._profile.colour in COLOURS:
            self.colour.setCurrentIndex(COLOURS.index(self._profile.colour))
        form.addRow("Colour", self.colour)

        strokes = QWidget()
        grid = QGridLayout(strokes)
        grid.setContentsMargins(0, 0, 0, 0)
        self.feelings: dict[str, QComboBox] = {}
        self.substitutes: dict[str, QComboBox] = {}
        subs = dict(way.substitutes)
        for row, stroke in enumerate(pack.strokes if pack else ()):
            grid.addWidget(QLabel(stroke.name), row, 0)
            feeling = QComboBox()
            feeling.addItems([FINE, LOVE, AVOID])
            feeling.setCurrentText(AVOID if stroke.id in way.avoid else LOVE if stroke.id in way.loves else FINE)
            feeling.setAccessibleName(f"{stroke.name}: how the child feels about it")
            sub = QComboBox()
            sub.addItem("suggested" + self._suggested_label(stroke.id), "")
            sub.addItem("leave it out", "-")
            for other in pack.strokes:  # type: ignore[union-attr]
                if other.id != stroke.id:
                    sub.addItem(f"instead: {other.name}", other.id)
            index = sub.findData(subs.get(stroke.id, ""))
            sub.setCurrentIndex(max(index, 0))
            sub.setAccessibleName(f"What to do instead of {stroke.name}")
            feeling.currentTextChanged.connect(lambda text, s=sub: s.setEnabled(text == AVOID))
            sub.setEnabled(feeling.currentText() == AVOID)
            grid.addWidget(feeling, row, 1)
            grid.addWidget(sub, row, 2)
            self.feelings[stroke.id], self.substitutes[stroke.id] = feeling, sub
        form.addRow("Strokes", strokes)

        self.placement = QComboBox()
        for placement in Placement:
            self.placement.addItem(placement.label.capitalize(), placement)
        self.placement.setCurrentIndex(list(Placement).index(way.placement))
        form.addRow("Where", self.placement)
        self.pressure = QComboBox()
        for pressure in PressureWay:
            self.pressure.addItem(_PRESSURE_LABELS[pressure], pressure)
        self.pressure.setCurrentIndex(list(PressureWay).index(way.pressure))
        form.addRow("Pressure", self.pressure)
        self.cap = QSpinBox()
        self.cap.setRange(0, 60)
        self.cap.setSpecialValueText("no limit")
        self.cap.setSuffix(" min")
        self.cap.setValue(int(way.cap_minutes or 0))
        form.addRow("Longest story", self.cap)
        self.soundscape = QComboBox()
        self.soundscape.addItem("the story's own", "")
        for name in BUILTIN_SOUNDSCAPES:
            self.soundscape.addItem(name, name)
        self.soundscape.setCurrentIndex(max(0, self.soundscape.findData(self._profile.soundscape)))
        form.addRow("Favourite sound", self.soundscape)
        self.voice_speed = QDoubleSpinBox()
        self.voice_speed.setRange(0, 200)
        self.voice_speed.setDecimals(0)
        self.voice_speed.setSpecialValueText("as in Settings")
        self.voice_speed.setSuffix(" words a minute")
        self.voice_speed.setValue(self._profile.voice_speed or 0)
        form.addRow("Voice speed", self.voice_speed)
        self.cues = QPlainTextEdit(self._profile.cues)
        self.cues.setPlaceholderText("What they show when they enjoy it, and when they have had enough")
        self.cues.setFixedHeight(70)
        form.addRow("Their cues", self.cues)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        apply_theme(self, theme)

    def _suggested_label(self, stroke: str) -> str:
        sub = ChildWay(avoid=(stroke,)).substitute_for(stroke, self._pack)
        found = self._pack.get(sub) if (self._pack and sub) else None
        return f" ({found.name})" if found else " (leave it out)"

    def profile(self) -> ChildProfile:
        """The profile as the form shows it."""
        loves = tuple(s for s, box in self.feelings.items() if box.currentText() == LOVE)
        avoid = tuple(s for s, box in self.feelings.items() if box.currentText() == AVOID)
        subs = tuple((s, str(self.substitutes[s].currentData())) for s in avoid
                     if self.substitutes[s].currentData() not in ("", "-"))
        # "leave it out" on a stroke with a suggestion: the child's way says so by
        # naming the stroke itself, which substitute_for() never plays
        subs += tuple((s, s) for s in avoid if self.substitutes[s].currentData() == "-")
        way = ChildWay(loves, avoid, subs, self.placement.currentData(), self.pressure.currentData(),
                       float(self.cap.value()) or None)
        return replace(self._profile, name=self.name.text().strip(), way=way, colour=str(self.colour.currentData()),
                       soundscape=str(self.soundscape.currentData()), voice_speed=self.voice_speed.value() or None,
                       cues=self.cues.toPlainText().strip())

    def _on_save(self) -> None:
        if not self.name.text().strip():
            self.problem.setText("Give the child a name or nickname (only you see it).")
            self.name.setFocus()
            return
        self.accept()
