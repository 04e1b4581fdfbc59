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
  pages/                           every page as it appears in the player (see the
                                   hook `render_player_pages` below)

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
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

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


def render_player_pages(out: Path, only: set[str]) -> list[Path]:
    """HOOK for the UI: render every page as the player shows it (picture, line text,
    stroke icon) in both themes at 1920x1080 and 800x600, into out/pages/.

    The player's page view lives in touchstory/ui/ and is written separately; whoever
    writes it fills in this function (build the view offscreen with a story from
    touchstory.story.library, step through its lines, `widget.grab().save(...)`).
    Until then it renders nothing and says so."""
    print("pages: the player view is not wired in yet; see render_player_pages()", file=sys.stderr)
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--size", default="1600x1000", help="picture PNG size, e.g. 800x600")
    parser.add_argument("--story", action="append", default=[], help="only this story (repeatable)")
    parser.add_argument("--no-pages", action="store_true", help="skip the player pages")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    only = set(args.story)

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts for the labels
    args.out.mkdir(parents=True, exist_ok=True)
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
