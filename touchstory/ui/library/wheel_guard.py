"""The mouse wheel scrolls the page, not the control under the pointer.

A slider, menu or number box that has no keyboard focus would otherwise take the
wheel while a parent scrolls the Settings page and change silently (the Voice
volume went from 100 % to 0 % that way). Once a control has focus (clicked or
tabbed to) the wheel changes it as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar,
    QWidget,
)

GUARDED = (QAbstractSlider, QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Install with `guard(root)`: every guarded control below `root` passes an
    unfocused wheel on to the nearest scrolling page."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = _scroll_area_of(watched)
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True  # never the control itself


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return parent
        parent = parent.parentWidget()
    return None


def guard(root: QWidget) -> WheelGuard:
    """Guard every slider, menu and number box below `root` (kept alive by root)."""
    keeper = WheelGuard(root)
    for kind in GUARDED:
        for control in root.findChildren(kind):
            if isinstance(control, QScrollBar):
                continue  # a scroll bar is how the page scrolls
            # no focus from the wheel either: it would make the next turn change it
            control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            control.installEventFilter(keeper)
    return keeper
