"""The live mixer measured on real soundscapes: fade-in, ducking depth and
timing, crossfades, fades to silence, volumes, narration callbacks, gapless
loops and thread safety. Gains are measured against a reference mixer playing
the same bed untouched, so the bed's own movement cancels out."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from audio_helpers import level_db, tone, voice_sound

from touchstory.audio import measure, soundscapes
from touchstory.audio.mixer import Layer, Mixer
from touchstory.audio.sound import RATE, Sound

S1, S2 = Layer.SOUNDSCAPE_1, Layer.SOUNDSCAPE_2
BLOCK = 1024


def pull(mixer: Mixer, seconds: float, block: int = BLOCK) -> np.ndarray:
    total = int(round(seconds * RATE))
    parts = []
    while total > 0:
        parts.append(mixer.pull(min(block, total)))
        total -= min(block, total)
    return np.concatenate(parts)


def window_db(x: np.ndarray, seconds: float = 0.1) -> np.ndarray:
    win = int(seconds * RATE)
    n = len(x) // win
    return np.array([level_db(x[i * win:(i + 1) * win]) for i in range(n)])


def gain_db(x: np.ndarray, ref: np.ndarray, seconds: float = 0.1) -> np.ndarray:
    return window_db(x, seconds) - window_db(ref, seconds)


def bed_mixer(sound: Sound) -> Mixer:
    mixer = Mixer()
    mixer.set_soundscape(S1, sound)
    return mixer


def test_soundscape_fades_in_over_three_seconds(rain: Sound) -> None:
    out = pull(bed_mixer(rain), 4.0)
    ref = rain.samples[: len(out)]
    assert level_db(out[: int(0.05 * RATE)]) < -70.0, "starts from silence"
    rel = gain_db(out, ref)
    assert np.all(np.diff(rel[:30]) > 0), "rises steadily"
    assert rel[29] > -0.5 and abs(rel[35]) < 0.01, "fully in at 3 s"
    assert rel[10] < -6.0, "still soft after one second"


def test_narration_ducks_the_soundscape_by_8_db(rain: Sound) -> None:
    live, ref = bed_mixer(rain), bed_mixer(rain)
    pull(live, 4.0), pull(ref, 4.0)
    silent_voice = Sound(np.zeros((4 * RATE, 2), np.float32))  # the bed alone is measured
    finished: list[float] = []
    live.play_voice(silent_voice, on_finished=lambda: finished.append(live.time()))
    out, base = pull(live, 6.0), pull(ref, 6.0)
    rel = gain_db(out, base, 0.05)
    assert np.median(rel[12:78]) == pytest.approx(-8.0, abs=0.1), "depth while narration plays"
    assert np.argmax(rel < -7.9) * 0.05 == pytest.approx(0.5, abs=0.06), "down over half a second"
    assert rel[4] < -2.0 and rel[4] > -6.0, "gradually, not a step"
    back = rel[80:]
    assert np.argmax(back > -0.05) * 0.05 == pytest.approx(1.0, abs=0.1), "back over about a second"
    assert finished and finished[0] == pytest.approx(8.0, abs=BLOCK / RATE)


def test_muted_narration_does_not_duck(rain: Sound) -> None:
    live, ref = bed_mixer(rain), bed_mixer(rain)
    live.set_muted(Layer.NARRATION, True)
    pull(live, 4.0), pull(ref, 4.0)
    live.play_voice(voice_sound(2.0))
    assert np.all(np.abs(gain_db(pull(live, 2.0), pull(ref, 2.0))) < 0.01)


def test_switching_soundscape_crossfades_without_a_dip(all_soundscapes: dict[str, Sound]) -> None:
    mixer = bed_mixer(all_soundscapes["rain"])
    pull(mixer, 5.0)
    mixer.set_soundscape(S1, all_soundscapes["noise"])
    during = measure.block_loudness(pull(mixer, 3.5), 0.4, 0.1)
    # both sit at -30 LUFS: the switch neither dips nor bulges
    assert np.all(np.abs(during - soundscapes.TARGET_LUFS) < 1.5), during
    assert mixer.soundscape(S1) is all_soundscapes["noise"]


def test_setting_the_same_soundscape_again_does_not_restart(rain: Sound) -> None:
    mixer = bed_mixer(rain)
    pull(mixer, 4.0)
    mixer.set_soundscape(S1, rain)
    out = pull(mixer, 1.0)
    assert np.allclose(out, rain.samples[4 * RATE:5 * RATE], atol=1e-6)


def test_fade_out_falls_steadily_to_silence_then_stops_everything(rain: Sound) -> None:
    live, ref = bed_mixer(rain), bed_mixer(rain)
    live.set_soundscape(S2, tone(2.0, level=0.05))
    ref.set_soundscape(S2, tone(2.0, level=0.05))
    pull(live, 4.0), pull(ref, 4.0)
    done: list[float] = []
    live.fade_out(5.0, on_done=lambda: done.append(live.time()))
    out, base = pull(live, 6.0), pull(ref, 6.0)
    rel = gain_db(out, base)[:50]
    assert np.all(np.diff(rel) < 0), "falls every 0.1 s, never rises or stalls"
    assert np.max(-np.diff(rel[:40])) < 6.0, "no sudden drop before the last second"
    assert np.all(out[5 * RATE + BLOCK:] == 0.0), "true silence after the fade"
    assert done == [pytest.approx(9.0, abs=BLOCK / RATE)]
    assert live.idle() and live.soundscape(S1) is None


def test_stop_gently_takes_about_two_seconds(rain: Sound) -> None:
    mixer = bed_mixer(rain)
    mixer.play_voice(voice_sound(10.0))
    pull(mixer, 4.0)
    done: list[bool] = []
    mixer.stop_gently(lambda: done.append(True))
    out = pull(mixer, 2.5)
    levels = window_db(out)
    assert levels[0] > -40.0, "not cut off"
    assert np.all(out[int(2.05 * RATE):] == 0.0) and done == [True]
    assert not mixer.voice_playing()


def test_cancelled_fade_comes_back_and_drops_its_callback(rain: Sound) -> None:
    mixer = bed_mixer(rain)
    pull(mixer, 4.0)
    done: list[bool] = []
    mixer.fade_out(4.0, lambda: done.append(True))
    pull(mixer, 1.0)
    mixer.cancel_fade(1.0)
    out = pull(mixer, 6.0)
    assert not done and mixer.soundscape(S1) is rain
    assert level_db(out[-RATE:]) == pytest.approx(level_db(rain.samples[9 * RATE:10 * RATE]), abs=0.5)


def test_layer_volume_and_master_volume_in_db(rain: Sound) -> None:
    live, ref = bed_mixer(rain), bed_mixer(rain)
    pull(live, 4.0), pull(ref, 4.0)
    live.set_volume(S1, 0.5)
    rel = gain_db(pull(live, 1.0), pull(ref, 1.0))
    assert rel[-1] == pytest.approx(-22.5, abs=0.05)
    live.set_volume(S1, 1.0)
    live.set_master_volume(0.8)
    rel = gain_db(pull(live, 1.0), pull(ref, 1.0))
    assert rel[-1] == pytest.approx(-9.0, abs=0.05)


def test_mute_fades_rather_than_cuts(rain: Sound) -> None:
    mixer = bed_mixer(rain)
    pull(mixer, 4.0)
    mixer.set_muted(S1, True)
    out = pull(mixer, 1.0)
    levels = window_db(out, 0.02)
    assert levels[0] > -40.0 and np.all(out[int(0.45 * RATE):] == 0.0)
    assert mixer.is_muted(S1)
    mixer.set_muted(S1, False)
    assert level_db(pull(mixer, 1.0)[-RATE // 4:]) > -40.0


def test_voice_position_and_finish_callback() -> None:
    mixer = Mixer()
    calls: list[float] = []
    mixer.play_voice(voice_sound(1.5), on_finished=lambda: calls.append(mixer.time()))
    assert mixer.voice_position() == 0.0
    pull(mixer, 1.0)
    assert mixer.voice_position() == pytest.approx(1.0, abs=BLOCK / RATE)
    mixer.set_output_latency(0.2)
    assert mixer.voice_position() == pytest.approx(0.8, abs=BLOCK / RATE)
    pull(mixer, 1.0)
    assert calls == [pytest.approx(1.5, abs=BLOCK / RATE)]
    assert mixer.voice_position() is None and not mixer.voice_playing()


def test_stop_voice_closes_without_a_click_or_callback() -> None:
    mixer = Mixer()
    calls: list[bool] = []
    mixer.play_voice(tone(3.0, level=0.5), on_finished=lambda: calls.append(True))
    pull(mixer, 0.5)
    mixer.stop_voice()
    out = pull(mixer, 0.5)
    steps = np.abs(np.diff(out[:, 0]))
    assert steps.max() < 0.05, "a sine at 441 Hz steps at most 0.031; anything more is a click"
    assert np.all(out[int(0.03 * RATE) + 1:] == 0.0) and not calls


def test_new_voice_replaces_old_one_and_only_new_callback_fires() -> None:
    mixer = Mixer()
    calls: list[str] = []
    mixer.play_voice(voice_sound(2.0), on_finished=lambda: calls.append("old"))
    pull(mixer, 0.5)
    mixer.play_voice(voice_sound(0.5), on_finished=lambda: calls.append("new"))
    pull(mixer, 3.0)
    assert calls == ["new"]


@pytest.mark.parametrize("blocks", [(1024,), (1, 7, 333, 4096, 65), (44100, 3)])
def test_loops_are_gapless_whatever_the_block_sizes(blocks: tuple[int, ...]) -> None:
    rng = np.random.default_rng(3)
    loop = Sound((rng.standard_normal((5003, 2)) * 0.1).astype(np.float32))
    mixer = Mixer()
    mixer.set_soundscape(S1, loop, fade=0.0)
    parts, total, i = [], 0, 0
    while total < 30000:
        take = blocks[i % len(blocks)]
        parts.append(mixer.pull(take))
        total += take
        i += 1
    out = np.concatenate(parts)
    expected = np.tile(loop.samples, (total // loop.frames + 1, 1))[:total]
    assert np.array_equal(out, expected)


def test_cues_play_over_the_bed_and_are_not_ducked() -> None:
    mixer = Mixer()
    mixer.play_voice(Sound(np.zeros((3 * RATE, 2), np.float32)))
    pull(mixer, 1.0)
    mixer.play_cue()
    out = pull(mixer, 3.0)
    assert -40.0 < level_db(out[: RATE // 2]) < -15.0
    assert mixer.idle()


def test_many_loud_layers_bend_instead_of_clipping() -> None:
    mixer = Mixer()
    mixer.set_soundscape(S1, tone(1.0, 441.0, 0.9), fade=0.0)
    mixer.set_soundscape(S2, tone(1.0, 882.0, 0.9), fade=0.0)
    mixer.play_voice(tone(1.0, 220.5, 0.9))
    out = pull(mixer, 1.0)
    assert np.max(np.abs(out)) <= 1.0
    assert np.max(np.abs(out)) > 0.9


def test_callbacks_may_call_the_mixer_back() -> None:
    mixer = Mixer()
    played: list[int] = []

    def chain() -> None:
        played.append(1)
        if len(played) < 3:
            mixer.play_voice(voice_sound(0.1), on_finished=chain)

    mixer.play_voice(voice_sound(0.1), on_finished=chain)
    pull(mixer, 1.0)
    assert played == [1, 1, 1]


def test_thread_safe_under_concurrent_control(rain: Sound) -> None:
    mixer = Mixer()
    errors: list[BaseException] = []
    stop = threading.Event()

    def puller() -> None:
        try:
            while not stop.is_set():
                block = mixer.pull(256)
                assert block.shape == (256, 2) and np.all(np.isfinite(block))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=puller)
    thread.start()
    rng = np.random.default_rng(0)
    short = voice_sound(0.05)
    try:
        for i in range(400):
            match i % 6:
                case 0: mixer.set_soundscape(S1, rain if rng.random() < 0.5 else None, fade=0.01)
                case 1: mixer.play_voice(short, on_finished=lambda: None)
                case 2: mixer.set_volume(S1, float(rng.random()))
                case 3: mixer.set_muted(S2, bool(rng.random() < 0.5))
                case 4: mixer.voice_position()
                case 5: mixer.play_cue(short) if rng.random() < 0.3 else mixer.stop_voice()
    finally:
        stop.set()
        thread.join(5)
    assert not errors and not thread.is_alive()


@pytest.mark.parametrize("seconds", [5.0, 20.0])
def test_sleep_fade_moves_evenly_in_loudness_and_never_cuts(rain: Sound, seconds: float) -> None:
    """Issue 19 item 5: no 100 ms step over 1.5 dB while the bed is above -40 dB,
    even for the shortest (5 s) fade; a soft last stretch, no cut to silence."""
    live, ref = bed_mixer(rain), bed_mixer(rain)
    pull(live, 4.0), pull(ref, 4.0)
    live.fade_out(seconds)
    out, base = pull(live, seconds + 0.5), pull(ref, seconds + 0.5)
    rel = gain_db(out, base)
    n = int(seconds * 10)
    audible = rel[:n] > -40.0
    steps = -np.diff(rel[:n])
    assert np.max(steps[audible[1:]]) <= 1.5, f"largest step {np.max(steps[audible[1:]]):.2f} dB"
    assert np.all(steps > 0), "falls every 0.1 s"
    # the last stretch: already quiet, and still fading rather than stopping
    assert rel[n - 2] < -40.0 and rel[n - 2] > -90.0
    assert np.all(out[int((seconds + 0.1) * RATE):] == 0.0)


def test_the_lullabys_first_notes_are_heard_after_the_fade_in(all_soundscapes: dict[str, Sound]) -> None:
    """Issue 19 item 6: the tune used to begin under the 3 s fade-in (its first
    note about 30 dB down). Every window of the first phrase that carries a note
    (within 10 dB of the loop's loudest) now plays at full level."""
    lullaby = all_soundscapes["lullaby"]
    out = pull(bed_mixer(lullaby), 8.0)
    raw = window_db(lullaby.samples[: len(out)])
    loudest = np.max(window_db(lullaby.samples))
    rel = window_db(out) - raw
    notes = np.flatnonzero(raw > loudest - 10.0)  # the notes, not the last note ringing on
    assert notes.size > 10, "the first phrase is in these 8 s"
    assert np.min(rel[notes]) > -0.5, f"a note heard {np.min(rel[notes]):.1f} dB down"
