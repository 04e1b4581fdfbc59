"""Helpers for the player's UI tests: build a player on a bundled story with a fake
clock, press keys the way a clicker would, and save screenshots to look at.

Screenshots go to $TOUCHSTORY_SHOTS or /tmp/touchstory-shots (never the repo)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from touchstory.journal.settings import Settings
from touchstory.pacing.clock import FakeClock
from touchstory.resources import bundled_stories_dir
from touchstory.story.model import Story
from touchstory.story.packs import PackRegistry, StrokePack
from touchstory.story.parser import load_story
from touchstory.ui.player import PlayerWindow
from touchstory.ui.player.pictures import PictureView
from touchstory.ui.theme import theme_by_name

SIZES = {"1280x800": (1280, 800), "1920x1080": (1920, 1080)}
_REGISTRY: PackRegistry | None = None


def registry() -> PackRegistry:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = PackRegistry.default()
    return _REGISTRY


def shots_dir() -> Path:
    folder = Path(os.environ.get("TOUCHSTORY_SHOTS", "/tmp/touchstory-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def load(name: str) -> tuple[Story, StrokePack | None]:
    folder = bundled_stories_dir() / name
    path = next(folder.glob("*.story"))
    result = load_story(path, registry())
    assert result.story is not None, [p.format() for p in result.problems]
    return result.story, registry().get(result.story.meta.pack)


def story_from_text(tmp_path: Path, text: str, name: str = "test.story") -> tuple[Story, StrokePack | None]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = load_story(path, registry())
    assert result.story is not None, [p.format() for p in result.problems]
    return result.story, registry().get(result.story.meta.pack)


def make_player(qtbot, story: Story, pack: StrokePack | None, *, theme: str = "bedtime",
                size: tuple[int, int] = (1280, 800), settings: Settings | None = None,
                show: bool = True, **kwargs) -> tuple[PlayerWindow, FakeClock]:
    clock = kwargs.pop("clock", None) or FakeClock()
    player = PlayerWindow(story, pack, settings or Settings(), clock=clock, theme=theme_by_name(theme), **kwargs)
    qtbot.addWidget(player)
    player.resize(*size)
    if show:
        player.show()
        qtbot.waitExposed(player)
    return player, clock


def press(qtbot, widget: QWidget, clock: FakeClock, key: Qt.Key, text: str = "",
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, gap: float = 0.4) -> None:
    """One deliberate key press, `gap` seconds after the last (more than a bounce)."""
    clock.advance(gap)
    qtbot.keyClick(widget, key, modifiers)


def auto_repeat(widget: QWidget, key: Qt.Key, count: int = 5) -> None:
    """What a held key sends after the first press: presses marked auto-repeat."""
    for _ in range(count):
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "", True, 1)
        QApplication.sendEvent(widget, event)


def settle(ms: int = 120) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def wait_for_pictures(widget: QWidget, timeout: float = 5.0) -> None:
    """Until every picture on show was rendered for its real size."""
    views = widget.findChildren(PictureView)
    if isinstance(widget, PictureView):
        views.append(widget)
    end = time.monotonic() + timeout
    while time.monotonic() < end and not all(v.is_crisp() for v in views if v.isVisible()):
        settle(20)


def grab(widget: QWidget, name: str) -> tuple[Path, QImage]:
    settle(60)
    wait_for_pictures(widget)
    settle(20)
    image = widget.grab().toImage()
    path = shots_dir() / f"{name}.png"
    image.save(str(path))
    return path, image


def pixel_stats(image: QImage, step: int = 4) -> dict[str, float]:
    """Share of pure-white pixels, mean brightness, brightest pixel and blue/red ratio."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    white = total = 0
    luma = brightest = 0.0
    blue = red = 0
    for y in range(0, img.height(), step):
        for x in range(0, img.width(), step):
            c = QColor(img.pixel(x, y))
            r, g, b = c.red(), c.green(), c.blue()
            total += 1
            if r >= 250 and g >= 250 and b >= 250:
                white += 1
            value = 0.2126 * r + 0.7152 * g + 0.0722 * b
            luma += value
            brightest = max(brightest, value)
            blue += b
            red += r
    return {"white": white / max(total, 1), "mean": luma / max(total, 1), "brightest": brightest,
            "blue_over_red": blue / max(red, 1)}


def _shown(widget: QWidget, top: QWidget) -> bool:
    """Visible on screen inside `top` (isVisible alone is true for a widget
    scrolled or clipped out of sight)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty() and widget.window() is top.window()


def _in_scroll_area(widget: QWidget) -> bool:
    """Inside a scroll area a widget may lie beyond the window: it scrolls into view."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def text_problems(top: QWidget) -> list[str]:
    """Labels and buttons under `top` whose one-line text does not fit their width
    (Qt would cut it off or elide it), and visible ones reaching outside the window.
    Word-wrapped labels wrap instead, so only their longest word must fit."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    problems: list[str] = []
    window = top.window().rect()
    for widget in [top, *top.findChildren(QWidget)]:
        if not _shown(widget, top):
            continue
        name = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        if isinstance(widget, QLabel) and widget.text() and widget.textFormat() != Qt.TextFormat.RichText \
                and "<" not in widget.text():
            metrics, room = widget.fontMetrics(), widget.contentsRect().width() - 2 * widget.margin()
            lines = widget.text().split("\n")
            pieces = [w for line in lines for w in line.split()] if widget.wordWrap() else lines
            wide = max((metrics.horizontalAdvance(p) for p in pieces), default=0)
            if wide > room + 1:
                problems.append(f"{name} {widget.text()!r}: needs {wide}px, has {room}px")
        elif isinstance(widget, QAbstractButton) and widget.text():
            wide = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            if wide > widget.width():
                problems.append(f"{name} {widget.text()!r}: needs {wide}px, has {widget.width()}px")
        if widget is not top and widget.width() > 0 and not _in_scroll_area(widget):
            box = widget.rect().translated(widget.mapTo(top.window(), widget.rect().topLeft()))
            if not window.contains(box.adjusted(1, 1, -1, -1)) and box.intersects(window):
                problems.append(f"{name} reaches outside the window ({box.getRect()} in {window.getRect()})")
    return problems
