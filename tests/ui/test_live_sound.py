"""The sound under a story in the app (LiveSound) and narration through it
(Narration), measured on the real mixed samples: fade-in, page crossfade, the
wind-down and fade at the end, Stop's two-second fade, mutes, a bad sound file;
speech rendered ahead, heard to its end, words highlighted, lines skipped when
they can't be rendered."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from touchstory.audio.measure import db, integrated_loudness
from touchstory.audio.mixer import Layer
from touchstory.audio.output import NullOutput
from touchstory.journal.settings import Settings, Volumes
from touchstory.pacing.clock import FakeClock
from touchstory.speech.fake import FakeSpeechEngine
from touchstory.ui.sound.live_sound import LiveSound, soundscape_label
from touchstory.ui.sound.narration import Narration

TWO_PAGES = """title: Two pages
soundscape: rain

# One
[calm] It is raining softly.

# Two
soundscape: sea
[wave] Now the sea comes in.
"""


def rms_db(block: np.ndarray) -> float:
    return float(db(np.sqrt(np.mean(np.square(block, dtype=np.float64))) + 1e-12))


@pytest.fixture
def sound(qtbot, tmp_path: Path):
    clock = FakeClock()
    made = LiveSound(NullOutput(), Settings(fade_seconds=5.0, wind_down_seconds=10.0),
                     cache_dir=tmp_path / "soundscapes", clock=clock.now)
    made.clock = clock  # for the tests
    yield made
    made.shutdown()


def wait_for_bed(qtbot, sound: LiveSound, name: str) -> None:
    qtbot.waitUntil(lambda: sound.mixer.soundscape(Layer.SOUNDSCAPE_1) is not None
                    and sound._wanted == name, timeout=20_000)


def test_the_story_soundscape_fades_in_and_the_next_page_crossfades(qtbot, sound, parse):
    story = parse(TWO_PAGES).story
    preparing: list[str] = []
    sound.preparing.connect(preparing.append)
    sound.story_started(story)
    wait_for_bed(qtbot, sound, "rain")
    assert preparing and "rain" in preparing[0].lower(), "the first making of a soundscape is announced"
    heard = sound.output.pump(4.0)
    start, settled = rms_db(heard[: 4410]), rms_db(heard[-44100:])
    assert settled - start > 15, f"fades in over ~3 s, not a sudden start ({start:.1f} -> {settled:.1f} dB)"
    bed = integrated_loudness(heard[-2 * 44100:])
    assert -48 < bed < -34, f"a bed sits well under a voice (~-23 LUFS here), not lost: {bed:.1f} LUFS"
    rain = sound.mixer.soundscape(Layer.SOUNDSCAPE_1)
    sound.page_changed(story.pages[1])
    qtbot.waitUntil(lambda: sound.mixer.soundscape(Layer.SOUNDSCAPE_1) not in (None, rain), timeout=20_000)
    during = sound.output.pump(3.0)
    steps = [rms_db(during[i:i + 4410]) for i in range(0, len(during) - 4410, 4410)]
    assert min(steps) > settled - 10, "the crossfade never dips into silence"


def test_a_page_soundscape_holds_on_the_pages_after_it(qtbot, sound, parse):
    story = parse(TWO_PAGES + "\n# Three\n[calm] The sea is still here.\n").story
    sound.story_started(story)
    wait_for_bed(qtbot, sound, "rain")
    sound.page_changed(story.pages[1])
    wait_for_bed(qtbot, sound, "sea")
    sea = sound.mixer.soundscape(Layer.SOUNDSCAPE_1)
    sound.page_changed(story.pages[2])
    assert sound.wanted_soundscape() == "sea"  # FORMAT.md: "from this page on"
    assert sound.mixer.soundscape(Layer.SOUNDSCAPE_1) is sea  # no restart, no crossfade back to rain
    sound.page_changed(story.pages[0], forward=False)
    assert sound.wanted_soundscape() == "rain"


def test_the_end_winds_down_then_fades_to_silence(qtbot, sound, parse):
    story = parse(TWO_PAGES).story
    sound.story_started(story)
    wait_for_bed(qtbot, sound, "rain")
    sound.output.pump(4.0)
    asleep: list[bool] = []
    sound.asleep.connect(lambda: asleep.append(True))
    assert sound.story_finished() is False
    sound.clock.advance(9.0)
    sound._on_tick_timeout()
    assert not sound.mixer.fading, "the sound plays on for the wind-down"
    sound.clock.advance(1.5)
    sound._on_tick_timeout()
    assert sound.mixer.fading
    tail = sound.output.pump(6.0)
    levels = [rms_db(tail[i:i + 22050]) for i in range(0, 5 * 44100, 22050)]
    assert all(b <= a + 1.0 for a, b in zip(levels, levels[1:])), f"falls steadily: {levels}"
    assert float(np.max(np.abs(tail[-4410:]))) < 1e-4, "and ends in true silence"
    qtbot.waitUntil(lambda: bool(asleep), timeout=2000)


def test_stop_fades_over_two_seconds_and_a_new_story_brings_the_sound_back(qtbot, sound, parse):
    story = parse(TWO_PAGES).story
    sound.story_started(story)
    wait_for_bed(qtbot, sound, "rain")
    sound.output.pump(4.0)
    sound.stop_gently()
    fade = sound.output.pump(2.5)
    assert rms_db(fade[:4410]) > -55 and float(np.max(np.abs(fade[-4410:]))) < 1e-4
    sound.story_started(story)
    wait_for_bed(qtbot, sound, "rain")
    assert rms_db(sound.output.pump(4.0)[-44100:]) > -55, "the bed is back"


def test_levels_and_mutes_from_the_settings(qtbot, sound, parse):
    story = parse(TWO_PAGES).story
    sound.story_started(story)
    wait_for_bed(qtbot, sound, "rain")
    loud = rms_db(sound.output.pump(4.0)[-44100:])
    sound.apply_settings(Settings(volumes=Volumes(soundscape=0.25)))
    quieter = rms_db(sound.output.pump(1.0)[-22050:])
    assert loud - quieter > 6
    sound.apply_settings(Settings(volumes=Volumes(soundscape_muted=True)))
    assert float(np.max(np.abs(sound.output.pump(1.0)[-22050:]))) < 1e-4, "muted is silent (after a soft fade)"


def test_an_own_sound_file_that_cannot_be_read_is_told_once_and_play_goes_on(qtbot, sound, parse, tmp_path):
    bad = tmp_path / "broken.mp3"
    bad.write_bytes(b"not really an mp3" * 100)
    told: list[str] = []
    sound.problem_changed.connect(told.append)
    sound.apply_settings(Settings(soundscape_override=str(bad)))
    sound.story_started(parse(TWO_PAGES).story)
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "broken.mp3" in told[0] and "plays on" in told[0]
    assert sound.output.pump(0.5).shape == (22050, 2)


def test_soundscape_labels():
    assert soundscape_label("soft-rain") == "Soft rain"
    assert soundscape_label("none") == "no background sound"
    assert soundscape_label("/home/me/waves.ogg") == "waves.ogg"


# -- narration -------------------------------------------------------------------------------

@pytest.fixture
def voice(qtbot, tmp_path: Path):
    output = NullOutput()
    sound = LiveSound(output, Settings(), cache_dir=tmp_path / "soundscapes")
    sound.ensure_started()
    engine = FakeSpeechEngine(tmp_path / "speech")
    narration = Narration(engine, sound.mixer, start_output=sound.ensure_started)
    yield narration, output, engine
    narration.close()
    sound.shutdown()


LINES = ["Would you like a story massage?", "The moon goes round and round.", "Goodnight, moon."]


def test_lines_render_ahead_and_each_is_heard_to_its_end(qtbot, voice):
    narration, output, engine = voice
    narration.prepare(LINES, "en-GB")
    qtbot.waitUntil(lambda: len(engine.rendered) >= 3, timeout=10_000)
    finished: list[int] = []
    words: list[object] = []
    narration.speech_finished.connect(finished.append)
    narration.word_changed.connect(words.append)
    narration.speak(1, LINES[1])
    assert narration.mixer.voice_playing(), "rendered ahead: the voice starts at the tap"
    for _ in range(200):  # audio in real time, so the 40 ms word timer sees every word
        output.pump(0.03)
        qtbot.wait(45)
        if finished:
            break
    qtbot.waitUntil(lambda: finished == [1], timeout=2000)
    lit = [w for w in words if w is not None]
    assert lit == list(range(len(lit))) and len(lit) >= 5, f"words lit one after another: {lit}"
    assert words[-1] is None, "the highlight goes when the line is done"


def test_a_line_not_ready_plays_when_it_is_and_stop_means_silence(qtbot, tmp_path, voice):
    narration, output, engine = voice
    engine.delay = 0.3
    narration.prepare(LINES, "en-GB")
    narration.speak(2, LINES[2])
    assert not narration.mixer.voice_playing()
    qtbot.waitUntil(narration.mixer.voice_playing, timeout=10_000)
    finished: list[int] = []
    narration.speech_finished.connect(finished.append)
    narration.stop()
    output.pump(3.0)
    qtbot.wait(50)
    assert finished == [], "a hushed line does not move the story"
    assert not narration.mixer.voice_playing()


def test_a_line_that_cannot_be_rendered_is_skipped_not_stuck(qtbot, voice):
    narration, output, engine = voice
    engine.fail_texts = {LINES[1]}
    narration.prepare(LINES, "en-GB")
    finished: list[int] = []
    narration.speech_finished.connect(finished.append)
    narration.speak(1, LINES[1])
    qtbot.waitUntil(lambda: finished == [1], timeout=10_000)


def test_a_line_that_failed_before_it_was_asked_for_is_skipped_too(qtbot, voice):
    narration, output, engine = voice
    engine.fail_texts = {LINES[1]}
    narration.prepare(LINES, "en-GB")
    qtbot.waitUntil(lambda: narration._prefetcher.error(1) is not None, timeout=10_000)
    finished: list[int] = []
    narration.speech_finished.connect(finished.append)
    narration.speak(1, LINES[1])
    qtbot.waitUntil(lambda: finished == [1], timeout=2_000)  # was stuck for good: hands-free play stopped
    qtbot.wait(100)
    assert finished == [1]  # and only once


def test_a_new_voice_renders_again(qtbot, voice):
    narration, output, engine = voice
    narration.prepare(LINES, "en-GB")
    qtbot.waitUntil(lambda: len(engine.rendered) >= 3, timeout=10_000)
    before = len(engine.rendered)
    narration.set_voice("fake/fr", 120)
    narration.speak(0, LINES[0])
    qtbot.waitUntil(lambda: len(engine.rendered) > before, timeout=10_000)
    assert narration.voice_settings().rate_wpm == 120 and narration.voice_settings().voice_id == "fake/fr"


def test_lines_spoken_by_the_callers_own_tokens_are_reported_back_by_them(qtbot, voice):
    """The classroom speaks by its own tokens, without preparing a story first."""
    narration, output, engine = voice
    finished: list[int] = []
    narration.speech_finished.connect(finished.append)
    narration.speak(41, "Watch me: circle, circle.")
    qtbot.waitUntil(narration.mixer.voice_playing, timeout=10_000)
    narration.speak(42, "Ask your partner.")  # the next slide cuts the first one off
    qtbot.waitUntil(narration.mixer.voice_playing, timeout=10_000)
    for _ in range(100):
        output.pump(0.05)
        qtbot.wait(5)
        if finished:
            break
    qtbot.waitUntil(lambda: finished == [42], timeout=2000)


def test_an_engine_that_gives_up_turns_narration_off_with_its_message(qtbot, tmp_path):
    from touchstory.errors import SpeechError

    class GivingUp(FakeSpeechEngine):
        problem_text = None

        @property
        def available(self) -> bool:
            return self.problem_text is None

        @property
        def problem(self):
            return self.problem_text

        def render(self, text, voice):
            self.problem_text = "Narration has been turned off: the voice engine stopped working 3 times in a row."
            raise SpeechError("the worker died")

    output = NullOutput()
    sound = LiveSound(output, Settings(), cache_dir=tmp_path / "s")
    narration = Narration(GivingUp(tmp_path / "v"), sound.mixer)
    told: list[str] = []
    finished: list[int] = []
    narration.unavailable.connect(told.append)
    narration.speech_finished.connect(finished.append)
    try:
        narration.prepare(LINES, "en-GB")
        narration.speak(1, LINES[1])
        qtbot.waitUntil(lambda: bool(told), timeout=10_000)
        assert "turned off" in told[0]
        qtbot.waitUntil(lambda: finished == [1], timeout=5000)  # and the story is not left waiting
        narration.speak(2, LINES[2])
        assert len(told) == 1, "said once"
    finally:
        narration.close()
        sound.shutdown()


def test_after_a_sleep_fade_going_on_brings_the_sound_back(qtbot, sound, parse):
    story = parse(TWO_PAGES).story
    sound.story_started(story)
    wait_for_bed(qtbot, sound, "rain")
    sound.output.pump(4.0)
    sound.set_sleep("after_minutes", 1.0)
    sound.clock.advance(61)
    sound._on_tick_timeout()
    sound.output.pump(6.0)  # the 5 s fade
    qtbot.waitUntil(lambda: sound._wanted is None, timeout=2000)
    assert float(sound.output.pump(0.5).std()) < 1e-6, "asleep: silence"
    sound.wake()
    wait_for_bed(qtbot, sound, "rain")
    again = sound.output.pump(4.0)
    assert rms_db(again[:4410]) < rms_db(again[-44100:]) - 15, "and it fades in, never jumps in"
