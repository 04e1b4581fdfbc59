"""The projector window: what 28 children on a carpet see from six metres away.

One slide at a time in very large type: a story line with its picture and the
stroke moving big with its repeat count; "watch me" with one stroke filling the
screen; the words of a step with a simple symbol. Cards (yes, no, softer,
firmer, stop, the inclusion card), "move on" and a calm dark blank lie on top.
It only shows what it is given (`show_slide`, `set_overlay`...); the controller
decides."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from touchstory.pacing.slides import Overlay, Slide, SlideKind
from touchstory.pacing.plan import Formation, StepKind
from touchstory.story.packs import Body
from touchstory.ui.classroom.cards import BIG_TEXT, CardOverlay, MoveOnBanner, px_font, strong_accent
from touchstory.ui.classroom.symbols import Symbol, paint_symbol
from touchstory.ui.player.cards import BlankOverlay
from touchstory.ui.player.line_view import LineView
from touchstory.ui.player.pictures import PictureCache, PictureView
from touchstory.ui.strokes.animation import StrokeAnimation, Ticker
from touchstory.ui.strokes.words import first_sentence
from touchstory.ui.theme import Theme

_STEP_SYMBOLS = {StepKind.DEMONSTRATE: Symbol.WATCH, StepKind.PERMISSION: Symbol.ASK, StepKind.THANKS: Symbol.HEART,
                 StepKind.SWAP: Symbol.SWAP, StepKind.CLOSE: Symbol.MOON}
# A story line's type never goes below this share of the screen's height (80 px,
# a cap height of about 58 px, at 1080: some 6 cm on a classroom board, read at
# 8 m); the picture and stroke take these shares of the height, largest first.
LINE_FLOOR = 0.074
TOP_SHARES = (0.58, 0.48, 0.38, 0.3)
_FORMATION_SYMBOLS = {Formation.PAIRS: Symbol.PAIRS, Formation.LINE: Symbol.LINE, Formation.CIRCLE: Symbol.CIRCLE}


class _Painted(QWidget):
    """A part of the projector drawn by its `_draw_<role>(painter, rect)` method (no
    reference kept to the window: a cycle would leave its deletion to chance)."""

    def __init__(self, parent: QWidget, role: str) -> None:
        super().__init__(parent)
        self._role = role
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        draw = getattr(self.parentWidget(), f"_draw_{self._role}", None)
        if draw is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        draw(painter, QRectF(self.rect()))
        painter.end()


class ProjectorWindow(QWidget):
    """The class's screen. `tapped(x_fraction)`: a click on it (next, or back at the
    left edge), as in the player; `key_pressed(event)` for the controller."""

    tapped = Signal(float)
    key_pressed = Signal(object)
    close_requested = Signal()  # the window's own close button: the session ends with it

    def __init__(self, theme: Theme, *, ticker: Ticker | None = None, pictures: PictureCache | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.slide: Slide | None = None
        self.formation = Formation.PAIRS
        self.progress = 0.0
        self.seconds_left: float | None = None
        self.ticker = ticker or Ticker(self)
        self.pictures = pictures or PictureCache(self)
        self.picture = PictureView(theme, self.pictures, self)
        self.picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.animation = StrokeAnimation(theme, None, Body.BACK, ticker=self.ticker, parent=self)
        self.animation.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.words = LineView(theme, self)
        self.words.set_show_next(False)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label = _Painted(self, "label")  # the stroke's name and count, or a step's symbol
        self.heading = _Painted(self, "heading")  # "Watch me" and "2 of 5"
        self.how = LineView(theme, self)
        self.how.set_show_next(False)
        self.how.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.card = CardOverlay(theme, self)
        self.move_on = MoveOnBanner(theme, self)
        self.blank = BlankOverlay(self)
        self.setWindowTitle("touchstory: projector")
        self.setAccessibleName("Projector")
        self.setMinimumSize(480, 270)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.set_theme(theme)

    # -- public -----------------------------------------------------------------------
    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        big = theme.with_text(BIG_TEXT * theme.text_scale, theme.dyslexia_spacing)
        self.words.set_theme(big)
        self.how.set_theme(big)  # read from the carpet too, while the teacher shows the stroke
        for view in (self.picture, self.animation, self.card, self.move_on):
            view.set_theme(theme)
        self.update()

    def shown_text(self) -> str:
        """What the class can read right now ("" while blank)."""
        if self.blank.isVisible():
            return ""
        if self.card.isVisible() and self.card.overlay is not None:
            return self.card.overlay.text
        return self.words.text()

    def show_slide(self, slide: Slide, *, formation: Formation = Formation.PAIRS, progress: float = 0.0) -> None:
        self.slide = slide
        self.formation = formation
        self.progress = progress
        self.seconds_left = slide.seconds
        stroke = slide.stroke if slide.kind in (SlideKind.LINE, SlideKind.STROKE) else None
        if stroke is not self.animation.stroke or (slide.area is not None and slide.area != self.animation.area):
            self.animation.set_stroke(stroke, slide.body, slide.area)  # the line's own place on the body
        self.picture.set_picture(slide.picture if slide.kind is SlideKind.LINE else None)
        self.words.set_line("" if slide.kind is SlideKind.STROKE else slide.text)
        self.how.set_line(first_sentence(slide.how) if slide.kind is SlideKind.STROKE else "")
        self.setAccessibleDescription(slide.text)
        self._layout()
        self.update()
        for child in (self.label, self.heading):
            child.update()

    def set_seconds_left(self, seconds: float | None) -> None:
        if seconds != self.seconds_left:
            self.seconds_left = seconds
            self.label.update()

    def set_story_pictures(self, pictures: list) -> None:
        self.picture.set_story_pictures(pictures)

    def set_overlay(self, overlay: Overlay | None) -> None:
        self.card.set_overlay(overlay)
        self.move_on.raise_()
        self.blank.raise_()

    def set_blank(self, blanked: bool) -> None:
        self.blank.setGeometry(self.rect())
        self.blank.setVisible(blanked)
        self.blank.raise_()

    def is_blank(self) -> bool:
        return self.blank.isVisible()

    def set_move_on(self, visible: bool, round_number: int = 1) -> None:
        self.move_on.round = round_number
        changed = visible == self.move_on.isHidden()
        self.move_on.setVisible(visible)
        self.move_on.raise_()
        if changed:
            self._layout()
        self.blank.raise_()

    # -- input ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.tapped.emit(event.position().x() / max(1, self.width()))
        else:
            event.ignore()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self.key_pressed.emit(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.close_requested.emit()
        super().closeEvent(event)

    # -- layout ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        w, full_h = self.width(), self.height()
        m = int(full_h * 0.035)
        for overlay in (self.card, self.blank):
            overlay.setGeometry(self.rect())
        self.move_on.setGeometry(int(w * 0.25), m, int(w * 0.5), int(full_h * 0.13))
        # "Move on" takes a band of its own at the top while it shows: the slide moves
        # down under it for those seconds rather than being covered.
        band = self.move_on.geometry().bottom() + 1 if not self.move_on.isHidden() else 0
        h = full_h - band
        slide = self.slide
        hidden = {self.picture, self.animation, self.words, self.label, self.heading, self.how}
        shown: dict[QWidget, tuple[int, int, int, int]] = {}
        bottom = h - m - int(h * 0.012)  # room for the quiet progress line
        if slide is None:
            pass
        elif slide.kind is SlideKind.LINE:
            has_picture = slide.picture is not None
            stroke = slide.stroke is not None
            top_h = 0
            if has_picture or stroke:
                # The line must stay readable at the back: a long line takes room
                # from the picture and the stroke rather than shrinking below the floor.
                for share in TOP_SHARES:
                    top_h = int(h * share)
                    words_top = m + top_h + int(h * 0.02)
                    self.words.setGeometry(m, words_top, w - 2 * m, bottom - words_top)
                    if self.words.font_pixel_size() >= full_h * LINE_FLOOR:
                        break
            if has_picture and stroke:
                shown[self.picture] = (m, m, int(w * 0.6) - m, top_h)
                side = min(int(top_h * 0.72), int(w * 0.36))
                shown[self.animation] = (int(w * 0.62) + (int(w * 0.38) - m - side) // 2, m, side, side)
                shown[self.label] = (int(w * 0.6), m + side, int(w * 0.4) - m, top_h - side)
            elif has_picture:
                shown[self.picture] = (m, m, w - 2 * m, top_h)
            elif stroke:
                side = int(top_h * 0.72)
                shown[self.animation] = ((w - side) // 2, m, side, side)
                shown[self.label] = (m, m + side, w - 2 * m, top_h - side)
            words_top = m + top_h + int(h * 0.02) if (has_picture or stroke) else m
            shown[self.words] = (m, words_top, w - 2 * m, bottom - words_top)
        elif slide.kind is SlideKind.STROKE:
            head_h = int(h * 0.11)
            shown[self.heading] = (m, m, w - 2 * m, head_h)
            side = min(bottom - m - head_h, int(w * 0.5))
            shown[self.animation] = (m, m + head_h, side, side)
            right = m + side + int(w * 0.03)
            shown[self.label] = (right, m + head_h, w - right - m, int(side * 0.42))
            shown[self.how] = (right, m + head_h + int(side * 0.45), w - right - m, int(side * 0.5))
        else:
            side = int(h * 0.34)
            shown[self.label] = ((w - side * 2) // 2, m, side * 2, side)
            top = m + side + int(h * 0.03)
            shown[self.words] = (m, top, w - 2 * m, bottom - top)
        for widget, (x, y, gw, gh) in shown.items():
            widget.setGeometry(x, y + band, gw, gh)
            widget.show()
        for widget in hidden - shown.keys():
            widget.hide()
        self.card.raise_()
        self.move_on.raise_()
        self.blank.raise_()

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        pal = self._theme.palette
        painter.fillRect(self.rect(), QColor(pal.window))
        if self.progress > 0:
            bar_h = max(4, int(self.height() * 0.008))
            y = self.height() - bar_h
            painter.fillRect(QRectF(0, y, self.width(), bar_h), QColor(pal.surface_alt))
            painter.fillRect(QRectF(0, y, self.width() * min(1.0, self.progress), bar_h), QColor(pal.border))
        painter.end()

    def _draw_label(self, painter: QPainter, rect: QRectF) -> None:
        slide = self.slide
        if slide is None:
            return
        pal = self._theme.palette
        if slide.kind is SlideKind.LINE and slide.stroke is not None:
            # the stroke's name, then its repeat count, both large and centred
            # the stroke's name and its repeat count side by side, large: "Sprinkle  × 3"
            name = slide.stroke.name
            count = f"× {slide.repeats}" if slide.repeats > 1 else ""
            px = rect.height() * 0.62
            while px > 12:
                painter.setFont(px_font(self._theme, px, bold=True))
                width = painter.fontMetrics().horizontalAdvance(f"{name}  {count}")
                if width <= rect.width() * 0.96:
                    break
                px *= 0.92
            metrics = painter.fontMetrics()
            name_w = metrics.horizontalAdvance(name + ("  " if count else ""))
            x = rect.center().x() - metrics.horizontalAdvance(f"{name}  {count}" if count else name) / 2
            painter.setPen(QColor(pal.text))
            painter.drawText(QRectF(x, rect.top(), name_w + 2, rect.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
            if count:
                painter.setPen(strong_accent(self._theme))
                painter.drawText(QRectF(x + name_w, rect.top(), rect.width(), rect.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), count)
        elif slide.kind is SlideKind.STROKE and slide.stroke is not None:
            painter.setPen(QColor(pal.text))
            px = min(rect.height() * 0.6, rect.width() / max(4, len(slide.stroke.name)) * 1.7)
            painter.setFont(px_font(self._theme, px, bold=True))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), slide.stroke.name)
        else:
            symbol = self._card_symbol(slide)
            ring = self._ring_fraction()
            side = min(rect.width(), rect.height())
            box = QRectF(rect.center().x() - side / 2, rect.top(), side, side)
            if ring is not None:
                self._paint_ring(painter, box, ring)
                box = box.adjusted(side * 0.16, side * 0.16, -side * 0.16, -side * 0.16)
            paint_symbol(painter, box, symbol, QColor(pal.accent), QColor(pal.window))

    def _card_symbol(self, slide: Slide) -> Symbol:
        if slide.kind is SlideKind.END:
            return Symbol.HEART
        if slide.step_kind is StepKind.SETTLE:
            return _FORMATION_SYMBOLS[self.formation]
        return _STEP_SYMBOLS.get(slide.step_kind, Symbol.HEART) if slide.step_kind else Symbol.HEART

    def _ring_fraction(self) -> float | None:
        slide = self.slide
        if slide is None or not slide.seconds or self.seconds_left is None:
            return None
        return max(0.0, min(1.0, self.seconds_left / slide.seconds))

    def _paint_ring(self, painter: QPainter, box: QRectF, fraction: float) -> None:
        """A calm visual timer: the ring empties as the settle time runs out."""
        pal = self._theme.palette
        width = box.width() * 0.05
        inner = box.adjusted(width, width, -width, -width)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = painter.pen()
        pen.setWidthF(width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setColor(QColor(pal.surface_alt))
        painter.setPen(pen)
        painter.drawEllipse(inner)
        pen.setColor(QColor(pal.accent))
        painter.setPen(pen)
        painter.drawArc(inner, 90 * 16, int(fraction * 360 * 16))

    def _draw_heading(self, painter: QPainter, rect: QRectF) -> None:
        slide = self.slide
        if slide is None:
            return
        pal = self._theme.palette
        painter.setFont(px_font(self._theme, rect.height() * 0.7, bold=True))
        painter.setPen(strong_accent(self._theme))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), slide.heading)
        if slide.count > 1:
            painter.setFont(px_font(self._theme, rect.height() * 0.45))
            painter.setPen(QColor(pal.text_muted))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{slide.number} of {slide.count}")


__all__ = ["ProjectorWindow"]
