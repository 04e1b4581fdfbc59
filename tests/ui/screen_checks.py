"""What the screenshot matrix asserts about a screen (no tests here): text that is
cut (elided with "…", wider than its label, a wrapped label taller than its box),
sibling widgets drawn over each other, and text under the WCAG contrast ratio.

Everything is measured from the live widgets: geometry, font metrics, and the
colours actually painted (a grab of the widget: its background is the commonest
colour, its text the pixel that stands out most from it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QTabBar, QTabWidget,
    QWidget,
)

ELLIPSIS = "…"
NORMAL_RATIO, LARGE_RATIO = 4.5, 3.0
SLACK = 2  # pixels of rounding allowed in overlaps and text widths


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def where(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{name} {str(text)[:40]!r}"


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _label_text(label: QLabel) -> str:
    text = label.text()
    if label.textFormat().name == "RichText" or ("<" in text and ">" in text):
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def cut_texts(root: QWidget) -> list[str]:
    """Every visible label or button whose text is not shown whole."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        if not _shown(label, root) or not label.text():
            continue
        text = _label_text(label)
        if ELLIPSIS in text and text.strip() != ELLIPSIS:
            found.append(f"{where(label)} shows an elided text")
        box = label.contentsRect()
        metrics = QFontMetrics(label.font())
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + SLACK:
                found.append(f"{where(label)} needs {needed} px of height, has {label.height()}")
            longest = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
            if longest > box.width() + SLACK:
                found.append(f"{where(label)}: a word is wider ({longest} px) than the label ({box.width()})")
        else:
            wide = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0)
            if wide > box.width() + SLACK:
                found.append(f"{where(label)} needs {wide} px, has {box.width()}")
            tall = metrics.height() * max(1, len(text.splitlines()))
            if tall > box.height() + SLACK:
                found.append(f"{where(label)} needs {tall} px of height, has {box.height()}")
    for button in root.findChildren(QAbstractButton):
        if not _shown(button, root) or not button.text() or isinstance(button.parentWidget(), QTabBar):
            continue
        hint = button.sizeHint() if button.minimumSizeHint().width() <= 0 else button.minimumSizeHint()
        if hint.width() > button.width() + SLACK:
            found.append(f"{where(button)} needs {hint.width()} px, has {button.width()}")
    for tabs in root.findChildren(QTabBar):
        if not _shown(tabs, root):
            continue
        for i in range(tabs.count()):
            rect = tabs.tabRect(i)
            if not tabs.rect().contains(rect.adjusted(SLACK, 0, -SLACK, 0)):
                found.append(f"tab {tabs.tabText(i)!r} is cut off by its bar")
    return found


_OPAQUE_PARENTS = (QAbstractScrollArea, QComboBox, QLineEdit, QAbstractSpinBox, QTabBar, QTabWidget)


def overlaps(root: QWidget) -> list[str]:
    """Pairs of visible sibling widgets whose rectangles cross (more than SLACK px)."""
    found: list[str] = []
    parents = [root, *root.findChildren(QWidget)]
    for parent in parents:
        if isinstance(parent, _OPAQUE_PARENTS) or not (parent is root or _shown(parent, root)):
            continue
        kids = [w for w in parent.findChildren(QWidget, options=_direct())
                if not w.isWindow() and _shown(w, root) and w.parentWidget() is parent]
        for i, a in enumerate(kids):
            for b in kids[i + 1:]:
                cross = a.geometry().intersected(b.geometry())
                if cross.width() > SLACK and cross.height() > SLACK and not _nested_look(a, b):
                    found.append(f"{where(a)} {_g(a.geometry())} overlaps {where(b)} {_g(b.geometry())}")
    return found


def _direct():
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _nested_look(a: QWidget, b: QWidget) -> bool:
    """A frame drawn as a background behind its siblings on purpose (an empty QWidget
    with nothing of its own to read) is no overlap."""
    return any(type(w) is QWidget and not w.children() for w in (a, b))


def _g(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}x{rect.height()})"


@dataclass(frozen=True, slots=True)
class Seen:
    text: str
    ratio: float
    large: bool


def painted_contrast(widget: QWidget, shot: QImage | None = None) -> Seen | None:
    """The contrast of a text widget as painted: commonest colour (background)
    against the pixel most unlike it (the text's core). `shot` is a grab of the
    widget's window (what is really behind a transparent label); made if not given."""
    top = widget.window()
    if shot is None:
        shot = top.grab().toImage()
    scale = shot.width() / max(1, top.width())
    box = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
    if isinstance(widget, QAbstractButton):
        # only the middle, where the words are: a button's border is not its text
        metrics = QFontMetrics(widget.font())
        w = min(metrics.horizontalAdvance(widget.text()), widget.width() - 16)
        h = min(metrics.height(), widget.height() - 8)
        box = QRect(box.x() + (box.width() - w) // 2, box.y() + (box.height() - h) // 2, w, h)
    box = QRect(round(box.x() * scale), round(box.y() * scale), round(box.width() * scale), round(box.height() * scale))
    image = shot.copy(box).convertToFormat(QImage.Format.Format_RGB32)
    if image.width() < 4 or image.height() < 4:
        return None
    counts: Counter[int] = Counter()
    step = max(1, (image.width() * image.height()) // 20000)
    pixels = [image.pixel(x, y) for y in range(0, image.height()) for x in range(0, image.width(), step)]
    counts.update(pixels)
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    best = max((contrast(background, QColor.fromRgb(p)) for p in set(pixels)), default=1.0)
    font = widget.font()
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    large = points >= 18 or (points >= 14 and font.bold())
    text = widget.text() if hasattr(widget, "text") else ""
    return Seen(str(text), best, large)


def low_contrast(root: QWidget) -> list[str]:
    """Visible labels and buttons whose painted text is under 4.5:1 (3:1 if large)."""
    found: list[str] = []
    shot = root.window().grab().toImage()
    for widget in [*root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        if not _shown(widget, root) or not widget.text().strip() or not widget.isEnabled():
            continue
        if widget.visibleRegion().isEmpty():
            continue  # scrolled out of sight: it is measured when it is scrolled to
        if isinstance(widget, QLabel) and widget.pixmap() is not None and not widget.pixmap().isNull():
            continue
        seen = painted_contrast(widget, shot)
        if seen is None:
            continue
        wanted = LARGE_RATIO if seen.large else NORMAL_RATIO
        if seen.ratio < wanted - 0.05:
            found.append(f"{where(widget)} contrast {seen.ratio:.2f}:1 < {wanted}:1")
    return found


def problems(root: QWidget) -> list[str]:
    """Everything the matrix fails a screen for."""
    return cut_texts(root) + overlaps(root) + low_contrast(root)
