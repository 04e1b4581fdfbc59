"""Style rules the library adds to the shared theme (touchstory.ui.theme).

They are appended to the window's own style sheet rather than set on each
widget: a widget with a style sheet of its own stops inheriting the theme's font.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from touchstory.ui.theme import Theme


def library_rules(theme: Theme) -> str:
    p = theme.palette
    return f"""
    QWidget:disabled {{ color: {p.text_muted}; }}
    QListView#cardGrid {{ background: transparent; border: none; padding: 0; }}
    #noticeBar {{ background: {p.surface}; border: 1px solid {p.accent}; border-radius: 12px; }}
    #continueBar {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 14px; }}
    #problemCard {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 14px; }}
    #problemWhere, #countLabel, #hint {{ color: {p.text_muted}; }}
    #problemFix {{ color: {p.accent}; }}
    #problemCode {{ background: {p.window}; border-radius: 8px; padding: 8px; }}
    QPushButton#linkButton {{ border: none; background: transparent; color: {p.accent}; padding: 6px 10px; }}
    QPushButton#linkButton:focus {{ border: 2px solid {p.accent}; }}
    QComboBox {{ padding: 6px 34px 6px 12px; min-height: 28px; }}
    QComboBox::drop-down {{ border: none; width: 30px; }}
    QComboBox::down-arrow {{ image: none; width: 0; height: 0; }}
    QPushButton#filterToggle {{ padding: 6px 16px; min-height: 28px; }}
    QPushButton#filterToggle:checked {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent}; }}
    QPushButton#filterToggle:checked:focus {{ border: 3px solid {p.text}; }}
    QComboBox QAbstractItemView {{ background: {p.surface}; color: {p.text};
        selection-background-color: {p.surface_alt}; selection-color: {p.text}; border: 1px solid {p.border}; }}
    QPushButton:checked {{ background: {p.surface_alt}; color: {p.text}; border-color: {p.accent}; }}
    QTabWidget::pane {{ border: 1px solid {p.border}; border-radius: 12px; top: -1px; background: {p.surface}; }}
    QTabBar::tab {{ background: {p.window}; color: {p.text_muted}; padding: 10px 18px;
        border: 1px solid {p.border}; border-bottom: none; border-top-left-radius: 10px;
        border-top-right-radius: 10px; margin-right: 4px; }}
    QTabBar::tab:selected {{ background: {p.surface}; color: {p.text}; }}
    QTabBar::tab:focus {{ border: 2px solid {p.accent}; border-bottom: none; }}
    QAbstractSpinBox {{ background: {p.surface}; color: {p.text}; border: 2px solid {p.border};
        border-radius: 10px; padding: 6px 10px; }}
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 0; border: none; }}
    QCheckBox {{ spacing: 12px; }}
    QCheckBox::indicator {{ width: 18px; height: 18px; border: 2px solid {p.text_muted}; border-radius: 6px;
        background: {p.surface}; }}
    QCheckBox::indicator:checked {{ background: {p.accent}; border-color: {p.accent}; }}
    QCheckBox::indicator:focus {{ border-color: {p.accent}; }}
    QCheckBox::indicator:disabled {{ border-color: {p.border}; }}
    QCheckBox::indicator:checked:disabled {{ background: {p.border}; }}
    QScrollArea#problemList {{ background: transparent; border: none; }}
    """


def apply_library_theme(widget: QWidget, theme: Theme) -> None:
    """What `touchstory.ui.theme.apply_theme` does, with the library's rules in the
    same style sheet: setting a style sheet twice costs a second full re-style,
    about 20 ms at start-up, so the two are joined into one call."""
    # When a style sheet is set again (a later theme), Qt re-resolves child fonts
    # against the application font, not the window's: without this every label
    # and button would shrink to the default 9 pt.
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setFont(theme.ui_font())
    widget.setPalette(theme.qpalette())
    widget.setFont(theme.ui_font())
    widget.setAutoFillBackground(True)
    widget.setStyleSheet(theme.style_sheet() + library_rules(theme))
    widget.setProperty("touchstory_theme", theme.name.value)


def hint_label(text: str) -> QLabel:
    """A quiet, wrapping line of help under a control (styled as `#hint`)."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label
