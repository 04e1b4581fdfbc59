"""The player's Sound button with the live sound: the panel opens under it, its
changes reach the settings and the mixer, the sleep timer counts down on the
button, and focus comes back to the story when the panel closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from screenshots.helpers import grab, load, make_player, press, wait_for_pictures
from touchstory.audio.mixer import Layer
from touchstory.audio.output import NullOutput
from touchstory.journal.settings import Settings
from touchstory.ui.sound.live_sound import LiveSound
from touchstory.ui.player.hooks import NullNarrator


@pytest.fixture
def sound(qtbot, tmp_path: Path):
    made = LiveSound(NullOutput(), Settings(), cache_dir=tmp_path / "soundscapes")
    yield made
    made.shutdown()


def test_the_sound_panel_changes_levels_and_the_sleep_timer(qtbot, sound):
    saved: list[Settings] = []

    def on_settings(settings: Settings) -> None:
        saved.append(settings)
        sound.apply_settings(settings)  # what app.py does

    player, clock = make_player(qtbot, *load("the-sleepy-balloon"), on_settings_changed=on_settings,
                                mixer=sound, narrator=NullNarrator())
    player.attach_sound(sound)
    assert player.sound_button.isVisible()
    qtbot.mouseClick(player.sound_button, Qt.MouseButton.LeftButton)
    panel = player.sound_link.panel
    assert panel is not None and panel.isVisible()
    panel.sliders["soundscape"].setValue(40)
    assert saved and saved[-1].volumes.soundscape == pytest.approx(0.40)
    assert sound.mixer.volume(Layer.SOUNDSCAPE_1) == pytest.approx(0.40)
    ten = next(i for i, choice in enumerate(panel._sleep_choices) if choice[1] == 10)
    panel.sleep_box.setCurrentIndex(ten)
    panel.sleep_box.activated.emit(ten)
    assert player.sound_button.text() == "Sound · 10 min"
    assert "fade out in 10 min" in player.sound_button.toolTip()
    grab(panel, "sound-panel-in-player-bedtime")
    wait_for_pictures(player)
    grab(player, "player-with-sound-and-narration-buttons-bedtime")
    panel.hide()
    press(qtbot, player, clock, Qt.Key.Key_Space)
    assert player.session.step.line_number == 1, "Space reaches the story again after the panel"


def test_the_first_making_of_a_soundscape_is_told_quietly(qtbot, sound):
    player, clock = make_player(qtbot, *load("the-sleepy-balloon"), mixer=sound)
    player.attach_sound(sound)
    sound.preparing.emit("Making the soft rain sound (only the first time)…")
    assert "only the first time" in player.toast.text() and player.toast.isVisible()


def test_when_the_sleep_timer_has_faded_a_narrated_story_waits(qtbot, sound):
    from touchstory.pacing.session import Mode

    narrator = NullNarrator()
    player, clock = make_player(qtbot, *load("the-sleepy-balloon"), settings=Settings(pace="narrated"),
                                mixer=sound, narrator=narrator)
    player.attach_sound(sound)
    qtbot.mouseClick(player.permission_card.yes, Qt.MouseButton.LeftButton)
    assert player.session.mode is Mode.NARRATED and not player.session.paused
    sound.asleep.emit()
    assert player.session.paused, "no voice comes back after the sleep fade"
    assert "sleep timer" in player.line_view.hint().lower()
    press(qtbot, player, clock, Qt.Key.Key_Space)
    assert not player.session.paused, "a tap goes on"


def test_the_sleep_timer_reaches_the_button_as_a_value_put_into_words_there(qtbot, sound):
    from touchstory.audio.sleep import SleepState

    player, clock = make_player(qtbot, *load("the-sleepy-balloon"), mixer=sound, narrator=NullNarrator())
    player.attach_sound(sound)
    sound.sleep_changed.emit(SleepState(seconds_left=45.2))
    assert player.sound_button.text() == "Sound · 45 s"
    assert player.sound_button.toolTip() == "The sound will fade out in 45 s."
    sound.sleep_changed.emit(SleepState(seconds_left=125.0))
    assert player.sound_button.text() == "Sound · 2 min"
    sound.sleep_changed.emit(SleepState(fading=True))
    assert player.sound_button.text() == "Sound · fading"
    assert player.sound_button.toolTip() == "The sound is fading out."
    sound.sleep_changed.emit(SleepState())
    assert player.sound_button.text() == "Sound"
