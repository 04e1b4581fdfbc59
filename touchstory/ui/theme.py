"""Themes: the colours and type every window draws with (bedtime, day, high contrast).

A `Theme` is plain data (palette + fonts); `apply_theme(widget, theme)` puts it on a
top-level widget (QPalette + one style sheet) so children inherit it. Painting code
reads colours from `theme.palette` directly. Bedtime is the default in the evening:
warm, dim, no pure white, little blue, large soft type.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time
from enum import Enum
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget


class ThemeName(Enum):
    BEDTIME = "bedtime"
    DAY = "day"
    CONTRAST = "contrast"


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours as '#rrggbb'. `window` is the page; `surface` cards and buttons."""

    window: str
    surface: str
    surface_alt: str  # hovered button, placeholder fill
    text: str
    text_muted: str  # notes, progress, hints
    accent: str  # the one warm colour: focus ring, progress, hands in the animation
    accent_text: str  # text on an accent-filled button
    border: str
    highlight: str  # background under the word being read
    body: str  # fill of the body outline in stroke animations
    body_line: str
    trail: str  # the hand's contact trail in stroke animations
    picture_tint: str = ""  # multiplied over story pictures (bedtime: warm, dimmer, less blue); "" = none


@dataclass(frozen=True, slots=True)
class Fonts:
    """Families are tried in order; the first one installed wins."""

    story: tuple[str, ...]  # the story line: a warm book face
    ui: tuple[str, ...]  # buttons, labels, cards
    dyslexia: tuple[str, ...]  # used for story + ui when dyslexia spacing is on
    ui_point: float = 13.0
    story_weight: int = 400  # QFont.Weight value
    letter_spacing: float = 0.0  # percent extra (100 = normal) is added on top
    word_spacing: float = 0.0  # pixels


@dataclass(frozen=True, slots=True)
class Theme:
    """A whole look: palette, fonts and the user's text size and spacing."""

    name: ThemeName
    label: str
    dark: bool
    palette: Palette
    fonts: Fonts
    text_scale: float = 1.0  # from settings; multiplies every size
    dyslexia_spacing: bool = False

    def color(self, role: str) -> QColor:
        """A palette colour by field name, as a QColor."""
        return QColor(getattr(self.palette, role))

    def with_text(self, text_scale: float = 1.0, dyslexia_spacing: bool = False) -> "Theme":
        return replace(self, text_scale=max(0.6, min(float(text_scale), 2.5)),
                       dyslexia_spacing=bool(dyslexia_spacing))

    def _families(self, families: tuple[str, ...]) -> list[str]:
        return list(self.fonts.dyslexia if self.dyslexia_spacing else families)

    def _spaced(self, font: QFont, *, story: bool = False) -> QFont:
        if self.dyslexia_spacing:
            # wider letters and words help many dyslexic readers; the story line gets
            # the full amount, interface labels a lighter touch so they still fit
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108.0 if story else 103.0)
            font.setWordSpacing(font.pixelSize() * 0.25 if story and font.pixelSize() > 0 else 2.0)
        elif self.fonts.letter_spacing:
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100.0 + self.fonts.letter_spacing)
        return font

    def story_font(self, pixel_size: int) -> QFont:
        """The story line's font at a pixel size already scaled for the window."""
        font = QFont()
        font.setFamilies(self._families(self.fonts.story))
        font.setPixelSize(max(8, int(pixel_size)))
        font.setWeight(QFont.Weight(self.fonts.story_weight))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return self._spaced(font, story=True)

    def ui_font(self, point_size: float | None = None, *, bold: bool = False) -> QFont:
        """Interface type; `point_size` defaults to the theme's, times text_scale."""
        font = QFont()
        font.setFamilies(self._families(self.fonts.ui))
        size = (point_size if point_size is not None else self.fonts.ui_point) * self.text_scale
        font.setPointSizeF(max(6.0, size))
        if bold:
            font.setWeight(QFont.Weight.DemiBold)
        return self._spaced(font)

    def qpalette(self) -> QPalette:
        p = self.palette
        pal = QPalette()
        roles = {
            QPalette.ColorRole.Window: p.window,
            QPalette.ColorRole.WindowText: p.text,
            QPalette.ColorRole.Base: p.surface,
            QPalette.ColorRole.AlternateBase: p.surface_alt,
            QPalette.ColorRole.Text: p.text,
            QPalette.ColorRole.PlaceholderText: p.text_muted,
            QPalette.ColorRole.Button: p.surface,
            QPalette.ColorRole.ButtonText: p.text,
            QPalette.ColorRole.BrightText: p.accent,
            QPalette.ColorRole.Highlight: p.accent,
            QPalette.ColorRole.HighlightedText: p.accent_text,
            QPalette.ColorRole.ToolTipBase: p.surface,
            QPalette.ColorRole.ToolTipText: p.text,
            QPalette.ColorRole.Link: p.accent,
            QPalette.ColorRole.Light: p.surface_alt,
            QPalette.ColorRole.Midlight: p.surface_alt,
            QPalette.ColorRole.Mid: p.border,
            QPalette.ColorRole.Dark: p.border,
            QPalette.ColorRole.Shadow: p.window,
        }
        for role, value in roles.items():
            pal.setColor(role, QColor(value))
            pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(value))
        for group_role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            pal.setColor(QPalette.ColorGroup.Disabled, group_role, QColor(p.text_muted))
        return pal

    def style_sheet(self) -> str:
        """Shared widget styling: soft rounded buttons, a visible focus ring.
        Buttons may set the dynamic property primary=True (the one main action,
        accent-filled) or quiet=True (borderless, muted: toolbar extras)."""
        p = self.palette
        radius = 14
        return f"""
        QWidget {{ color: {p.text}; }}
        QToolTip {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border}; }}
        QPushButton, QToolButton {{
            background: {p.surface}; color: {p.text}; border: 2px solid {p.border};
            border-radius: {radius}px; padding: 10px 22px; min-height: 28px;
        }}
        QPushButton:hover, QToolButton:hover {{ background: {p.surface_alt}; }}
        QPushButton:focus, QToolButton:focus {{ border: 3px solid {p.accent}; }}
        QPushButton:pressed, QToolButton:pressed {{ background: {p.border}; }}
        QPushButton[primary="true"] {{
            background: {p.accent}; color: {p.accent_text}; border-color: {p.accent};
        }}
        QPushButton[primary="true"]:focus {{ border: 3px solid {p.text_muted}; }}
        QPushButton:checked {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent}; }}
        QPushButton[quiet="true"] {{
            background: transparent; color: {p.text_muted}; border: 2px solid transparent;
            padding: 8px 14px;
        }}
        QPushButton[quiet="true"]:hover {{ background: {p.surface}; color: {p.text}; }}
        QPushButton[quiet="true"]:focus {{ border: 2px solid {p.accent}; color: {p.text}; }}
        QSlider {{ min-height: 34px; background: transparent; }}
        QSlider::groove:horizontal {{ height: 8px; border-radius: 4px; background: {p.border}; }}
        QSlider::sub-page:horizontal {{ height: 8px; border-radius: 4px; background: {p.accent}; }}
        QSlider::handle:horizontal {{ width: 22px; height: 22px; margin: -9px 0; border-radius: 13px;
            background: {p.surface}; border: 2px solid {p.text_muted}; }}
        QSlider::handle:horizontal:focus {{ border: 3px solid {p.accent}; background: {p.surface_alt}; }}
        QPushButton[quiet="true"]:checked {{
            background: {p.surface_alt}; color: {p.text}; border: 2px solid {p.accent};
        }}
        QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QListView, QTreeView, QTextEdit,
        QPlainTextEdit {{
            background: {p.surface}; color: {p.text}; border: 2px solid {p.border};
            border-radius: 10px; padding: 6px; selection-background-color: {p.accent};
            selection-color: {p.accent_text};
        }}
        QLineEdit:focus, QComboBox:focus, QListView:focus, QTextEdit:focus {{ border-color: {p.accent}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
        QScrollBar:vertical {{ background: {p.window}; width: 12px; margin: 0; }}
        QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 6px; min-height: 40px; }}
        QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
        QScrollBar:horizontal {{ background: {p.window}; height: 12px; }}
        QScrollBar::handle:horizontal {{ background: {p.border}; border-radius: 6px; min-width: 40px; }}
        QMenuBar, QMenu {{ background: {p.surface}; color: {p.text}; }}
        QMenu::item:selected, QMenuBar::item:selected {{ background: {p.surface_alt}; }}
        QCheckBox, QRadioButton, QLabel {{ background: transparent; }}
        QDialog {{ background: {p.window}; }}
        """


# Bedtime: deep warm browns, cream text (never #fff), amber accent; blue channel kept low.
BEDTIME = Theme(
    name=ThemeName.BEDTIME,
    label="Bedtime",
    dark=True,
    palette=Palette(
        window="#1d1712", surface="#2a2119", surface_alt="#382c21",
        text="#ead8b8", text_muted="#a99276", accent="#d69a55", accent_text="#1d1712",
        border="#4a3a2b", highlight="#5c4026",
        body="#3a2d22", body_line="#6e5740", trail="#e0a868", picture_tint="#cdb190",
    ),
    fonts=Fonts(
        story=("Andika", "Atkinson Hyperlegible", "Century Schoolbook", "C059", "DejaVu Serif", "serif"),
        ui=("Nunito", "Atkinson Hyperlegible", "Nimbus Sans", "DejaVu Sans", "sans-serif"),
        dyslexia=("OpenDyslexic", "Lexend", "Atkinson Hyperlegible", "DejaVu Sans", "sans-serif"),
        ui_point=14.0,
        letter_spacing=1.5,
    ),
)

DAY = Theme(
    name=ThemeName.DAY,
    label="Day",
    dark=False,
    palette=Palette(
        window="#f4ede1", surface="#fbf6ee", surface_alt="#ebe1d1",
        text="#3a2e24", text_muted="#7a6a59", accent="#9e4f1f", accent_text="#fbf6ee",  # links and chips >= 4.5:1 on every surface
        border="#d8cab5", highlight="#f1d3a6",
        body="#e6d1b6", body_line="#9a7756", trail="#c26a33",  # outline 3.8:1 on a card, 3.5:1 on the page
    ),
    fonts=Fonts(
        story=("Andika", "Atkinson Hyperlegible", "Century Schoolbook", "C059", "DejaVu Serif", "serif"),
        ui=("Nunito", "Atkinson Hyperlegible", "Nimbus Sans", "DejaVu Sans", "sans-serif"),
        dyslexia=("OpenDyslexic", "Lexend", "Atkinson Hyperlegible", "DejaVu Sans", "sans-serif"),
        ui_point=13.0,
    ),
)

CONTRAST = Theme(
    name=ThemeName.CONTRAST,
    label="High contrast",
    dark=True,
    palette=Palette(
        window="#000000", surface="#0d0d0d", surface_alt="#262626",
        text="#ffffff", text_muted="#e6e6e6", accent="#ffd400", accent_text="#000000",
        border="#ffffff", highlight="#6b5a00",
        body="#1a1a1a", body_line="#ffffff", trail="#ffd400",
    ),
    fonts=Fonts(
        story=("Atkinson Hyperlegible", "DejaVu Sans", "sans-serif"),
        ui=("Atkinson Hyperlegible", "DejaVu Sans", "sans-serif"),
        dyslexia=("OpenDyslexic", "Lexend", "Atkinson Hyperlegible", "DejaVu Sans", "sans-serif"),
        ui_point=14.0,
        story_weight=600,
    ),
)

THEMES: dict[ThemeName, Theme] = {t.name: t for t in (BEDTIME, DAY, CONTRAST)}

EVENING_STARTS = time(18, 30)
MORNING_STARTS = time(7, 0)


def theme_by_name(name: str | ThemeName) -> Theme:
    """'bedtime' | 'day' | 'contrast' (or a ThemeName); unknown names give bedtime,
    the theme that can never dazzle anyone."""
    if isinstance(name, ThemeName):
        return THEMES[name]
    try:
        return THEMES[ThemeName(str(name).strip().lower())]
    except ValueError:
        return BEDTIME


def is_evening(now: datetime, start: time = EVENING_STARTS, end: time = MORNING_STARTS) -> bool:
    t = now.time()
    return t >= start or t < end


def theme_for_now(settings: Any = None, now: datetime | None = None) -> Theme:
    """The theme settings ask for, with text size and spacing applied. With theme
    "auto" (or no settings) it is bedtime in the evening and night, day otherwise.
    Reads only attributes (theme, text_scale, dyslexia_spacing, bedtime_start and
    bedtime_end as "HH:MM"), so any settings-like object works."""
    now = now or datetime.now()
    wanted = str(getattr(settings, "theme", "auto") or "auto").lower()
    if wanted == "auto":
        start = _parse_time(getattr(settings, "bedtime_start", None), EVENING_STARTS)
        end = _parse_time(getattr(settings, "bedtime_end", None), MORNING_STARTS)
        base = BEDTIME if is_evening(now, start, end) else DAY
    else:
        base = theme_by_name(wanted)
    return base.with_text(float(getattr(settings, "text_scale", 1.0) or 1.0),
                          bool(getattr(settings, "dyslexia_spacing", False)))


def _parse_time(value: object, default: time) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        try:
            hours, minutes = value.split(":")
            return time(int(hours), int(minutes))
        except ValueError:
            return default
    return default


def apply_theme(widget: QWidget, theme: Theme) -> None:
    """Give a (top-level) widget and its children the theme's palette, font and
    style sheet. Call it before show() so the first frame is already dark."""
    widget.setPalette(theme.qpalette())
    widget.setFont(theme.ui_font())
    widget.setAutoFillBackground(True)
    widget.setStyleSheet(theme.style_sheet())
    widget.setProperty("touchstory_theme", theme.name.value)


def paint_card(widget: QWidget, theme: Theme, radius: float) -> None:
    """The soft rounded card behind the stroke card and the Strokes page's tiles."""
    pal = theme.palette
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(pal.border), 1.5))
    painter.setBrush(QColor(pal.surface))
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(1, 1, -1, -1), radius, radius)
    painter.end()
