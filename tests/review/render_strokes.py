"""Review by eye: every stroke of both packs as a contact sheet of frames, so a
person can judge each demonstration as a parent would (the hand's shape, where it
goes, whether it keeps off the spine).

    .venv/bin/python tests/review/render_strokes.py [--out DIR] [--frames 8] [--stroke walk]

Output (default /tmp/touchstory-review/strokes/): <pack>-<stroke>[-<area>].png, a row
of frames across one repeat (two repeats for alternate hands), each labelled with its
time. A stroke moved to another area: --area chest. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's touchstory, not an installed one

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from touchstory.story.model import Area  # noqa: E402
from touchstory.story.packs import PackRegistry, Stroke  # noqa: E402
from touchstory.ui.strokes.animation import StrokeAnimation  # noqa: E402
from touchstory.ui.theme import theme_by_name  # noqa: E402

CELL = 260


def sheet(stroke: Stroke, body, area: Area | None, frames: int, theme_name: str) -> QImage:
    theme = theme_by_name(theme_name)
    anim = StrokeAnimation(theme, stroke, body)
    anim.set_stroke(stroke, body, area)
    anim.resize(CELL, CELL)
    image = QImage(CELL * frames, CELL + 28, QImage.Format.Format_ARGB32)
    image.fill(QColor(theme.palette.window))
    painter = QPainter(image)
    painter.setPen(QColor(theme.palette.text))
    for k in range(frames):
        t = stroke.tempo * k / frames
        anim.set_time(t)
        painter.drawImage(k * CELL, 0, anim.grab().toImage())
        painter.drawText(QRectF(k * CELL, CELL, CELL, 26), Qt.AlignmentFlag.AlignCenter, f"{t:.2f} s")
    painter.end()
    anim.deleteLater()
    return image


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/touchstory-review/strokes"))
    parser.add_argument("--frames", type=int, default=8)
    parser.add_argument("--stroke", default="")
    parser.add_argument("--area", default="")
    parser.add_argument("--theme", default="day")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    args.out.mkdir(parents=True, exist_ok=True)
    area = Area(args.area) if args.area else None
    for pack in PackRegistry.default():
        for stroke in pack.strokes:
            if args.stroke and stroke.id != args.stroke:
                continue
            suffix = f"-{area.value}" if area else ""
            out = args.out / f"{pack.id}-{stroke.id}{suffix}.png"
            sheet(stroke, pack.body, area, args.frames, args.theme).save(str(out))
            print(out)


if __name__ == "__main__":
    main()
