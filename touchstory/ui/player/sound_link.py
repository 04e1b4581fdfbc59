"""Joins the player to the live sound: the top bar's Sound button and its panel,
the sleep timer's countdown on that button, and the one-time "making the rain
sound" notice. Kept apart from window.py so the player stays about one idea.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from touchstory.audio.sleep import SleepState
from touchstory.pacing.session import Mode, Phase
from touchstory.ui.player.sound_panel import SoundPanel

if TYPE_CHECKING:
    from touchstory.ui.sound.live_sound import LiveSound
    from touchstory.ui.player.window import PlayerWindow


class SoundLink(QObject):
    """Lives as long as its player; `close()` lets go of the app-long LiveSound."""

    def __init__(self, player: PlayerWindow, sound: LiveSound) -> None:
        super().__init__(player)
        self.player, self.sound = player, sound
        self.panel: SoundPanel | None = None  # made the first time it is opened
        self._connect_signals()
        player.sound_button.show()

    def _connect_signals(self) -> None:
        self.player.sound_button.clicked.connect(self._on_sound_button_clicked)
        self.sound.sleep_changed.connect(self._on_sound_sleep_changed)
        self.sound.preparing.connect(self._on_sound_preparing)
        self.sound.asleep.connect(self._on_sound_asleep)

    def close(self) -> None:
        for signal, slot in ((self.sound.sleep_changed, self._on_sound_sleep_changed),
                             (self.sound.preparing, self._on_sound_preparing),
                             (self.sound.asleep, self._on_sound_asleep)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        if self.panel is not None:
            self.panel.hide()

    def open_panel(self) -> SoundPanel:
        from touchstory.audio.soundscapes import SOUNDSCAPES  # numpy is loaded by now: the sound is playing

        player = self.player
        if self.panel is None:
            self.panel = SoundPanel(player.theme, player.settings, list(SOUNDSCAPES.values()),
                                    player.story.meta.soundscape, player)
            self.panel.settings_changed.connect(self._on_panel_settings_changed)
            self.panel.sleep_requested.connect(self._on_panel_sleep_requested)
            self.panel.closed.connect(self._on_panel_closed)
        self.panel.set_theme(player.theme)
        self.panel.set_settings(player.settings)
        self.panel.set_sleep_choice(*self.sound.sleep_choice())
        self.panel.show_below(player.sound_button)
        return self.panel

    def _on_sound_button_clicked(self) -> None:
        self.open_panel()

    def _on_panel_settings_changed(self, settings: Any) -> None:
        self.player.apply_settings(settings, notify=True)  # the app saves them and the sound follows

    def _on_panel_sleep_requested(self, mode: str, minutes: float) -> None:
        self.sound.set_sleep(mode, minutes)

    def _on_panel_closed(self) -> None:
        self.player.setFocus()  # Space and the clicker reach the story again

    def _on_sound_sleep_changed(self, state: SleepState) -> None:
        button = self.player.sound_button
        text, short = sleep_words(state)
        label = "Sound" + (" · " + short if short else "")
        if button.text() != label:
            button.setText(label)
            button.setToolTip(text)
        if self.panel is not None:
            self.panel.set_sleep_state(text)

    def _on_sound_asleep(self) -> None:
        """The sleep timer's fade is over: a story that moves by itself waits now,
        so no voice comes back into the quiet room."""
        session = self.player.session
        if session.phase is Phase.PLAYING and session.mode is not Mode.READ_ALOUD and not session.paused:
            session.set_paused(True)
            self.player.line_view.set_hint("The sleep timer has faded the sound. Tap to go on.")

    def _on_sound_preparing(self, text: str) -> None:
        if text:
            self.player.show_notice(text)


def sleep_words(state: SleepState) -> tuple[str, str]:
    """The sleep timer in words: the sentence (tooltip, panel) and the few words on
    the Sound button ("10 min", "fading"); both "" when there is nothing to show."""
    if state.fading:
        return "The sound is fading out.", "fading"
    if state.seconds_left is None:
        return "", ""
    left = state.seconds_left
    short = f"{max(1, round(left / 60))} min" if left >= 60 else f"{max(1, round(left))} s"
    return f"The sound will fade out in {short}.", short
