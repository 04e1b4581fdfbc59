"""The whole screenshot matrix, run by hand (too slow for the suite): the library
(with and without favourites on) and every Settings page, at 1280x800 and
1920x1080, in the three themes, at usual and largest text. Prints every problem
tests/ui/screen_checks.py finds and saves the pictures to look at.

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python tests/review/screen_matrix.py [OUT_DIR]
(one screen of the size asked for; without the configfile the dialog is measured
on Qt's 800x600 offscreen screen.) Exits 1 when anything is found."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent / "ui")]  # this checkout, not the installed one

from PySide6.QtCore import QSize, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from screen_checks import problems  # noqa: E402
from test_library_kit import write_library  # noqa: E402
from touchstory.journal.settings import LibraryFilter, Settings  # noqa: E402
from touchstory.journal.store import Journal  # noqa: E402
from touchstory.story.packs import PackRegistry  # noqa: E402
from touchstory.ui.library import LibraryWindow  # noqa: E402
from touchstory.ui.library import settings_dialog  # noqa: E402
from touchstory.ui.theme import theme_by_name  # noqa: E402

SIZES = ((1280, 800), (1920, 1080))
THEMES = ("bedtime", "day", "contrast")
TEXT = (("usual", 1.0), ("largest", 1.75))


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(out: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    root = write_library(tmp / "stories")
    packs = PackRegistry.default()
    found_any = 0
    for width, height in SIZES:
        settings_dialog.screen_room = lambda widget, w=width, h=height: QSize(w - 40, h - 60)
        for theme_name in THEMES:
            for text_name, scale in TEXT:
                tag = f"{width}x{height}-{theme_name}-{text_name}"
                theme = theme_by_name(theme_name).with_text(scale)
                journal = Journal.open(tmp / f"{tag}.sqlite3").journal
                pool = QThreadPool()
                window = LibraryWindow(sources=[("bundled", root)], packs=packs, journal=journal,
                                       settings=Settings(text_scale=scale), theme=theme, pool=pool,
                                       bundled_root=root, stories_folder=tmp / "mine", cache_dir=None)
                window.resize(width, height)
                window.show()
                window.load()
                for _ in range(100):
                    settle(app, 5)
                    pool.waitForDone(20)
                for shot, wanted in (("library", LibraryFilter()), ("favourites", LibraryFilter(favourites_only=True))):
                    window.filter_bar.set_filter(wanted)
                    settle(app)
                    found = problems(window)
                    window.grab().save(str(out / f"{shot}-{tag}.png"))
                    found_any += len(found)
                    for problem in found:
                        print(f"{shot} {tag}: {problem}")
                dialog = settings_dialog.SettingsDialog(Settings(text_scale=scale), theme, True, window)
                dialog.show()
                for page in range(dialog.tabs.count()):
                    dialog.tabs.setCurrentIndex(page)
                    settle(app)
                    found = problems(dialog)
                    dialog.grab().save(str(out / f"settings{page}-{tag}.png"))
                    found_any += len(found)
                    for problem in found:
                        print(f"settings page {page} {tag}: {problem}")
                dialog.close()
                window.close()
                pool.waitForDone(5000)
                journal.close()
    print(f"{found_any} problems; pictures in {out}")
    return 1 if found_any else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/touchstory-matrix")))
