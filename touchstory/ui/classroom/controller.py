"""The classroom controller: one group session shown on two windows in sync.

Every key or click (on either window, or the console's buttons) becomes a
GroupSession intent; every event of the session re-renders the projector, its
small copy on the console and the console. It also places the projector on the
chosen screen and keeps it there when screens come and go."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)

from touchstory.errors import StoryError
from touchstory.pacing.clock import Clock
from touchstory.pacing.debounce import Debouncer
from touchstory.pacing.group import (
    BlankChanged,
    Event,
    Finished,
    GroupSession,
    ModeChanged,
    MoveOnChanged,
    OverlayChanged,
    PaceChanged,
    PausedChanged,
    PlanChanged,
    RoundEnded,
    SlideChanged,
    Speak,
)
from touchstory.pacing.plan import StepKind
from touchstory.pacing.plan_store import PlanStore
from touchstory.pacing.session import Mode
from touchstory.story.packs import PackRegistry
from touchstory.ui.classroom.console import ConsoleWindow
from touchstory.ui.classroom.keys import ClassAction, class_action_for
from touchstory.pacing.group_loading import build_group
from touchstory.ui.classroom.projector import ProjectorWindow
from touchstory.ui.classroom.screens import (
    ScreenWatcher,
    choose_console,
    choose_projector,
    current_screens,
    put_on_screen,
)
from touchstory.ui.keys import BUTTON_KEYS, KeyMap
from touchstory.journal.settings import Settings
from touchstory.ui.player.hooks import Narrator
from touchstory.ui.player.input import Press, PressRouter
from touchstory.ui.player.pictures import PictureCache
from touchstory.ui.strokes.animation import Ticker
from touchstory.ui.theme import Theme

TICK_MS = 100
COMPACT_SIZE = (660, 470)
PREVIEW_SIZE = (416, 234)


class CueMixer(Protocol):
    """What the classroom asks of the sound: a soft chime, and a gentle stop."""

    def play_cue(self) -> None: ...

    def stop_gently(self) -> None: ...


class ClassroomController(QObject):
    """`finished(reason)` when the session ends ("completed" or "stopped");
    `closed()` when the teacher closes the windows; `settings_changed(settings)`
    when the projector screen is chosen (app.py saves it)."""

    finished = Signal(str)
    closed = Signal()
    settings_changed = Signal(object)

    def __init__(self, group: GroupSession, *, packs: PackRegistry, settings: Settings, theme: Theme, clock: Clock,
                 plans: PlanStore, story_roots: Sequence[Path] = (), mixer: CueMixer | None = None,
                 narrator: Narrator | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.packs, self.settings, self.theme, self.clock = packs, settings, theme, clock
        self.plans, self.story_roots = plans, list(story_roots)
        self.mixer, self.narrator = mixer, narrator
        self.projector_full_screen = True
        self._unsubscribe: Callable[[], None] | None = None
        self._closing = False
        self.ticker = Ticker(self)
        self.pictures = PictureCache(self)
        self.projector = ProjectorWindow(theme, ticker=self.ticker, pictures=self.pictures)
        self.console = ConsoleWindow(theme, clock)
        self.preview = ProjectorWindow(theme, ticker=self.ticker, pictures=self.pictures)
        self.preview.setMinimumSize(0, 0)
        self.preview.setFixedSize(*PREVIEW_SIZE)  # the projector's shape, small
        self.preview.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.console.set_preview(self.preview)
        self.router = PressRouter(clock, KeyMap(settings.key_bindings), self._on_press, self)
        self._class_debouncer = Debouncer(clock)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self.screens = ScreenWatcher(self.place_windows, self)
        self._connect_signals()
        self.set_group(group)

    # -- wiring ------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        c = self.console
        c.next_requested.connect(self._on_console_next_requested)
        c.back_requested.connect(self._on_console_back_requested)
        c.blank_requested.connect(self._on_console_blank_requested)
        c.pause_requested.connect(self._on_console_pause_requested)
        c.move_on_requested.connect(self._on_console_move_on_requested)
        c.stop_requested.connect(self._on_console_stop_requested)
        c.action_requested.connect(self._on_console_action_requested)
        c.step_requested.connect(self._on_console_step_requested)
        c.mode_requested.connect(self._on_console_mode_requested)
        c.pace_requested.connect(self._on_console_pace_requested)
        c.formation_requested.connect(self._on_console_formation_requested)
        c.round_requested.connect(self._on_console_round_requested)
        c.screen_requested.connect(self._on_console_screen_requested)
        c.save_requested.connect(self._on_console_save_requested)
        c.open_requested.connect(self._on_console_open_requested)
        c.key_pressed.connect(self._on_window_key_pressed)
        c.close_requested.connect(self._on_window_close_requested)
        self.projector.key_pressed.connect(self._on_window_key_pressed)
        self.projector.tapped.connect(self._on_projector_tapped)
        self.projector.close_requested.connect(self._on_window_close_requested)
        self._tick.timeout.connect(self._on_tick_timeout)
        for widget in c.findChildren(QWidget):
            if isinstance(widget, (QPushButton, QComboBox, QListWidget)) or widget is c.stop_button:
                widget.installEventFilter(self)

    def set_group(self, group: GroupSession) -> None:
        """Show another plan (the teacher opened one); the old session just ends."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.group = group
        self._unsubscribe = group.subscribe(self._on_group_event)
        pictures = [page.picture for story in group.stories.values() for page in story.pages if page.picture]
        self.projector.set_story_pictures(pictures)
        self.preview.set_story_pictures(pictures)
        self.console.set_plan(group)
        if not group.started:
            group.start()
        self._render_all()

    # -- showing --------------------------------------------------------------------------------
    def show(self) -> None:
        self.place_windows()
        self._tick.start()
        self.console.activateWindow()

    def place_windows(self) -> None:
        """Projector on its screen (full screen), console on the teacher's screen;
        with one screen, the console is small and stays on top."""
        screens, infos = current_screens()
        if not screens:
            return
        wanted = self.settings.projector_screen
        p = choose_projector(infos, wanted)
        put_on_screen(self.projector, screens[p], full_screen=self.projector_full_screen)
        single = len(screens) == 1
        self.console.set_compact(single)
        self.console.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, single)
        console_screen = screens[choose_console(infos, p)]
        area = console_screen.availableGeometry()
        if single:
            self.console.resize(*COMPACT_SIZE)
            self.console.move(area.right() - COMPACT_SIZE[0] - 24, area.bottom() - COMPACT_SIZE[1] - 24)
            self.console.setScreen(console_screen)
            self.console.show()
            self.console.raise_()
        else:
            self.console.resize(min(1280, area.width()), min(800, area.height()))
            put_on_screen(self.console, console_screen, full_screen=False)
        self.console.set_screens([(i.name, i.label) for i in infos], infos[p].name)

    def _render_all(self) -> None:
        group = self.group
        slide = group.slide
        steps = max(1, len(group.plan.steps))
        within = (slide.number / slide.count) if slide.count else 1.0
        progress = 1.0 if group.ended else (group.step_index + within) / steps
        for view in (self.projector, self.preview):
            view.show_slide(slide, formation=group.plan.formation, progress=progress)
            view.set_overlay(group.overlay)
            view.set_blank(group.blanked)
            view.set_move_on(group.move_on_visible, group.round_number)
        self.console.show_state(group)

    # -- the session tells -----------------------------------------------------------------------
    def _on_group_event(self, event: Event) -> None:
        match event:
            case PausedChanged(paused=True) if self.narrator is not None:
                self.narrator.stop()  # silence now; the session says the line again on "go on"
                self._render_all()
            case SlideChanged() | BlankChanged() | OverlayChanged() | MoveOnChanged() | PausedChanged() \
                    | ModeChanged() | PaceChanged():
                self._render_all()
            case PlanChanged():
                self.console.set_plan(self.group)
            case RoundEnded():
                if self.mixer is not None and self.group.plan.chime:
                    self.mixer.play_cue()
            case Speak(token=token, text=text):
                if self.narrator is not None:
                    self.narrator.speak(token, text)
            case Finished(reason=reason):
                if self.narrator is not None:
                    self.narrator.stop()
                self._render_all()
                self.finished.emit(reason.value)

    def speech_finished(self, token: int) -> None:
        """The narrator's audio for `token` has ended (call on the GUI thread)."""
        self.group.speech_finished(token)

    # -- keys and clicks -------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """A key from either window (a clicker or the keyboard); True if it acted."""
        if self.router.is_learned(event):
            return self.router.key(event)
        action = class_action_for(event)
        if action is None:
            return self.router.key(event)
        if not event.isAutoRepeat() and self._class_debouncer.accept(action):
            self.do(action)
        return True

    def do(self, action: ClassAction) -> None:
        group = self.group
        if action.overlay is not None:
            group.toggle_overlay(action.overlay)
        elif action is ClassAction.MOVE_ON:
            group.move_on_now()
        elif action is ClassAction.PAUSE:
            group.set_paused(not group.paused)

    def _on_press(self, press: Press) -> None:
        group = self.group
        match press:
            case Press.TAP | Press.NEXT:
                group.next()
            case Press.BACK:
                group.back()
            case Press.HOME:
                group.home()
            case Press.END:
                group.end()
            case Press.BLANK:
                group.toggle_blank()
            case Press.FULL_SCREEN:
                self.set_projector_full_screen(not self.projector_full_screen)
            case Press.ESCAPE:
                if group.overlay is not None:
                    group.clear_overlay()
                elif self.projector_full_screen:
                    self.set_projector_full_screen(False)
            case Press.SHOW_KEYS:
                self.console.toggle_keys()

    def set_projector_full_screen(self, on: bool) -> None:
        self.projector_full_screen = on
        if on:
            self.projector.showFullScreen()
        else:
            self.projector.showNormal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """On the console's buttons, lists and boxes: they keep Space, Enter and Tab;
        every other key is the clicker's, wherever the focus is."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in BUTTON_KEYS and not self.router.is_learned(event):
                return False
            return self.handle_key(event)
        return False

    def _on_window_key_pressed(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            event.ignore()

    def _on_projector_tapped(self, x_fraction: float) -> None:
        self.router.tap_at(x_fraction)

    # -- console buttons -------------------------------------------------------------------------
    def _on_console_next_requested(self) -> None:
        self.router.tap_at(1.0)  # the same bounce filter as the clicker

    def _on_console_back_requested(self) -> None:
        self.router.tap_at(0.0)

    def _on_console_blank_requested(self) -> None:
        self.group.toggle_blank()

    def _on_console_pause_requested(self) -> None:
        self.group.set_paused(not self.group.paused)

    def _on_console_move_on_requested(self) -> None:
        self.group.move_on_now()

    def _on_console_stop_requested(self) -> None:
        self.group.stop()

    def _on_console_action_requested(self, action: ClassAction) -> None:
        self.do(action)

    def _on_console_step_requested(self, index: int) -> None:
        self.group.goto(index)

    def _on_console_mode_requested(self, mode: Mode) -> None:
        self.group.set_mode(mode)

    def _on_console_pace_requested(self, pace: float) -> None:
        self.group.set_pace(pace)

    def _on_console_formation_requested(self, formation) -> None:
        self.group.set_formation(formation)

    def _on_console_round_requested(self, seconds: float | None) -> None:
        self.group.set_round_seconds(seconds)

    def _on_console_screen_requested(self, name: str) -> None:
        self.settings = dataclasses.replace(self.settings, projector_screen=name)
        self.settings_changed.emit(self.settings)
        self.place_windows()

    def _on_console_open_requested(self) -> None:
        saved = self.plans.list()
        other = "Another plan or story file…"
        choices = [f"{plan.title}  ({plan.name})" for plan in saved] + [other]
        choice, ok = QInputDialog.getItem(self.console, "Open", "Saved plans:", choices, 0, False)
        if not ok:
            return
        if choice == other:
            path, _ = QFileDialog.getOpenFileName(self.console, "Open a plan or a story", str(self.plans.folder),
                                                  "Plans and stories (*.plan *.story)")
            if path:
                self.open_target(Path(path))
        else:
            self.open_target(saved[choices.index(choice)].path)

    def open_target(self, target: Path) -> bool:
        """Replace the session with a plan or story; its problems are shown, not raised."""
        try:
            group = build_group(target, self.packs, self.story_roots, self.clock, mode=self.group.mode,
                                narration_available=self.narrator is not None)
        except StoryError as error:
            shown = "\n\n".join(p.format() for p in error.problems[:8]) or str(error)
            QMessageBox.warning(self.console, "Cannot open", f"{target.name} has problems to fix first:\n\n{shown}")
            return False
        self.set_group(group)
        return True

    def _on_console_save_requested(self) -> None:
        name, ok = QInputDialog.getText(self.console, "Save plan", "Name of the plan:",
                                        text=self.group.plan.title)
        if ok and name.strip():
            self.save_plan(name.strip())

    def save_plan(self, name: str) -> Path | None:
        """Write the plan as the teacher has it now (formation, round timer) to the
        saved plans folder; a failure is said plainly and loses nothing."""
        try:
            return self.plans.save(self.group.plan, name, self.story_roots)
        except OSError as exc:
            QMessageBox.warning(self.console, "Save plan", f"The plan could not be saved ({exc.strerror or exc}).")
            return None

    # -- time, closing --------------------------------------------------------------------------------
    def _on_tick_timeout(self) -> None:
        self.group.tick()
        self.console.show_times(self.group)
        if self.group.step.kind in (StepKind.SETTLE, StepKind.CLOSE) and not self.group.ended:
            left = self.group.step_time_left()
            self.projector.set_seconds_left(left)
            self.preview.set_seconds_left(left)

    def _on_window_close_requested(self) -> None:
        self.close()

    def set_theme(self, theme: Theme) -> None:
        """A new look (Settings, or the bedtime hours starting): both windows and the
        console's small copy of the projector follow at once."""
        if theme == self.theme:
            return
        self.theme = theme
        for view in (self.projector, self.preview):
            view.set_theme(theme)
        self.console.set_theme(theme)

    def close(self) -> None:
        """Close both windows gently (narration stops, the sound fades)."""
        if self._closing:
            return
        self._closing = True
        self._tick.stop()
        self.screens.stop()
        if self.narrator is not None:
            self.narrator.stop()
        if self.mixer is not None:
            self.mixer.stop_gently()
        self.projector.close()
        self.console.close()
        self.pictures.shutdown()
        self.closed.emit()

