"""Review by eye: render every bundled story picture and stroke icon to PNG, plus
contact sheets, so a person can look at all the artwork at once.

Run from the checkout:

    .venv/bin/python tests/review/render_pictures.py            # all pictures + icons
    .venv/bin/python tests/review/render_pictures.py --size 800x600 --story the-moon-boat

Output (default /tmp/touchstory-review/):
  pictures/<story>/<picture>.png   each picture, fitted into --size (letterboxed)
  icons/<pack>/<stroke>.png        each stroke icon at 48 px on a dark and a light tile
  contact-sheet.png                every picture as a labelled thumbnail, in one image
  icons-sheet.png                  every icon at 48 px, on the bedtime and day colours
  pages/<story>/<theme>-<size>-pageN.png   every page as the player shows it, in the
                                   bedtime and day themes at 1920x1080 and 800x600
  pages-<theme>-<size>.png         a contact sheet of those pages

This is a tool for people, not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))  # the screenshot helpers

from screenshots.helpers import load, settle, wait_for_pictures  # noqa: E402
from touchstory.journal.settings import Settings  # noqa: E402
from touchstory.pacing.clock import FakeClock  # noqa: E402
from touchstory.pacing.session import StepKind  # noqa: E402
from touchstory.ui.player import PlayerWindow  # noqa: E402
from touchstory.ui.theme import theme_by_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "stories"
ICONS = ROOT / "assets" / "icons" / "strokes"
DEFAULT_OUT = Path("/tmp/touchstory-review")

# The player's two themes: the letterbox and the icon tiles use their backgrounds.
BEDTIME_BG = QColor("#1f2233")
DAY_BG = QColor("#f4efe6")


@dataclass(frozen=True, slots=True)
class Rendered:
    label: str
    source: Path
    png: Path
    image: QImage


def render_svg(svg: Path, width: int, height: int, background: QColor) -> QImage:
    """The SVG drawn into a width x height image, aspect kept, centred on background."""
    renderer = QSvgRenderer(str(svg))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(background)
    if not renderer.isValid():
        return image
    view = renderer.viewBoxF()
    scale = min(width / view.width(), height / view.height())
    w, h = view.width() * scale, view.height() * scale
    target = QRectF((width - w) / 2, (height - h) / 2, w, h)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # QSvgRenderer does not clip to the viewBox (browsers do): shapes drawn past the
    # picture's edges would spill into the letterbox. The player must clip the same way.
    painter.setClipRect(target)
    renderer.render(painter, target)
    painter.end()
    return image


def story_pictures(only: set[str]) -> list[tuple[str, Path]]:
    found = []
    for folder in sorted(p for p in STORIES.iterdir() if p.is_dir()):
        if only and folder.name not in only:
            continue
        for svg in sorted((folder / "pictures").glob("*.svg")):
            found.append((f"{folder.name}/{svg.stem}", svg))
    return found


def render_pictures(out: Path, size: tuple[int, int], only: set[str]) -> list[Rendered]:
    done = []
    for label, svg in story_pictures(only):
        png = out / "pictures" / f"{label}.png"
        png.parent.mkdir(parents=True, exist_ok=True)
        image = render_svg(svg, *size, BEDTIME_BG)
        image.save(str(png))
        done.append(Rendered(label, svg, png, image))
    return done


def render_icons(out: Path) -> list[Rendered]:
    done = []
    for svg in sorted(ICONS.glob("*/*.svg")):
        label = f"{svg.parent.name}/{svg.stem}"
        png = out / "icons" / f"{label}.png"
        png.parent.mkdir(parents=True, exist_ok=True)
        tile = QImage(112, 56, QImage.Format.Format_ARGB32)
        tile.fill(DAY_BG)
        painter = QPainter(tile)
        painter.fillRect(0, 0, 56, 56, BEDTIME_BG)
        for x in (4, 60):
            painter.drawImage(x, 4, render_svg(svg, 48, 48, QColor(0, 0, 0, 0)))
        painter.end()
        tile.save(str(png))
        done.append(Rendered(label, svg, png, tile))
    return done


def contact_sheet(items: list[Rendered], path: Path, thumb: tuple[int, int], columns: int) -> None:
    """All images in a labelled grid, in one PNG."""
    if not items:
        return
    label_h = 22
    rows = math.ceil(len(items) / columns)
    cell_w, cell_h = thumb[0] + 12, thumb[1] + label_h + 12
    sheet = QImage(columns * cell_w, rows * cell_h, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#2a2d3e"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setFont(QFont("DejaVu Sans", 9))
    painter.setPen(QColor("#e8e2d6"))
    for index, item in enumerate(items):
        x, y = (index % columns) * cell_w + 6, (index // columns) * cell_h + 6
        scaled = item.image.scaled(*thumb, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        painter.drawImage(x + (thumb[0] - scaled.width()) // 2, y, scaled)
        painter.drawText(QRectF(x, y + thumb[1] + 2, thumb[0], label_h),
                         Qt.AlignmentFlag.AlignCenter, item.label)
    painter.end()
    sheet.save(str(path))


PAGE_SIZES = ((1920, 1080), (800, 600))
PAGE_THEMES = ("bedtime", "day")


def render_player_pages(out: Path, only: set[str], sizes: tuple[tuple[int, int], ...] = PAGE_SIZES,
                        themes: tuple[str, ...] = PAGE_THEMES) -> list[Path]:
    """Every page as the player shows it (picture, first line of the page, stroke
    card) in both themes at 1920x1080 and 800x600, into out/<story>/, plus one
    contact sheet per theme and size (pages-<theme>-<size>.png beside out/)."""
    done: list[Path] = []
    sheets: dict[str, list[Rendered]] = {}
    for folder in sorted(p for p in STORIES.iterdir() if p.is_dir() and any(p.glob("*.story"))):
        if only and folder.name not in only:
            continue
        story, pack = load(folder.name)
        for theme in themes:
            for width, height in sizes:
                player = PlayerWindow(story, pack, Settings(), clock=FakeClock(), theme=theme_by_name(theme))
                player.resize(width, height)
                player.show()
                settle(60)
                player.session.accept()
                seen: set[int] = set()
                while player.session.step.kind is StepKind.LINE:
                    step = player.session.step
                    if step.page_index not in seen:
                        seen.add(step.page_index)
                        player.stroke_card.set_animation_time(0.8)
                        settle(40)
                        wait_for_pictures(player)
                        png = out / folder.name / f"{theme}-{width}x{height}-page{step.page_index + 1}.png"
                        png.parent.mkdir(parents=True, exist_ok=True)
                        image = player.grab().toImage()
                        image.save(str(png))
                        done.append(png)
                        label = f"{folder.name} {step.page_index + 1}"
                        sheets.setdefault(f"{theme}-{width}x{height}", []).append(Rendered(label, png, png, image))
                    nxt = player.session.next_line()
                    if nxt is None or nxt.kind is not StepKind.LINE:
                        break
                    if nxt.page_index != step.page_index:  # turn the page at once, not mid-crossfade
                        player.picture_view.set_picture(story.pages[nxt.page_index].picture, animate=False)
                    player.session.next()
                player.shutdown()
                player.close()
                player.deleteLater()
                settle(10)
    for key, items in sheets.items():
        contact_sheet(items, out.parent / f"pages-{key}.png", (320, 180) if key.endswith("1080") else (240, 180),
                      columns=8)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--size", default="1600x1000", help="picture PNG size, e.g. 800x600")
    parser.add_argument("--story", action="append", default=[], help="only this story (repeatable)")
    parser.add_argument("--no-pages", action="store_true", help="skip the player pages")
    parser.add_argument("--pages-only", action="store_true", help="only the player pages")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    only = set(args.story)

    app = QApplication.instance() or QApplication(sys.argv[:1])  # widgets for the player pages
    args.out.mkdir(parents=True, exist_ok=True)
    pictures: list[Rendered] = []
    icons: list[Rendered] = []
    if not args.pages_only:
        pictures = render_pictures(args.out, (width, height), only)
        contact_sheet(pictures, args.out / "contact-sheet.png", (320, 200), columns=8)
        icons = render_icons(args.out)
        contact_sheet(icons, args.out / "icons-sheet.png", (170, 56), columns=6)
    pages = [] if args.no_pages else render_player_pages(args.out / "pages", only)
    print(f"{len(pictures)} pictures, {len(icons)} icons, {len(pages)} pages -> {args.out}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
