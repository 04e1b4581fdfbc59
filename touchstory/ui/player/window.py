"""The story player: the page picture, the line in large type, the stroke card,
a quiet progress line and an always-visible Stop, over a pacing Session.

The window never decides story logic: presses become session intents
(`tap/next/back/home/end/accept/decline/stop`) and the session's events re-render
the view. Built with its collaborators passed in (see PlayerWindow.__init__);
app.py owns them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from touchstory.pacing.clock import Clock, MonotonicClock
from touchstory.pacing.session import (
    EndReason, Event, Finished, FollowReady, Mode, ModeChanged, PausedChanged, Phase, Session, SpeakRequested,
    Step, StepChanged, StepKind, WaitingForTap,
)
from touchstory.story.bookends import bookends_for
from touchstory.story.duration import estimate_seconds, format_duration
from touchstory.story.model import Story
from touchstory.story.packs import Body, StrokePack, Touch
from touchstory.ui.keys import KeyMap
from touchstory.ui.player.cards import Ending
from touchstory.journal.settings import Settings
from touchstory.ui.player.hooks import Narrator, NullSound, SessionJournal, StorySound
from touchstory.ui.player.input import Press, PressRouter
from touchstory.ui.player.learn_keys import LearnClickerDialog
from touchstory.ui.player.narration_link import NarrationLink
from touchstory.ui.player.recorder import SessionRecorder
from touchstory.ui.player.sound_link import SoundLink
from touchstory.ui.player.safety import CHECKLIST_TAB, CUES_TAB
from touchstory.ui.player.view import PlayerView
from touchstory.ui.theme import Theme, apply_theme, theme_for_now

if TYPE_CHECKING:
    from touchstory.pacing.session import PaceModel
    from touchstory.ui.sound.live_sound import LiveSound

TICK_MS = 100
PREPARE_DELAY_MS = 60


class PlayerWindow(PlayerView):
    """One story, played. `finished(reason)` when the session ends ("completed",
    "declined", "stopped"); `closed()` when the reader leaves the player."""

    finished = Signal(str)
    closed = Signal()
    settings_changed = Signal(object)

    def __init__(self, story: Story, pack: StrokePack | None, settings: Settings, *, clock: Clock | None = None,
                 on_settings_changed: Callable[[Settings], None] | None = None, narrator: Narrator | None = None,
                 mixer: StorySound | None = None, journal: SessionJournal | None = None, theme: Theme | None = None,
                 pace_model: PaceModel | None = None, start_line: int | None = None,
                 parent: QWidget | None = None) -> None:
        clock = clock or MonotonicClock()
        super().__init__(story, clock, theme or theme_for_now(settings, datetime.now()), parent)
        self.story = story
        self.pack = pack
        self.settings = settings
        self.clock = clock
        self._on_settings_changed = on_settings_changed
        self.mixer: StorySound = mixer if mixer is not None else NullSound()  # the sound under the story
        self._pace_model = pace_model
        self._start_line = start_line
        self._recorder = SessionRecorder(journal, story)
        self._coming_strokes: list = []
        self._quiet = False  # while jumping to a resumed line, skip the in-between renders
        self.sound_link: SoundLink | None = None  # the Sound button's panel, with live sound (attach_sound)
        self._paused_for_safety = False  # the safety card paused a timed session; closing it resumes
        self._tick = QTimer(self)  # timed modes (narrated, follow) move on when due
        self._tick.setInterval(TICK_MS)
        self.narration = NarrationLink(self, narrator)
        self.session: Session = self._new_session()
        self.router = PressRouter(self.clock, KeyMap(settings.key_bindings),
                                  self._on_press, self)
        self._connect_signals()
        apply_theme(self, self.theme)
        self.apply_settings(settings, notify=False)
        self.narration.sync_button()
        self.mixer.story_started(story)
        self.session.start()

    # -- building --------------------------------------------------------------------
    def _new_session(self) -> Session:
        mode = Mode(self.settings.pace)  # Settings(pace="narrated") is allowed too
        if mode is Mode.FOLLOW and not (self._pace_model is not None and self._pace_model.ready):
            mode = Mode.READ_ALOUD
        session = Session(self.story, self.pack, self.clock, mode=mode, pace_model=self._pace_model,
                          narration_available=self.narration.available)
        session.subscribe(self._on_session_event)
        self._recorder.begin(mode.value, session.line_count)
        if mode is Mode.NARRATED:
            self.narration.prepare(session)
        return session

    def _connect_signals(self) -> None:
        self.page.tapped.connect(self._on_page_tapped)
        self.permission_card.accept_requested.connect(self._on_permission_card_accept_requested)
        self.permission_card.decline_requested.connect(self._on_permission_card_decline_requested)
        self.end_card.leave_requested.connect(self._on_end_card_leave_requested)
        self.end_card.again_requested.connect(self._on_end_card_again_requested)
        self.keys_overlay.close_requested.connect(self._on_keys_overlay_close_requested)
        self.keys_overlay.learn_requested.connect(self._on_keys_overlay_learn_requested)
        self.stop_button.activated.connect(self._on_stop_button_activated)
        self.stop_button.hint_requested.connect(self._on_stop_button_hint_requested)
        self.keys_button.clicked.connect(self._on_keys_button_clicked)
        self.full_button.clicked.connect(self._on_full_button_clicked)
        self.follow_button.clicked.connect(self._on_follow_button_clicked)
        self.cues_button.clicked.connect(self._on_cues_button_clicked)
        self.permission_card.safety_requested.connect(self._on_permission_card_safety_requested)
        self.safety_closed.connect(self._on_safety_closed)
        self._tick.timeout.connect(self._on_tick_timeout)
        for button in (self.keys_button, self.full_button, self.follow_button, self.stop_button,
                       self.narrate_button, self.sound_button,
                       self.permission_card.yes, self.permission_card.not_now, self.end_card.leave,
                       self.end_card.again, self.keys_overlay.learn, self.keys_overlay.close_button,
                       self.cues_button, self.permission_card.safety):
            button.installEventFilter(self.router)
            if button is not self.stop_button and isinstance(button, QPushButton):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click must not steal the page's keys

    # -- settings and theme -------------------------------------------------------------
    def apply_settings(self, settings: Settings, *, notify: bool = False) -> None:
        """Take new settings live (show next line, child lock, learned keys, text size)."""
        self.settings = settings
        self.line_view.set_show_next(settings.show_next_line)
        self.router.keymap = KeyMap(settings.key_bindings)
        self._update_lock()
        theme = self.theme.with_text(settings.text_scale or 1.0, settings.dyslexia_spacing)
        if theme != self.theme:
            self.set_theme(theme)
        if notify:
            self.settings_changed.emit(settings)
            if self._on_settings_changed is not None:
                self._on_settings_changed(settings)

    def _update_lock(self) -> None:
        lock = bool(getattr(self.settings, "child_lock", True))
        self.stop_button.set_locked(lock and self.session.phase is not Phase.ENDED)

    # -- hooks for narration ---------------------------------------------------------
    def speech_finished(self, index: int) -> None:
        """The narrator's audio for step `index` has ended (call on the GUI thread)."""
        self.session.speech_finished(index)

    def highlight_word(self, index: int | None) -> None:
        if bool(getattr(self.settings, "highlight_words", True)) or index is None:
            self.line_view.highlight_word(index)

    # -- presses -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.router.key(event):
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab normally moves focus before keyPressEvent sees it; a clicker taught
        # to send Tab must move the story instead.
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.router.is_learned(event)):
            self.router.key(event)
            return True
        return super().event(event)

    def _on_page_tapped(self, x_fraction: float) -> None:
        if self.session.phase is Phase.PLAYING:
            self.router.tap_at(x_fraction)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.blank_overlay.isVisible():
            event.accept()
            self.router.tap_at(1.0)  # any tap brings a blanked page back
            return
        super().mousePressEvent(event)

    def _on_press(self, press: Press) -> None:
        if self.is_safety_open():  # reading the safety card: no key moves the story
            if press is Press.ESCAPE:
                self.show_safety(False)
            return
        if self.keys_overlay.isVisible():
            if press in (Press.SHOW_KEYS, Press.ESCAPE):
                self._show_keys(False)
            return
        if self.blank_overlay.isVisible() and press in (Press.TAP, Press.NEXT, Press.BACK, Press.BLANK,
                                                        Press.ESCAPE):
            self._set_blank(False)  # bring the page back without moving on
            return
        session = self.session
        match press:
            case Press.TAP:
                session.tap()
            case Press.NEXT:
                session.next()
            case Press.BACK:
                session.back()
            case Press.HOME:
                session.home()
            case Press.END:
                session.end()
            case Press.BLANK:
                self._set_blank(True)
            case Press.FULL_SCREEN:
                self.set_full_screen(not self.window().isFullScreen())
            case Press.ESCAPE:
                if self.window().isFullScreen():
                    self.set_full_screen(False)
            case Press.SHOW_KEYS:
                self._show_keys(True)

    # -- buttons ------------------------------------------------------------------------
    def _on_permission_card_accept_requested(self) -> None:
        self.session.accept()

    def _on_permission_card_decline_requested(self) -> None:
        self.session.decline()

    def _on_stop_button_activated(self) -> None:
        if self.session.phase is Phase.ENDED:
            self.leave()
        else:
            self.session.stop()

    def _on_stop_button_hint_requested(self) -> None:
        self.toast.flash("Hold Stop to leave")
        self._place_toast()

    def _on_end_card_leave_requested(self) -> None:
        self.leave()

    def _on_end_card_again_requested(self) -> None:
        self.restart()

    def _on_keys_button_clicked(self) -> None:
        self._show_keys(True)

    def _on_keys_overlay_close_requested(self) -> None:
        self._show_keys(False)

    def _on_keys_overlay_learn_requested(self) -> None:
        dialog = LearnClickerDialog(self.theme, self.router.keymap, self)
        if dialog.exec() and dialog.keymap is not None:
            self._store_bindings(dialog.keymap.bindings)
        self._show_keys(True)

    def _store_bindings(self, bindings: dict[str, str]) -> None:
        settings = self.settings
        if dataclasses.is_dataclass(settings) and not isinstance(settings, type):
            settings = dataclasses.replace(settings, key_bindings=dict(bindings))
        else:
            settings.key_bindings = dict(bindings)
        self.apply_settings(settings, notify=True)

    def _on_full_button_clicked(self) -> None:
        self.set_full_screen(not self.window().isFullScreen())

    def _on_follow_button_clicked(self) -> None:
        self.session.set_mode(Mode.FOLLOW)

    # -- narration and sound ----------------------------------------------------------------
    @property
    def narrator(self) -> Narrator | None:
        return self.narration.narrator

    def set_narrated(self, on: bool) -> None:
        """Hands-free (the app reads each line, waits for the stroke, moves on) or
        read-aloud (every tap moves one line)."""
        self.narration.set_narrated(on)

    def narration_unavailable(self, text: str, *, tell: bool = True) -> None:
        self.narration.unavailable(text, tell=tell)

    def attach_sound(self, sound: LiveSound) -> None:
        """The live sound (touchstory.ui.sound.live_sound.LiveSound): the Sound button and
        its panel appear, and the sleep timer's countdown shows on the button."""
        self.sound_link = SoundLink(self, sound)

    def show_notice(self, text: str) -> None:
        """A plain message over the page that goes away by itself."""
        self.toast.flash(text, seconds=max(3.0, min(12.0, len(text) / 15)))
        self._place_toast()

    # -- safety checklist and baby's cues (baby routines) -------------------------------
    def show_safety(self, on: bool, tab: int = CHECKLIST_TAB) -> None:
        """Open or close the safety card; a timed session (narrated, follow) waits
        while it is open and carries on when it closes."""
        session = self.session
        if on and not self.is_safety_open() and session.phase is Phase.PLAYING and not session.paused \
                and session.mode is not Mode.READ_ALOUD:
            session.set_paused(True)
            self._paused_for_safety = True
        self._show_safety(on, tab)

    def _on_cues_button_clicked(self) -> None:
        self.show_safety(not self.is_safety_open(), CUES_TAB)

    def _on_permission_card_safety_requested(self) -> None:
        self.show_safety(True, CHECKLIST_TAB)

    def _on_safety_closed(self) -> None:
        if self._paused_for_safety and self.session.paused:
            self.session.set_paused(False)
        self._paused_for_safety = False

    def _on_tick_timeout(self) -> None:
        self.session.tick()

    def leave(self) -> None:
        """Back to the library (the child lock has already been passed)."""
        if self.session.phase is not Phase.ENDED:
            self.session.stop()
        self.closed.emit()
        if self.isWindow():
            self.close()

    def restart(self) -> None:
        """Read the story again from the permission question."""
        self.end_card.hide()
        self.session = self._new_session()
        self._update_lock()
        self.stop_button.set_text("Stop")
        self.stop_button.set_glyph("stop")
        self.mixer.story_started(self.story)
        self.session.start()
        self.narration.sync_button()
        self.setFocus()

    # -- session events ----------------------------------------------------------------
    def _on_session_event(self, event: Event) -> None:
        match event:
            case StepChanged(step=step, previous_index=previous):
                if not self._quiet:
                    self._render_step(step)
                    if step.kind is StepKind.LINE and self.story.pages:
                        self.mixer.page_changed(self.story.pages[step.page_index],
                                                forward=previous is None or step.index > previous)
            case SpeakRequested():
                self.narration.on_session_event(event, quiet=self._quiet)
            case PausedChanged(paused=paused):
                self.line_view.set_hint("Paused. Tap to go on." if paused else "")
                self.narration.on_session_event(event)  # a pause hushes the voice
                if not paused:
                    self.mixer.wake()
            case WaitingForTap():
                self.line_view.set_hint("Tap when you are ready.")
            case FollowReady(ready=ready):
                self.follow_button.setVisible(ready and self.session.mode is Mode.READ_ALOUD)
            case ModeChanged(mode=mode):
                self.narration.sync_button()
                self.follow_button.setVisible(mode is Mode.READ_ALOUD and bool(
                    self._pace_model is not None and self._pace_model.ready))
            case Finished(reason=reason):
                self._on_finished(reason)

    def _render_step(self, step: Step) -> None:
        self.line_view.highlight_word(None)
        if step.kind is StepKind.ASK:
            self._show_permission(step)
            return
        if step.kind is StepKind.THANKS:
            return  # Finished(COMPLETED) follows at once and shows the thank-you card
        if self.permission_card.isVisible():
            self.permission_card.hide()
            self.setFocus()
            if self._start_line:
                self._resume_to(self._start_line)
                return
        page = self.story.pages[step.page_index] if self.story.pages else None
        self.picture_view.set_picture(page.picture if page else None)
        has_picture = page is not None and page.picture is not None
        if self.picture_view.isHidden() == has_picture:
            self.picture_view.setVisible(has_picture)
        upcoming = self.session.next_line()
        next_text = upcoming.text if upcoming is not None and upcoming.kind is StepKind.LINE else ""
        line = step.line
        notes = tuple(n.text for n in line.notes) if line is not None else ()
        self.line_view.set_line(step.text, next_text=next_text, notes=notes)
        self.stroke_card.set_line(line, self.pack)
        self.progress.set_progress(step.line_number, self.session.line_count)
        self._recorder.reached(step.line_number)
        self._tick.start()
        self._prefetch_around(step.index)

    def _prefetch_around(self, index: int) -> None:
        """Draw the neighbouring lines ahead, so the next press is only a blit."""
        steps = self.session.steps
        ahead = []
        for j in (index + 1, index - 1, index + 2):
            if 0 <= j < len(steps) and steps[j].kind is StepKind.LINE:
                has_next = j + 1 < len(steps) and steps[j + 1].kind is StepKind.LINE
                line = steps[j].line
                notes = len(line.notes) if line is not None else 0
                ahead.append((steps[j].text, has_next, notes))
        self.line_view.prefetch(ahead)
        coming = [steps[j].line for j in (index + 1, index - 1) if 0 <= j < len(steps) and steps[j].line]
        self._coming_strokes = coming
        QTimer.singleShot(PREPARE_DELAY_MS, self._on_prepare_strokes)  # after this line is painted

    def _on_prepare_strokes(self) -> None:
        self.stroke_card.prepare([line for line in self._coming_strokes if line is not None], self.pack)

    def _resume_to(self, line_number: int) -> None:
        """Continue where the reader stopped last time, after asking permission."""
        self._start_line = None
        self._quiet = True
        try:
            while (self.session.phase is Phase.PLAYING and self.session.step.line_number < line_number
                   and self.session.next_line() is not None
                   and self.session.next_line().kind is StepKind.LINE):  # type: ignore[union-attr]
                self.session.next()
        finally:
            self._quiet = False
        self._render_step(self.session.step)
        if self.session.mode is Mode.NARRATED:
            self.session.set_mode(Mode.NARRATED)  # speaks the line we landed on

    def _show_permission(self, step: Step) -> None:
        resting = next((s for s in self.pack.strokes if s.motion.touch is Touch.REST), None) if self.pack else None
        about = f"{self.story.title} · about {format_duration(estimate_seconds(self.story, self.pack))}"
        body = self.pack.body if self.pack else Body.BACK
        self.permission_card.set_question(step.text, about, resting, body, bookends_for(self.story.meta.language))
        self.permission_card.setGeometry(self.page.rect())
        self.permission_card.show()
        self.permission_card.raise_()
        self.permission_card.yes.setFocus()
        self.progress.set_progress(0, self.session.line_count)
        first = next((s for s in self.session.steps if s.kind is StepKind.LINE), None)
        if first is not None:
            page = self.story.pages[first.page_index]
            self.picture_view.set_picture(page.picture, animate=False)
            self.line_view.set_line("")
            self.stroke_card.set_line(first.line, self.pack)
            self._prefetch_around(step.index)

    def _on_finished(self, reason: EndReason) -> None:
        self._tick.stop()
        self.permission_card.hide()
        if reason is EndReason.COMPLETED:
            self.mixer.story_finished()  # the sound plays on a while, then fades
        else:
            self.narration.stop()
            self.mixer.stop_gently()  # never an abrupt silence
        ending = {EndReason.COMPLETED: Ending.THANKS, EndReason.DECLINED: Ending.DECLINED,
                  EndReason.STOPPED: Ending.STOPPED}[reason]
        thanks = self.session.steps[-1].text if self.session.steps[-1].kind is StepKind.THANKS else None
        self.end_card.set_ending(ending, thanks or "The end. Thank you.")
        self.end_card.setGeometry(self.page.rect())
        self.end_card.show()
        self.end_card.raise_()
        self.end_card.leave.setFocus()
        self.stop_button.set_text("Back to stories")
        self.stop_button.set_glyph("back")
        self._update_lock()
        if reason is EndReason.COMPLETED:
            self.progress.set_progress(self.session.line_count, self.session.line_count)
        self._recorder.end(reason.value)
        self.finished.emit(reason.value)

    # -- window events ------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.permission_card.isVisible():
            self.permission_card.yes.setFocus()
        elif not self.end_card.isVisible():
            self.setFocus()

    def shutdown(self) -> None:
        """Stop timers and background rendering; a story still running ends as
        "stopped" (gently, recorded). Called on close; call it yourself when the
        player is taken out of a window without being closed."""
        if self.session.phase is not Phase.ENDED:
            self.session.stop()
        self._tick.stop()
        if self.sound_link is not None:
            self.sound_link.close()
        self.pictures.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)


__all__ = ["PlayerWindow"]
