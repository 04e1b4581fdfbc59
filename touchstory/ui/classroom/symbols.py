"""Simple, friendly symbols for the projector, drawn here with QPainter (no symbol
sets copied): the cards yes, no, softer, firmer and stop, the inclusion card's
eye and teddy, the formations, and one picture for each kind of step.

Every symbol is drawn in a unit square and scaled into the rectangle given, with
bold round strokes that stay readable across a classroom."""

from __future__ import annotations

import math
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from touchstory.ui.strokes.body import hand_path


class Symbol(Enum):
    YES = "yes"
    NO = "no"
    SOFTER = "softer"
    FIRMER = "firmer"
    STOP = "stop"
    WATCH = "watch"  # an open eye
    TEDDY = "teddy"
    PAIRS = "pairs"
    LINE = "line"
    CIRCLE = "circle"
    ASK = "ask"  # a speech bubble with a question mark
    HEART = "heart"
    SWAP = "swap"  # two arrows turning round
    MOON = "moon"  # the calm close
    MOVE_ON = "move-on"


# Card colours: clear and distinct from across a room, yet soft (no pure red/green).
CARD_COLOURS: dict[Symbol, str] = {
    Symbol.YES: "#2f8a4e", Symbol.NO: "#b8452f", Symbol.SOFTER: "#4f78b5", Symbol.FIRMER: "#b86a1c",
    Symbol.STOP: "#b3261e", Symbol.WATCH: "#6a5a9e", Symbol.TEDDY: "#8a5a32",
}


def _pen(ink: QColor, width: float) -> QPen:
    return QPen(ink, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


def _unit(rect: QRectF) -> QTransform:
    side = min(rect.width(), rect.height())
    return QTransform().translate(rect.center().x() - side / 2, rect.center().y() - side / 2).scale(side, side)


def paint_symbol(painter: QPainter, rect: QRectF, symbol: Symbol, ink: QColor, paper: QColor) -> None:
    """Draw `symbol` as large as fits in `rect`: `ink` for lines and shapes, `paper`
    for what sits on top of a filled shape (a hand on the stop sign)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(_unit(rect), True)
    _DRAW[symbol](painter, QColor(ink), QColor(paper))
    painter.restore()


def paint_disc_card(painter: QPainter, rect: QRectF, symbol: Symbol, paper: QColor) -> None:
    """A symbol card: the symbol in `paper` on a disc of the card's colour."""
    side = min(rect.width(), rect.height())
    disc = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(CARD_COLOURS.get(symbol, "#555555")))
    if symbol is Symbol.STOP:
        painter.drawPolygon(_octagon(disc))
    else:
        painter.drawEllipse(disc)
    painter.restore()
    inner = disc.adjusted(side * 0.2, side * 0.2, -side * 0.2, -side * 0.2)
    paint_symbol(painter, inner, symbol, paper, QColor(CARD_COLOURS.get(symbol, "#555555")))


def _octagon(rect: QRectF) -> QPolygonF:
    r = rect.width() / 2 / math.cos(math.pi / 8)
    c = rect.center()
    return QPolygonF([QPointF(c.x() + r * math.cos(math.pi / 8 + i * math.pi / 4),
                              c.y() + r * math.sin(math.pi / 8 + i * math.pi / 4)) for i in range(8)])


# -- the drawings, each in the unit square ------------------------------------------
def _yes(p: QPainter, ink: QColor, paper: QColor) -> None:
    p.setPen(_pen(ink, 0.13))
    path = QPainterPath(QPointF(0.12, 0.52))
    path.lineTo(0.4, 0.8)
    path.lineTo(0.9, 0.22)
    p.drawPath(path)


def _no(p: QPainter, ink: QColor, paper: QColor) -> None:
    p.setPen(_pen(ink, 0.13))
    p.drawLine(QPointF(0.18, 0.18), QPointF(0.82, 0.82))
    p.drawLine(QPointF(0.82, 0.18), QPointF(0.18, 0.82))


def _softer(p: QPainter, ink: QColor, paper: QColor) -> None:
    """A feather: a light touch."""
    p.save()
    p.translate(0.5, 0.5)
    p.rotate(38)
    vane = QPainterPath(QPointF(0.0, -0.5))
    vane.cubicTo(0.26, -0.34, 0.24, 0.12, 0.02, 0.3)
    vane.cubicTo(-0.22, 0.14, -0.24, -0.32, 0.0, -0.5)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPath(vane)
    p.setBrush(paper)
    for y in (-0.16, 0.04):  # the little splits that make it a feather, not a leaf
        p.drawPolygon(QPolygonF([QPointF(0.3, y - 0.06), QPointF(0.05, y + 0.04), QPointF(0.3, y + 0.02)]))
    p.drawPolygon(QPolygonF([QPointF(-0.3, -0.02), QPointF(-0.05, 0.1), QPointF(-0.3, 0.08)]))
    p.setPen(_pen(paper, 0.035))
    p.drawLine(QPointF(0.0, -0.4), QPointF(0.0, 0.28))
    p.setPen(_pen(ink, 0.055))
    p.drawLine(QPointF(0.0, 0.28), QPointF(0.0, 0.5))
    p.restore()


def _arrow_down(p: QPainter, x: float, top: float, bottom: float, ink: QColor, width: float) -> None:
    p.setPen(_pen(ink, width))
    p.drawLine(QPointF(x, top), QPointF(x, bottom))
    head = QPainterPath(QPointF(x - 0.09, bottom - 0.09))
    head.lineTo(x, bottom)
    head.lineTo(x + 0.09, bottom - 0.09)
    p.drawPath(head)


def _firmer(p: QPainter, ink: QColor, paper: QColor) -> None:
    """A flat hand lying on a back, with arrows pressing it down."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPath(QTransform().translate(0.5, 0.66).rotate(-90).scale(0.62, 0.62).map(hand_path(False)))
    p.setPen(_pen(ink, 0.07))
    p.drawLine(QPointF(0.08, 0.88), QPointF(0.92, 0.88))
    for x in (0.32, 0.68):
        _arrow_down(p, x, 0.04, 0.4, ink, 0.085)


def _stop(p: QPainter, ink: QColor, paper: QColor) -> None:
    """A raised open hand."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPath(QTransform().translate(0.5, 0.56).scale(0.95, 0.95).map(hand_path(False)))


def _watch(p: QPainter, ink: QColor, paper: QColor) -> None:
    eye = QPainterPath(QPointF(0.04, 0.5))
    eye.quadTo(0.5, 0.08, 0.96, 0.5)
    eye.quadTo(0.5, 0.92, 0.04, 0.5)
    p.setPen(_pen(ink, 0.07))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(eye)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawEllipse(QPointF(0.5, 0.5), 0.17, 0.17)
    p.setBrush(paper)
    p.drawEllipse(QPointF(0.55, 0.45), 0.05, 0.05)


def _teddy(p: QPainter, ink: QColor, paper: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    for x in (0.22, 0.78):  # ears
        p.drawEllipse(QPointF(x, 0.24), 0.15, 0.15)
    p.drawEllipse(QPointF(0.5, 0.55), 0.38, 0.36)
    p.setBrush(paper)
    for x in (0.22, 0.78):
        p.drawEllipse(QPointF(x, 0.24), 0.07, 0.07)
    p.drawEllipse(QPointF(0.5, 0.66), 0.16, 0.13)  # muzzle
    p.drawEllipse(QPointF(0.37, 0.48), 0.045, 0.045)
    p.drawEllipse(QPointF(0.63, 0.48), 0.045, 0.045)
    p.setBrush(ink)
    p.drawEllipse(QPointF(0.5, 0.62), 0.055, 0.04)  # nose
    p.setPen(_pen(ink, 0.025))
    smile = QPainterPath(QPointF(0.44, 0.7))
    smile.quadTo(0.5, 0.75, 0.56, 0.7)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(smile)


def _child(p: QPainter, x: float, y: float, size: float, ink: QColor) -> None:
    """A child, head and shoulders: `size` is the head's width."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawEllipse(QPointF(x, y - size * 0.35), size * 0.5, size * 0.5)
    shoulders = QPainterPath(QPointF(x - size * 0.95, y + size * 0.95))
    shoulders.cubicTo(x - size * 0.95, y + size * 0.15, x + size * 0.95, y + size * 0.15, x + size * 0.95, y + size * 0.95)
    shoulders.closeSubpath()
    p.drawPath(shoulders)


def _pairs(p: QPainter, ink: QColor, paper: QColor) -> None:
    for x in (0.27, 0.73):  # two pairs, one child behind the other
        _child(p, x, 0.26, 0.2, ink)
        _child(p, x, 0.7, 0.2, ink)


def _line(p: QPainter, ink: QColor, paper: QColor) -> None:
    for i in range(4):
        _child(p, 0.13 + i * 0.245, 0.5, 0.16, ink)


def _circle(p: QPainter, ink: QColor, paper: QColor) -> None:
    count = 7
    for i in range(count):
        a = 2 * math.pi * i / count - math.pi / 2
        _child(p, 0.5 + 0.37 * math.cos(a), 0.5 + 0.37 * math.sin(a), 0.12, ink)


def _ask(p: QPainter, ink: QColor, paper: QColor) -> None:
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(0.06, 0.1, 0.88, 0.62), 0.22, 0.22)
    tail = QPainterPath(QPointF(0.26, 0.66))
    tail.lineTo(0.18, 0.92)
    tail.lineTo(0.46, 0.7)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPath(bubble)
    p.drawPath(tail)
    p.setPen(_pen(paper, 0.08))
    mark = QPainterPath(QPointF(0.4, 0.3))
    mark.cubicTo(0.4, 0.16, 0.62, 0.16, 0.61, 0.3)
    mark.cubicTo(0.6, 0.4, 0.5, 0.4, 0.5, 0.5)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(mark)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(paper)
    p.drawEllipse(QPointF(0.5, 0.6), 0.045, 0.045)


def _heart(p: QPainter, ink: QColor, paper: QColor) -> None:
    path = QPainterPath(QPointF(0.5, 0.88))
    path.cubicTo(0.12, 0.62, 0.02, 0.38, 0.14, 0.22)
    path.cubicTo(0.26, 0.06, 0.46, 0.1, 0.5, 0.3)
    path.cubicTo(0.54, 0.1, 0.74, 0.06, 0.86, 0.22)
    path.cubicTo(0.98, 0.38, 0.88, 0.62, 0.5, 0.88)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPath(path)


def _turning_arrow(p: QPainter, start: float, ink: QColor) -> None:
    """Half a circle running anticlockwise from `start` degrees, with its head."""
    span = 130.0
    p.setPen(_pen(ink, 0.09))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(0.16, 0.16, 0.68, 0.68), int(start * 16), int(span * 16))
    e = math.radians(start + span)
    end = QPointF(0.5 + 0.34 * math.cos(e), 0.5 - 0.34 * math.sin(e))
    forward = QPointF(-math.sin(e), -math.cos(e))  # the way the arc runs on screen
    out = QPointF(math.cos(e), -math.sin(e))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPolygon(QPolygonF([end + forward * 0.12, end - forward * 0.06 + out * 0.13,
                             end - forward * 0.06 - out * 0.13]))


def _swap(p: QPainter, ink: QColor, paper: QColor) -> None:
    _turning_arrow(p, 20, ink)
    _turning_arrow(p, 200, ink)


def _moon(p: QPainter, ink: QColor, paper: QColor) -> None:
    moon = QPainterPath()
    moon.addEllipse(QPointF(460, 520), 360, 360)
    bite = QPainterPath()
    bite.addEllipse(QPointF(640, 400), 300, 300)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPath(_fine(moon.subtracted, bite))
    for x, y, r in ((0.8, 0.74, 0.05), (0.9, 0.22, 0.035), (0.7, 0.9, 0.03)):
        p.drawEllipse(QPointF(x, y), r, r)


def _fine(operation, other: QPainterPath) -> QPainterPath:
    """A boolean path operation done at 1000x and scaled back: Qt flattens curves
    at a fixed tolerance, which would make unit-sized circles into polygons."""
    return QTransform.fromScale(0.001, 0.001).map(operation(other))


def _move_on(p: QPainter, ink: QColor, paper: QColor) -> None:
    p.setPen(_pen(ink, 0.12))
    p.drawLine(QPointF(0.1, 0.5), QPointF(0.8, 0.5))
    head = QPainterPath(QPointF(0.55, 0.22))
    head.lineTo(0.86, 0.5)
    head.lineTo(0.55, 0.78)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(head)


_DRAW = {
    Symbol.YES: _yes, Symbol.NO: _no, Symbol.SOFTER: _softer, Symbol.FIRMER: _firmer, Symbol.STOP: _stop,
    Symbol.WATCH: _watch, Symbol.TEDDY: _teddy, Symbol.PAIRS: _pairs, Symbol.LINE: _line,
    Symbol.CIRCLE: _circle, Symbol.ASK: _ask, Symbol.HEART: _heart, Symbol.SWAP: _swap, Symbol.MOON: _moon,
    Symbol.MOVE_ON: _move_on,
}

__all__ = ["CARD_COLOURS", "Symbol", "paint_disc_card", "paint_symbol"]
