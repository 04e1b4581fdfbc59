"""The sleep timer and the story's ending, driven by the mixer's own clock
(pumping audio moves time), measured on the sound that comes out."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from audio_helpers import level_db

from touchstory.audio.mixer import Layer, Mixer
from touchstory.audio.output import NullOutput
from touchstory.audio.sleep import Phase, SleepMode, SleepTimer
from touchstory.audio.sound import RATE, Sound


class Rig:
    """A mixer with rain, a NullOutput to pump it and a timer on the audio clock."""

    def __init__(self, bed: Sound, **timer_args: float) -> None:
        self.mixer = Mixer()
        self.mixer.set_soundscape(Layer.SOUNDSCAPE_1, bed)
        self.output = NullOutput()
        self.output.start(self.mixer)
        self.asleep: list[float] = []
        self.timer = SleepTimer(self.mixer, clock=self.mixer.time,
                                on_asleep=lambda: self.asleep.append(self.mixer.time()), **timer_args)

    def play(self, seconds: float) -> np.ndarray:
        """Pump audio one second at a time, ticking the timer as the app's QTimer would."""
        parts = []
        for _ in range(int(round(seconds))):
            parts.append(self.output.pump(1.0))
            self.timer.tick()
        return np.concatenate(parts)


def test_story_end_winds_down_then_fades(rain: Sound) -> None:
    rig = Rig(rain, wind_down=10.0, fade_seconds=20.0)
    rig.play(5)
    assert rig.timer.story_finished() is False, "no sleep timer: the app may go on"
    assert rig.timer.phase is Phase.WINDING_DOWN
    assert rig.timer.remaining() == pytest.approx(10.0)
    out = rig.play(40)
    levels = [level_db(out[i * RATE:(i + 1) * RATE]) for i in range(40)]
    assert min(levels[:9]) > -40.0, "plays on through the wind-down"
    fade = levels[10:30]
    assert all(b < a for a, b in itertools.pairwise(fade)), "then falls every second"
    assert np.all(out[31 * RATE:] == 0.0)
    assert rig.asleep == [pytest.approx(35.0, abs=1.0)]
    assert rig.timer.phase is Phase.ENDED


def test_stop_after_this_story(rain: Sound) -> None:
    rig = Rig(rain, wind_down=5.0, fade_seconds=5.0)
    rig.timer.stop_after_story()
    rig.play(3)
    assert rig.timer.story_finished() is True
    rig.play(12)
    assert rig.asleep and rig.timer.mode is SleepMode.OFF, "used once"


def test_stop_after_minutes_fades_mid_story(rain: Sound) -> None:
    rig = Rig(rain, fade_seconds=5.0)
    rig.mixer.play_voice(Sound(np.full((200 * RATE, 2), 0.01, np.float32)))
    rig.timer.stop_after_minutes(1)
    assert rig.timer.remaining() == pytest.approx(60.0)
    out = rig.play(70)
    assert level_db(out[58 * RATE:59 * RATE]) > -45.0
    assert np.all(out[66 * RATE:] == 0.0)
    assert rig.asleep == [pytest.approx(65.0, abs=1.0)]
    assert not rig.mixer.voice_playing(), "narration is faded and stopped too"


def test_fade_length_is_kept_between_5_and_40_seconds(rain: Sound) -> None:
    timer = SleepTimer(Mixer(), clock=lambda: 0.0, fade_seconds=2.0)
    assert timer.fade_seconds == 5.0
    timer.fade_seconds = 90
    assert timer.fade_seconds == 40.0
    assert SleepTimer(Mixer(), clock=lambda: 0.0).fade_seconds == 20.0


def test_cancel_during_the_fade_brings_the_sound_back(rain: Sound) -> None:
    rig = Rig(rain, wind_down=0.0, fade_seconds=10.0)
    rig.play(4)
    rig.timer.story_finished()
    rig.play(3)
    assert rig.timer.phase is Phase.FADING
    rig.timer.cancel()
    out = rig.play(15)
    assert not rig.asleep and rig.timer.phase is Phase.PLAYING
    assert level_db(out[-RATE:]) > -40.0


def test_a_new_story_during_the_wind_down_keeps_the_sound(rain: Sound) -> None:
    rig = Rig(rain, wind_down=5.0, fade_seconds=5.0)
    rig.play(4)
    rig.timer.story_finished()
    rig.play(3)
    rig.timer.story_started()
    assert rig.timer.remaining() is None
    out = rig.play(15)
    assert not rig.asleep and level_db(out[-RATE:]) > -40.0
