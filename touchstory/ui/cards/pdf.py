"""Printable cards as PDF (QPdfWriter + QSvgRenderer, no extra dependency): a
story as an A5 booklet or an A4 sheet, adapted to a child, with each line's stroke
icon, name, repeats and area; and a one-page bedside sheet of a child's routine
for the other carers (respite carer, grandparent).

Black on white with plain type, so it prints well on any printer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from touchstory.errors import SettingsError
from touchstory.journal.profiles import ChildProfile
from touchstory.story.adapt import Adapted, Placement, PressureWay
from touchstory.story.duration import closing_text, format_duration, opening_text
from touchstory.story.model import Picture, Position, StoryLine
from touchstory.story.packs import StrokePack

INK = QColor("#202020")
SOFT = QColor("#5a5a5a")
RULE = QColor("#b8b8b8")
FAMILY = "DejaVu Sans"

_PRESSURE_WORDS = {PressureWay.LIGHTER: "lighter than written", PressureWay.AS_WRITTEN: "as the story says",
                   PressureWay.FIRMER: "firmer, never tickly"}


@dataclass(frozen=True, slots=True)
class Printed:
    path: Path
    pages: int


class _Flow:
    """A cursor going down the page; starts a new page when a block will not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer, self.painter = writer, painter
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width, self.height = float(rect.width()), float(rect.height())
        self.y = 0.0
        self.pages = 1
        self.mm = writer.resolution() / 25.4

    def new_page(self) -> None:
        self.writer.newPage()
        self.pages += 1
        self.y = 0.0

    def room(self, height: float) -> None:
        if self.y > 0 and self.y + height > self.height:
            self.new_page()

    def font(self, points: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(FAMILY)
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def text(self, text: str, points: float, *, bold: bool = False, italic: bool = False, colour: QColor = INK,
             left: float = 0.0, gap: float = 1.5, measure_only: bool = False) -> float:
        p = self.painter
        p.setFont(self.font(points, bold, italic))
        box = QRectF(left, 0, self.width - left, self.height)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        needed = p.boundingRect(box, flags, text).height()
        if measure_only:
            return needed
        self.room(needed)
        p.setPen(colour)
        p.drawText(QRectF(left, self.y, self.width - left, needed + 2), flags, text)
        self.y += needed + gap * self.mm
        return needed

    def rule(self) -> None:
        self.room(3 * self.mm)
        self.painter.setPen(RULE)
        self.painter.drawLine(0, int(self.y + self.mm), int(self.width), int(self.y + self.mm))
        self.y += 3 * self.mm

    def picture(self, path: Path | None, max_height: float, max_width: float | None = None,
                left: float = 0.0, advance: bool = True) -> float:
        """Draw an SVG or image scaled to fit; returns the height used (0 if none)."""
        if path is None or not path.is_file():
            return 0.0
        max_width = max_width or self.width
        if path.suffix.lower() == ".svg":
            renderer = QSvgRenderer(str(path))
            if not renderer.isValid():
                return 0.0
            size = renderer.defaultSize()
            w, h = float(size.width() or 1), float(size.height() or 1)
        else:
            image = QImage(str(path))
            if image.isNull():
                return 0.0
            w, h = float(image.width()), float(image.height())
        scale = min(max_width / w, max_height / h)
        dw, dh = w * scale, h * scale
        if advance:
            self.room(dh)
        target = QRectF(left + (max_width - dw) / 2 if advance else left, self.y, dw, dh)
        if path.suffix.lower() == ".svg":
            renderer.render(self.painter, target)
        else:
            self.painter.drawImage(target, image)
        if advance:
            self.y += dh + 2 * self.mm
        return dh


def _writer(out: Path, a5: bool, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("touchstory")
    size = QPageSize(QPageSize.PageSizeId.A5 if a5 else QPageSize.PageSizeId.A4)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(14, 14, 14, 14),
                                     QPageLayout.Unit.Millimeter))
    return writer


def _start(out: Path, a5: bool, title: str) -> tuple[QPdfWriter, QPainter, _Flow]:
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = _writer(out, a5, title)
    painter = QPainter()
    if not painter.begin(writer):
        raise SettingsError(f"{out}: the PDF could not be written; check the folder exists and can be written to")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return writer, painter, _Flow(writer, painter)


def story_pdf(adapted: Adapted, pack: StrokePack | None, out: Path, child: ChildProfile | None = None,
              sheet: bool = False) -> Printed:
    """The story as an A5 booklet (a cover, then one or more pages per story page)
    or, with `sheet`, as A4 sheets with the pages one after another."""
    story = adapted.story
    writer, painter, flow = _start(out, not sheet, story.title)
    try:
        flow.text(story.title, 20 if sheet else 18, bold=True)
        byline = [f"For {child.name}" if child else "", "a short version" if adapted.shortened else "",
                  f"about {format_duration(adapted.seconds)}"]
        flow.text(" · ".join(b for b in byline if b), 10, colour=SOFT)
        if child:
            flow.text(_way_summary(child), 9, colour=SOFT)
        ask = opening_text(story)
        if ask:
            flow.text(f"Ask first: “{ask}” Only go on with a yes.", 11, italic=True)
        if not sheet:
            flow.picture(_picture_path(story.first_picture()), flow.height * 0.45)
        for p, page in enumerate(story.pages):
            if not sheet:
                flow.new_page()
            else:
                flow.rule()
            flow.text(page.title or f"Page {p + 1}", 15 if sheet else 14, bold=True)
            flow.picture(_picture_path(page.picture), flow.height * (0.22 if sheet else 0.33))
            for i, line in enumerate(page.lines):
                change = adapted.changes.get(Position(p, i))
                _line(flow, line, pack, change.instead_of if change else None, bool(change and change.left_out))
        thanks = closing_text(story)
        if thanks:
            flow.rule()
            flow.text(f"To finish: “{thanks}”", 11, italic=True)
    finally:
        painter.end()
    return Printed(out, flow.pages)


def _line(flow: _Flow, line: StoryLine, pack: StrokePack | None, instead_of: str | None, left_out: bool) -> None:
    icon = 11 * flow.mm
    indent = icon + 3 * flow.mm
    stroke = pack.get(line.stroke) if pack and line.stroke else None
    if stroke:
        detail = [stroke.name, f"x{line.tag.repeats}" if line.tag.repeats > 1 else "",
                  (line.tag.area or stroke.area).value, (line.tag.pressure.value if line.tag.pressure else "")]
        head = "  ".join(d for d in detail if d)
    else:
        head = "no stroke: just read, hands resting" if left_out else "no stroke"
    if instead_of:
        written = pack.get(instead_of) if pack else None
        head += f"   (instead of {written.name.lower() if written else instead_of})"
    words = line.text or "(a quiet moment)"
    needed = (flow.text(head, 9, bold=True, left=indent, measure_only=True)
              + flow.text(words, 11, left=indent, measure_only=True) + 3 * flow.mm)
    flow.room(max(needed, icon))
    top = flow.y
    if stroke and stroke.icon:
        flow.picture(stroke.icon, icon, icon, advance=False)
    flow.text(head, 9, bold=True, left=indent, gap=0.6, colour=SOFT)
    flow.text(words, 11, left=indent, gap=2.5)
    flow.y = max(flow.y, top + icon + 2 * flow.mm)


def _picture_path(picture: Picture | None) -> Path | None:
    return picture.path if picture and picture.exists else None


def _way_summary(child: ChildProfile) -> str:
    way = child.way
    parts = [f"Where: {way.placement.label}", f"Pressure: {_PRESSURE_WORDS[way.pressure]}"]
    if way.avoid:
        parts.append("Leave out: " + ", ".join(way.avoid))
    return ". ".join(parts) + "."


def bedside_pdf(child: ChildProfile, out: Path, pack: StrokePack | None, usual: Sequence[str] = (),
                ask: str | None = None, thanks: str | None = None) -> Printed:
    """One A4 page for the other carers: how this child has their story massage."""
    writer, painter, flow = _start(out, False, f"{child.name}'s story massage")
    way = child.way
    try:
        flow.text(f"{child.name}'s story massage", 22, bold=True)
        flow.text("How we do it at bedtime, for anyone sharing the routine.", 11, colour=SOFT, gap=4)
        rows: list[tuple[str, str]] = []
        if usual:
            rows.append(("Usual stories", ", ".join(usual)))
        rows.append(("Where", way.placement.label.capitalize()
                     + (" (they do the strokes on you)" if way.placement is Placement.CHILD_GIVES else "")))
        rows.append(("Pressure", _PRESSURE_WORDS[way.pressure].capitalize()))
        if way.cap_minutes:
            rows.append(("How long", f"Up to {way.cap_minutes:g} minutes; stop sooner if they have had enough"))
        if way.loves:
            rows.append(("Strokes they love", ", ".join(_name(pack, s) for s in way.loves)))
        for stroke in way.avoid:
            sub = way.substitute_for(stroke, pack)
            rows.append((f"Instead of {_name(pack, stroke).lower()}",
                         f"do {_name(pack, sub).lower()}" if sub else "leave it out, just rest your hands"))
        if child.soundscape:
            rows.append(("Sound", child.soundscape))
        if child.cues:
            rows.append(("Their cues", child.cues))
        if child.notes:
            rows.append(("Notes", child.notes))
        for label, value in rows:
            flow.text(label, 10, bold=True, colour=SOFT, gap=0.5)
            flow.text(value, 13, gap=3)
        flow.rule()
        flow.text("Always ask first, and only go on with a yes:", 10, bold=True, colour=SOFT, gap=0.5)
        flow.text(f"“{ask or 'Would you like a story massage?'}”", 14, italic=True, gap=3)
        flow.text("Stop whenever they say no, turn away or seem unsettled. To finish:", 10, bold=True,
                  colour=SOFT, gap=0.5)
        flow.text(f"“{thanks or 'Thank you for sharing a story massage.'}”", 14, italic=True)
    finally:
        painter.end()
    return Printed(out, flow.pages)


def _name(pack: StrokePack | None, stroke: str | None) -> str:
    if stroke is None:
        return ""
    found = pack.get(stroke) if pack else None
    return found.name if found else stroke
