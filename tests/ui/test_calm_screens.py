"""Issue 10's fixes a parent would notice in the library and Settings: bedtime
tints the card pictures like the player's (the day themes show them as drawn),
the card's focus ring only for the keyboard, the Strokes page one click away,
a mouse wheel that scrolls Settings instead of moving a slider, no stock icons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap, QWheelEvent
from PySide6.QtWidgets import QApplication, QProxyStyle, QScrollArea, QStyle

from test_library_kit import Built, built, settle, story_root  # noqa: F401  (fixtures)
from touchstory.journal.settings import Settings
from touchstory.ui.theme import theme_by_name


def _thumb_colour(b: Built) -> QColor:
    """The colour in the middle of the Sleepy Sea card's sky (drawn #2b3a55)."""
    grid = b.window.grid
    index = b.index_of("The Sleepy Sea")
    rect = grid.card_rect(index)
    image = grid.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 12, rect.top() + 30)


@pytest.mark.parametrize("theme,tinted", [("bedtime", True), ("day", False), ("contrast", False)])
def test_card_pictures_are_tinted_only_at_bedtime(qtbot, story_root: Path, tmp_path: Path, theme: str, tinted: bool):  # noqa: F811  (a fixture)
    b = Built(qtbot, story_root, tmp_path, theme=theme)
    try:
        seen = _thumb_colour(b)
        drawn = QColor("#2b3a55")
        tint = QColor(theme_by_name("bedtime").palette.picture_tint)
        expected = QColor(drawn.red() * tint.red() // 255, drawn.green() * tint.green() // 255,
                          drawn.blue() * tint.blue() // 255) if tinted else drawn
        for got, want in zip(seen.getRgb()[:3], expected.getRgb()[:3]):
            assert abs(got - want) <= 3, f"{theme}: {seen.name()} is not {expected.name()}"
    finally:
        b.close()


def _ring_shown(b: Built, title: str) -> bool:
    grid = b.window.grid
    rect = grid.card_rect(b.index_of(title))
    image = grid.viewport().grab().toImage()
    accent = QColor(b.window.palette().color(b.window.palette().ColorRole.Highlight))
    x, y = rect.center().x(), rect.top() + 2
    return any(abs(image.pixelColor(x, y + d).red() - accent.red()) < 12
               and abs(image.pixelColor(x, y + d).green() - accent.green()) < 12 for d in range(3))


def test_the_focus_ring_marks_the_keyboard_not_the_mouse(built: Built):  # noqa: F811  (a fixture)
    grid = built.window.grid
    grid.setFocus(Qt.FocusReason.OtherFocusReason)
    grid.setCurrentIndex(built.index_of("Baby Feet"))
    built.qtbot.mousePress(grid.viewport(), Qt.MouseButton.RightButton,
                           pos=grid.card_rect(built.index_of("Bouncy Bunny")).center())
    settle(30)
    assert not _ring_shown(built, "Bouncy Bunny"), "a card clicked with the mouse wears no focus ring"
    built.qtbot.keyClick(grid, Qt.Key.Key_Right)
    settle(30)
    title = built.titles()[grid.currentIndex().row()]
    assert _ring_shown(built, title), "the card reached with the keyboard shows where the keyboard is"


def test_the_strokes_page_opens_from_the_library_and_goes_back(built: Built):  # noqa: F811  (a fixture)
    window = built.window
    assert window.strokes_button.isVisible()
    built.qtbot.mouseClick(window.strokes_button, Qt.MouseButton.LeftButton)
    page = window.pages.currentWidget()
    assert type(page).__name__ == "StrokesPage"
    assert page.tiles, "the strokes are shown"
    built.qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.page


def _dialog(qtbot, theme: str = "day"):
    from touchstory.ui.library.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), theme_by_name(theme), True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _wheel(widget, down: bool = True) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, -120 if down else 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_settings_scrolls_the_page_not_an_unfocused_slider(qtbot):
    dialog = _dialog(qtbot)
    dialog.tabs.setCurrentWidget(dialog.sound)
    dialog.resize(dialog.width(), 420)  # a page that has to scroll
    settle(30)
    slider = next(iter(dialog.volume_sliders.values()))
    before = slider.value()
    area = dialog.sound if isinstance(dialog.sound, QScrollArea) else dialog.sound.findChild(QScrollArea)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    start = bar.value()
    for _ in range(5):
        _wheel(slider)
    assert slider.value() == before, "the wheel moved a slider nobody chose"
    assert bar.value() > start, "the page scrolled instead"
    slider.setFocus()
    _wheel(slider)
    assert slider.value() != before, "a slider that has focus still takes the wheel"


class _IconStyle(QProxyStyle):
    """A desktop style that puts its green tick and red cross on dialog buttons (as
    KDE's and GNOME's do; the test platform's own style does not)."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)

    def standardIcon(self, icon, option=None, widget=None):  # noqa: N802
        image = QPixmap(16, 16)
        image.fill(QColor("#00ff00"))
        return QIcon(image)


def test_save_and_cancel_carry_no_stock_icons(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    app = QApplication.instance()
    old = app.style().name()
    app.setStyle(_IconStyle(old))
    try:
        dialog = _dialog(qtbot)
    finally:
        app.setStyle(old)

    box = dialog.findChild(QDialogButtonBox)
    assert [b.text() for b in box.buttons()] and all(b.icon().isNull() for b in box.buttons())
