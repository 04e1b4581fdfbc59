"""Which screen the projector window goes on, and keeping it there: the screen the
teacher chose (remembered by name in settings), else the largest screen that is
not the teacher's own; when that screen is unplugged the window moves to another
screen, and back when the chosen one returns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True, slots=True)
class ScreenInfo:
    name: str
    width: int
    height: int
    primary: bool = False

    @classmethod
    def of(cls, screen: QScreen, primary: QScreen | None) -> ScreenInfo:
        size = screen.geometry()
        return cls(screen.name(), size.width(), size.height(), screen is primary)

    @property
    def label(self) -> str:
        return f"{self.name or 'Screen'} ({self.width}×{self.height})"


def choose_projector(screens: Sequence[ScreenInfo], wanted: str) -> int:
    """Index of the projector's screen: the one named `wanted` if it is there, else
    the largest screen that is not the primary (the teacher's laptop), else 0."""
    if not screens:
        raise ValueError("no screens")
    for i, screen in enumerate(screens):
        if wanted and screen.name == wanted:
            return i
    others = [i for i, s in enumerate(screens) if not s.primary] or list(range(len(screens)))
    return max(others, key=lambda i: (screens[i].width * screens[i].height, -i))


def choose_console(screens: Sequence[ScreenInfo], projector: int) -> int:
    """The teacher's screen: the primary one unless the projector is on it."""
    others = [i for i in range(len(screens)) if i != projector]
    if not others:
        return projector
    return next((i for i in others if screens[i].primary), others[0])


class ScreenWatcher(QObject):
    """Calls `replace()` (soon, on the GUI thread) whenever a screen comes or goes.
    Nothing keeps a QScreen between calls: a removed screen is deleted by Qt."""

    def __init__(self, replace: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._replace = replace
        self.removed: list[str] = []  # names, for the console and tests
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._app = cast(QGuiApplication, QGuiApplication.instance())
        self._app.screenAdded.connect(self._on_app_screen_added)
        self._app.screenRemoved.connect(self._on_app_screen_removed)
        self._watching = True

    def stop(self) -> None:
        if self._watching:
            self._watching = False
            self._app.screenAdded.disconnect(self._on_app_screen_added)
            self._app.screenRemoved.disconnect(self._on_app_screen_removed)
        self._timer.stop()

    def _on_app_screen_added(self, screen: QScreen) -> None:
        self._timer.start()

    def _on_app_screen_removed(self, screen: QScreen) -> None:
        self.removed.append(screen.name())
        self._timer.start()  # after Qt has finished removing it

    def _on_timer_timeout(self) -> None:
        self._replace()


def current_screens() -> tuple[list[QScreen], list[ScreenInfo]]:
    screens = list(QGuiApplication.screens())
    primary = QGuiApplication.primaryScreen()
    return screens, [ScreenInfo.of(s, primary) for s in screens]


def put_on_screen(window: QWidget, screen: QScreen, *, full_screen: bool) -> None:
    """Move a top-level window onto `screen`, full screen there or centred."""
    geometry = screen.geometry()
    if window.isFullScreen():
        window.showNormal()  # full-screen geometry is tied to the old screen
    window.setScreen(screen)
    if full_screen:
        window.setGeometry(geometry)
        window.showFullScreen()
    else:
        size = window.size().boundedTo(screen.availableGeometry().size())
        window.resize(size)
        window.move(geometry.center() - window.rect().center())
        window.show()
