"""The cards that sit over the page: asking permission, the gentle endings, the
key list, the blanked screen, and the small "hold to leave" hint. Each paints a
soft backdrop in the theme's own colours (never white)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from touchstory.story.bookends import ENGLISH, Bookends
from touchstory.story.packs import Body, Stroke
from touchstory.ui.keys import KEY_HELP
from touchstory.ui.strokes.animation import StrokeAnimation, Ticker
from touchstory.ui.theme import Theme

DECLINED_TEXT = "That's OK. Maybe another time."
CHILD_TIP = "Wait for a yes: a nod or a smile counts. “Not now” is always fine."
BABY_TIP = ("Watch your baby: calm, awake and content means yes. "
            "Turning away, fussing or a just-fed tummy means not now.")
SAFETY_LINK = "Before you start: safety and baby's cues"
SAFETY_LINK_SHORT = "Safety and baby's cues"


def _button(text: str, *, primary: bool = False, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("primary", primary)
    button.setAutoDefault(True)  # Enter presses the focused button, as Space does
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setMinimumWidth(170)
    return button


class Backdrop(QWidget):
    """A full-size layer: the theme's window colour at `opacity`, and a rounded
    card in the middle holding the content."""

    def __init__(self, theme: Theme, opacity: float = 0.9, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._opacity = opacity
        self.card = QWidget(self)
        self.card.setObjectName("card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 6)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if type(self).set_theme is not Backdrop.set_theme:
            self.set_theme(self._theme)  # fonts follow the window size

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()  # a child's stray tap on the backdrop does nothing

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        pal = self._theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        back = QColor(pal.window)
        back.setAlphaF(self._opacity)
        painter.fillRect(self.rect(), back)
        card = QRectF(self.card.geometry()).adjusted(-2, -2, 2, 2)
        painter.setPen(QPen(QColor(pal.border), 1.5))
        painter.setBrush(QColor(pal.surface))
        painter.drawRoundedRect(card, 28, 28)
        painter.end()


def _big_px(width: int, theme: Theme, base: float = 40.0) -> int:
    """The card's big words: 40 px on a laptop, larger on a projector."""
    return int(max(28.0, min(72.0, base * max(1.0, width / 1100))) * theme.text_scale)


class PermissionCard(Backdrop):
    """"Would you like a story massage?" with Yes and Not now."""

    accept_requested = Signal()
    decline_requested = Signal()
    safety_requested = Signal()  # baby routines: the safety checklist and cue card

    def __init__(self, theme: Theme, *, ticker: Ticker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(theme, 0.88, parent)
        self.hands = StrokeAnimation(theme, None, Body.BACK, ticker=ticker, parent=self.card)
        self.hands.setMinimumSize(130, 130)
        self.hands.setMaximumSize(190, 190)
        self.question = QLabel(self.card)
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about = QLabel(self.card)
        self.about.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about.setWordWrap(True)
        self.yes = _button("Yes", primary=True, parent=self.card)
        self.not_now = _button("Not now", parent=self.card)
        self.tip = QLabel(CHILD_TIP, self.card)
        self.tip.setWordWrap(True)
        self.tip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.safety = _button(SAFETY_LINK, parent=self.card)
        self.safety.setProperty("quiet", True)
        self.safety.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.yes)
        buttons.addSpacing(18)
        buttons.addWidget(self.not_now)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(40, 28, 40, 30)
        layout.setSpacing(14)
        layout.addWidget(self.hands, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.question)
        layout.addWidget(self.about)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.tip)
        layout.addWidget(self.safety, 0, Qt.AlignmentFlag.AlignHCenter)
        self.yes.clicked.connect(self.accept_requested)
        self.safety.clicked.connect(self.safety_requested)
        self.not_now.clicked.connect(self.decline_requested)
        self.setAccessibleName("Asking permission")
        self.set_theme(theme)

    def set_question(self, question: str, about: str, resting: Stroke | None, body: Body,
                     words: Bookends = ENGLISH) -> None:
        """`words`: the answers' labels in the story's language (story/bookends.py)."""
        self.yes.setText(words.yes)
        self.not_now.setText(words.not_now)
        self.tip.setText(BABY_TIP if body is Body.BABY else CHILD_TIP)
        self.question.setText(question)
        self.question.setAccessibleName(question)
        self.about.setText(about)
        self.hands.set_stroke(resting, body)
        self.hands.setVisible(resting is not None)

    def _short(self) -> bool:
        return 0 < self.height() < 560

    def _fit(self) -> None:
        """On a short page (an 800x600 window) the resting hands give way to the words.
        They shrink away rather than hide: hiding the animation here upsets its ticker."""
        if self._short():
            self.hands.setFixedSize(0, 0)
        else:
            self.hands.setMinimumSize(130, 130)
            self.hands.setMaximumSize(190, 190)
        self.safety.setText(SAFETY_LINK_SHORT if 0 < self.width() < 900 else SAFETY_LINK)

    def set_safety_available(self, available: bool) -> None:
        """Show the "Before you start" button (baby routines only)."""
        self.safety.setVisible(available)

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        pal = theme.palette
        self.hands.set_theme(theme)
        self.question.setFont(theme.story_font(int(_big_px(self.width(), theme) * (0.8 if self._short() else 1))))
        self.question.setStyleSheet(f"color: {pal.text};")
        self.about.setFont(theme.ui_font(13))
        self.about.setStyleSheet(f"color: {pal.text_muted};")
        self.tip.setFont(theme.ui_font(11))
        self.tip.setStyleSheet(f"color: {pal.text_muted};")
        for button in (self.yes, self.not_now):
            button.setFont(theme.ui_font(16, bold=True))
        self.safety.setFont(theme.ui_font(13, bold=True))
        self.safety.setStyleSheet(f"color: {pal.accent};")
        self._fit()


class Ending(Enum):
    THANKS = "thanks"
    DECLINED = "declined"
    STOPPED = "stopped"


class EndCard(Backdrop):
    """The gentle ending: a thank-you, or "That's OK. Maybe another time."."""

    leave_requested = Signal()
    again_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, 0.9, parent)
        self.ending = Ending.THANKS
        self.message = QLabel(self.card)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sub = QLabel(self.card)
        self.sub.setWordWrap(True)
        self.sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.leave = _button("Back to stories", primary=True, parent=self.card)
        self.again = _button("Read it again", parent=self.card)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.leave)
        buttons.addSpacing(18)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(40, 40, 40, 36)
        layout.setSpacing(16)
        layout.addWidget(self.message)
        layout.addWidget(self.sub)
        layout.addSpacing(10)
        layout.addLayout(buttons)
        self.leave.clicked.connect(self.leave_requested)
        self.again.clicked.connect(self.again_requested)
        self.set_theme(theme)

    def set_ending(self, ending: Ending, thanks_text: str | None = None) -> None:
        self.ending = ending
        if ending is Ending.THANKS:
            self.message.setText(thanks_text or "Thank you.")
            self.sub.setText("Rest your hands for a moment, and enjoy the quiet.")
        else:
            self.message.setText(DECLINED_TEXT)
            self.sub.setText("Stopping is always fine. The story will be here when you want it."
                             if ending is Ending.STOPPED else "Asking first is the most important part.")
        self.setAccessibleName(self.message.text())

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        pal = theme.palette
        self.message.setFont(theme.story_font(_big_px(self.width(), theme, 38.0)))
        self.message.setStyleSheet(f"color: {pal.text};")
        self.sub.setFont(theme.ui_font(13))
        self.sub.setStyleSheet(f"color: {pal.text_muted};")
        for button in (self.leave, self.again):
            button.setFont(theme.ui_font(15, bold=True))


class KeysOverlay(Backdrop):
    """F1 / '?': every key in one calm list, and the way to teach a clicker."""

    close_requested = Signal()
    learn_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, 0.94, parent)
        self.title = QLabel("Keys", self.card)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        self._keys: list[QLabel] = []
        self._whats: list[QLabel] = []
        for row, (keys, what) in enumerate(KEY_HELP):
            k = QLabel(keys, self.card)
            k.setWordWrap(True)
            w = QLabel(what, self.card)
            w.setWordWrap(True)
            grid.addWidget(k, row, 0)
            grid.addWidget(w, row, 1)
            self._keys.append(k)
            self._whats.append(w)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.learn = _button("Learn my clicker…", parent=self.card)
        self.close_button = _button("Close", primary=True, parent=self.card)
        buttons = QHBoxLayout()
        buttons.addWidget(self.learn)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.learn.clicked.connect(self.learn_requested)
        self.close_button.clicked.connect(self.close_requested)
        self.setAccessibleName("Keys")
        self.set_theme(theme)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        if not self.card.geometry().contains(event.position().toPoint()):
            self.close_requested.emit()

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        pal = theme.palette
        self.title.setFont(theme.ui_font(20, bold=True))
        for label in self._keys:
            label.setFont(theme.ui_font(13, bold=True))
            label.setStyleSheet(f"color: {pal.accent};")
        for label in self._whats:
            label.setFont(theme.ui_font(13))
        for button in (self.learn, self.close_button):
            button.setFont(theme.ui_font(13, bold=True))


class BlankOverlay(QWidget):
    """B or '.': the whole window goes dark, as presenters expect."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAccessibleName("Screen blanked. Press B to show it again.")
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.ignore()  # the player decides: a tap brings the page back

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#000000"))
        painter.end()


class Toast(QLabel):
    """A small message that fades in, stays a moment, and fades away."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._effect = QGraphicsOpacityEffect(self)
        self._effect.setOpacity(0.0)
        self.setGraphicsEffect(self._effect)
        self._fade = QVariantAnimation(self)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._fade.valueChanged.connect(self._on_fade_value_changed)
        self._fade.finished.connect(self._on_fade_finished)
        self._stay = QTimer(self)
        self._stay.setSingleShot(True)
        self._stay.timeout.connect(self._on_stay_timeout)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_theme(theme)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        pal = theme.palette
        self.setFont(theme.ui_font(13, bold=True))
        self.setStyleSheet(f"background: {pal.surface_alt}; color: {pal.text}; border: 2px solid {pal.accent};"
                           " border-radius: 18px; padding: 8px 20px;")

    def flash(self, text: str, seconds: float = 2.5) -> None:
        self.setText(text)
        long = len(text) > 70  # a real message (no voice engine, no speakers): wrap it
        self.setWordWrap(long)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft if long else Qt.AlignmentFlag.AlignCenter)
        if long:
            parent = self.parentWidget()
            width = min(680, max(320, (parent.width() if parent is not None else 800) - 56))
            self.setFixedSize(width, self.heightForWidth(width))
        else:
            self.setMinimumSize(0, 0)
            self.setMaximumSize(16777215, 16777215)
            self.adjustSize()
        self.show()
        self.raise_()
        self._fade.stop()
        self._fade.setDuration(200)
        self._fade.setStartValue(self._effect.opacity())
        self._fade.setEndValue(1.0)
        self._fade.start()
        self._stay.start(int(seconds * 1000))

    def _on_stay_timeout(self) -> None:
        self._fade.stop()
        self._fade.setDuration(600)
        self._fade.setStartValue(self._effect.opacity())
        self._fade.setEndValue(0.0)
        self._fade.start()

    def _on_fade_value_changed(self, value: float) -> None:
        self._effect.setOpacity(float(value))

    def _on_fade_finished(self) -> None:
        if self._effect.opacity() <= 0.01:
            self.hide()
