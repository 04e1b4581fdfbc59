"""Each built-in soundscape measured as a listener would judge it: loud enough
but no louder than the others, never clipping, dark rather than hissy, no
sudden events, and a loop point nobody can hear."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from touchstory.audio import measure, soundscapes
from touchstory.audio.sound import RATE, Sound
from touchstory.errors import AudioError

NAMES = list(soundscapes.SOUNDSCAPES)
pytestmark = pytest.mark.slow  # the first run synthesises all seven (~15 s), later runs reuse them


@pytest.fixture(scope="module")
def loudness(all_soundscapes: dict[str, Sound]) -> dict[str, tuple[float, np.ndarray]]:
    """(integrated LUFS, momentary 400 ms loudness every 100 ms) per soundscape."""
    return {name: (measure.integrated_loudness(s.samples), measure.block_loudness(s.samples))
            for name, s in all_soundscapes.items()}


def test_seven_soundscapes_with_names_and_descriptions() -> None:
    assert {"rain", "sea", "wind", "heartbeat", "noise", "lullaby", "drone"} <= set(NAMES)
    for key, info in soundscapes.SOUNDSCAPES.items():
        assert info.id == key and info.name and info.description


@pytest.mark.parametrize("name", NAMES)
def test_format_and_length(all_soundscapes: dict[str, Sound], name: str) -> None:
    sound = all_soundscapes[name]
    assert sound.rate == 44100
    assert sound.samples.shape[1] == 2 and sound.samples.dtype == np.float32
    assert sound.duration >= 60.0


@pytest.mark.parametrize("name", NAMES)
def test_loudness_on_the_one_target(loudness: dict[str, tuple[float, np.ndarray]], name: str) -> None:
    # Measured on the 16-bit cache file, so this is what the user will hear.
    assert loudness[name][0] == pytest.approx(soundscapes.TARGET_LUFS, abs=0.5)


@pytest.mark.parametrize("name", NAMES)
def test_peak_well_below_full_scale(all_soundscapes: dict[str, Sound], name: str) -> None:
    assert measure.peak_db(all_soundscapes[name].samples) <= soundscapes.PEAK_CEILING_DB + 0.1


@pytest.mark.parametrize("name", NAMES)
def test_no_harsh_top_end(all_soundscapes: dict[str, Sound], name: str) -> None:
    spectrum = measure.Spectrum(all_soundscapes[name].samples)
    assert spectrum.share_above_db(8000.0) < -24.0, "too much energy above 8 kHz"
    assert spectrum.share_above_db(5000.0) < -12.0, "too much energy above 5 kHz"
    assert spectrum.centroid < 1500.0


@pytest.mark.parametrize("name", NAMES)
def test_no_sudden_loud_moment(all_soundscapes: dict[str, Sound],
                               loudness: dict[str, tuple[float, np.ndarray]], name: str) -> None:
    samples = all_soundscapes[name].samples
    integrated, momentary = loudness[name]
    assert momentary.max() <= integrated + 6.0
    crest = measure.peak_db(samples) - measure.rms_db(samples)
    assert crest < 20.0, "a sharp peak stands out of the bed"


@pytest.mark.parametrize("name", NAMES)
def test_loop_seam_is_no_bigger_than_steps_inside(all_soundscapes: dict[str, Sound], name: str) -> None:
    seam, inside = measure.seam_step(all_soundscapes[name].samples)
    assert seam <= inside


@pytest.mark.parametrize("name", NAMES)
def test_loop_seam_has_no_level_jump(all_soundscapes: dict[str, Sound], name: str) -> None:
    samples = all_soundscapes[name].samples
    across = np.concatenate([samples[-RATE:], samples[:RATE]])  # 1 s either side of the seam
    levels = measure.window_rms_db(across, 0.1)
    inside = measure.window_rms_db(samples, 0.1)
    assert np.max(np.abs(np.diff(levels))) <= np.max(np.abs(np.diff(inside))) + 0.5


def test_heartbeat_beats_about_sixty_a_minute(all_soundscapes: dict[str, Sound]) -> None:
    env = np.sqrt(np.mean(all_soundscapes["heartbeat"].samples ** 2, axis=1))
    env = env[: len(env) // 441 * 441].reshape(-1, 441).mean(axis=1)  # 100 Hz envelope
    env = env - env.mean()
    ac = np.correlate(env[:3000], env[:3000], mode="full")[2999:]
    lag = 50 + int(np.argmax(ac[50:200]))  # between 0.5 s and 2 s
    assert lag / 100 == pytest.approx(1.0, abs=0.03)


def test_lullaby_plays_in_c_major(all_soundscapes: dict[str, Sound]) -> None:
    mid = all_soundscapes["lullaby"].samples.mean(axis=1)
    power = np.abs(np.fft.rfft(mid)) ** 2
    f = np.fft.rfftfreq(mid.size, 1 / RATE)
    band = (f > 500) & (f < 1100)
    peaks = f[band][np.argsort(power[band])[-200:]]
    scale = 523.2511 * 2 ** (np.array([0, 2, 4, 5, 7, 9, 11, 12]) / 12)
    nearest = np.min(np.abs(peaks[:, None] / scale[None, :] - 1), axis=1)
    assert np.all(nearest < 0.01), "melody energy off the C major scale"


def test_cached_after_first_use_with_progress(tmp_path: Path) -> None:
    seen: list[float] = []
    first = soundscapes.get_soundscape("noise", cache_dir=tmp_path, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert soundscapes.cache_path("noise", tmp_path).is_file()
    started = time.perf_counter()
    again = soundscapes.get_soundscape("noise", cache_dir=tmp_path)
    assert time.perf_counter() - started < 1.0
    assert np.array_equal(first.samples, again.samples) or np.max(np.abs(first.samples - again.samples)) < 1 / 32767


def test_version_bump_replaces_stale_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    soundscapes.get_soundscape("noise", cache_dir=tmp_path)
    old = soundscapes.cache_path("noise", tmp_path)
    monkeypatch.setattr(soundscapes, "SYNTH_VERSION", soundscapes.SYNTH_VERSION + 1)
    soundscapes.get_soundscape("noise", cache_dir=tmp_path)
    assert soundscapes.cache_path("noise", tmp_path).is_file()
    assert not old.exists()


def test_damaged_cache_file_is_made_again(tmp_path: Path) -> None:
    path = soundscapes.cache_path("noise", tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"RIFF not really")
    sound = soundscapes.get_soundscape("noise", cache_dir=tmp_path)
    assert sound.duration >= 60.0


def test_names_aliases_and_a_helpful_error() -> None:
    assert soundscapes.resolve_id("Soft Rain") == "rain"
    assert soundscapes.resolve_id("music-box") == "lullaby"
    with pytest.raises(AudioError, match="Did you mean 'rain'"):
        soundscapes.resolve_id("rian")


def test_chime_is_soft_and_short() -> None:
    chime = soundscapes.chime_sound()
    assert chime.duration < 3.0
    assert measure.peak_db(chime.samples) <= -8.0
    start = chime.samples[: int(0.004 * RATE)]
    assert np.max(np.abs(start)) < 0.5 * np.max(np.abs(chime.samples)), "no hard attack"
