"""Themes: bedtime in the evening by default, never pure white, little blue;
settings choose a theme and text size; the player takes them live."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from touchstory.journal.settings import Settings
from touchstory.ui.theme import BEDTIME, CONTRAST, DAY, THEMES, ThemeName, apply_theme, theme_by_name, theme_for_now

EVENING = datetime(2025, 1, 10, 19, 45)
MORNING = datetime(2025, 1, 10, 9, 0)
LATE = datetime(2025, 1, 10, 2, 30)


def test_auto_is_bedtime_in_the_evening_and_night_and_day_in_the_morning():
    assert theme_for_now(Settings(), EVENING).name is ThemeName.BEDTIME
    assert theme_for_now(Settings(), LATE).name is ThemeName.BEDTIME
    assert theme_for_now(Settings(), MORNING).name is ThemeName.DAY
    assert theme_for_now(None, EVENING).name is ThemeName.BEDTIME  # no settings yet: still calm


def test_bedtime_hours_come_from_settings():
    early = Settings(bedtime_start="17:00", bedtime_end="06:00")
    assert theme_for_now(early, datetime(2025, 1, 10, 17, 30)).name is ThemeName.BEDTIME
    assert theme_for_now(early, datetime(2025, 1, 10, 6, 30)).name is ThemeName.DAY


@pytest.mark.parametrize("choice,expected", [("bedtime", BEDTIME), ("day", DAY), ("contrast", CONTRAST)])
def test_a_chosen_theme_wins_at_any_hour(choice, expected):
    assert theme_for_now(Settings(theme=choice), MORNING).name is expected.name
    assert theme_for_now(Settings(theme=choice), EVENING).name is expected.name


def test_unknown_names_fall_back_to_bedtime():
    assert theme_by_name("sparkly") is BEDTIME
    assert theme_by_name(ThemeName.DAY) is DAY


def test_bedtime_is_warm_dim_and_never_pure_white():
    for value in vars_of(BEDTIME.palette):
        c = QColor(value)
        assert (c.red(), c.green(), c.blue()) != (255, 255, 255)
        assert c.blue() <= c.red(), f"{value} is bluer than it is red"
    assert QColor(BEDTIME.palette.window).lightness() < 40
    assert QColor(BEDTIME.palette.text).lightness() < 235
    assert BEDTIME.palette.picture_tint  # pictures are warmed and dimmed too


def test_contrast_is_strong():
    window, text = QColor(CONTRAST.palette.window), QColor(CONTRAST.palette.text)
    assert abs(window.lightness() - text.lightness()) > 200


def test_text_scale_and_dyslexia_spacing():
    theme = theme_for_now(Settings(text_scale=1.5, dyslexia_spacing=True), EVENING)
    assert theme.text_scale == 1.5 and theme.dyslexia_spacing
    assert theme.ui_font().pointSizeF() == pytest.approx(BEDTIME.ui_font().pointSizeF() * 1.5)
    assert theme.story_font(40).letterSpacing() > 100
    assert BEDTIME.with_text(9.0).text_scale == 2.5  # clamped


def test_apply_theme_colours_the_widget(qtbot):
    for theme in THEMES.values():
        widget = QWidget()
        qtbot.addWidget(widget)
        apply_theme(widget, theme)
        assert widget.palette().color(QPalette.ColorRole.Window) == QColor(theme.palette.window)
        assert widget.autoFillBackground()
        assert theme.palette.accent in widget.styleSheet()


def vars_of(palette) -> list[str]:
    return [getattr(palette, name) for name in palette.__slots__ if getattr(palette, name)]
