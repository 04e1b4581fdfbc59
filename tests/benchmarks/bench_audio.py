"""Audio benchmarks: bed rendering, story export, soundscape synthesis and seams.

Run:  .venv/bin/python tests/benchmarks/bench_audio.py      (prints a table)
 or:  .venv/bin/pytest tests/benchmarks/bench_audio.py -s   (same, with asserts)

Targets (issue 5): a 10-minute soundscape bed renders in <= 2 s; a 5-minute
story export (speech cached) renders in <= 5 s, in each of the three formats the
CLI and the "Make an audio file" dialog offer (OGG is the dialog's default); the
loop seam is no larger than the largest step inside the loop. "Speech cached"
here means the voices are WAV files already on disk, which is what a warm
CachedEngine hands the renderer. Each figure is printed beside a baseline
measured in the same run, done "the pydub way" (generators, overlay, gain
slices, fades, export) as PLATFORM.md describes it.
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
import wave
from pathlib import Path

import numpy as np

with warnings.catch_warnings():  # pydub warns at import that ffmpeg is not on PATH
    warnings.simplefilter("ignore")
    from pydub.generators import WhiteNoise

from touchstory.audio import measure, soundscapes
from touchstory.audio.codec import segment_class
from touchstory.audio.export import Segment, render_session
from touchstory.audio.mixer import Layer, Mixer
from touchstory.audio.sound import RATE, read_wav

BED_SECONDS = 600.0
STORY_SECONDS = 300.0


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def write_voice(path: Path, seconds: float, seed: int) -> Path:
    rng = np.random.default_rng(seed)
    n = int(seconds * 22050)
    t = np.arange(n) / 22050
    x = 0.3 * np.sin(2 * np.pi * 170 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t)) + 0.02 * rng.standard_normal(n)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(np.round(x * 32767).astype("<i2").tobytes())
    return path


def story_segments(folder: Path) -> list[Segment]:
    """About five minutes: 40 narrated lines of 3-5 s, each followed by its stroke time."""
    rng = np.random.default_rng(1)
    segs = [Segment(None, 2.0, "lead-in")]
    total = 2.0
    i = 0
    while total < STORY_SECONDS - 30.0 - 20.0:  # wind-down 30 s + fade 20 s come on top
        length, hold = float(rng.uniform(3.0, 5.0)), float(rng.uniform(2.0, 4.5))
        segs.append(Segment(write_voice(folder / f"line{i:02d}.wav", length, i), hold, f"line {i}"))
        total += length + hold
        i += 1
    return segs


# -- the pydub way (baselines) --------------------------------------------------


def pydub_bed(bed_wav: Path, out: Path) -> None:
    """Loop a cached bed to 10 minutes with pydub, fade in/out, export WAV."""
    seg_type = segment_class()
    bed = seg_type.from_wav(str(bed_wav))
    loops = int(BED_SECONDS * 1000 // len(bed)) + 1
    long_bed = (bed * loops)[: int(BED_SECONDS * 1000)]
    long_bed.fade_in(3000).fade_out(20000).export(str(out), format="wav")


def pydub_story(segments: list[Segment], bed_wav: Path, out: Path) -> None:
    """The same session with pydub: bed looped under, voices overlaid, each voice's
    span of the bed lowered 8 dB (a hard step, no ramps: pydub has no envelope)."""
    seg_type = segment_class()
    voices = [(seg_type.from_wav(str(s.voice)).set_frame_rate(RATE).set_channels(2) if s.voice else None, s.hold)
              for s in segments]
    total_ms = int(sum((len(v) if v else 0) + h * 1000 for v, h in voices)) + 50_000
    bed = seg_type.from_wav(str(bed_wav))
    bed = (bed * (total_ms // len(bed) + 1))[:total_ms]
    at, pieces = 0, []
    for voice, hold in voices:
        if voice is not None:
            pieces.append(bed[at:at + len(voice)].apply_gain(-8.0).overlay(voice))
            at += len(voice)
        pieces.append(bed[at:at + int(hold * 1000)])
        at += int(hold * 1000)
    pieces.append(bed[at:].fade_out(20000))
    mix = pieces[0]
    for piece in pieces[1:]:
        mix += piece
    mix.fade_in(3000).export(str(out), format="wav")


def pydub_noise_minute() -> None:
    """Baseline for synthesis: 60 s of filtered stereo noise from pydub's generators."""
    noise = WhiteNoise(sample_rate=RATE).to_audio_segment(duration=60_000, volume=-20.0)
    noise = noise.low_pass_filter(3000).high_pass_filter(60)
    noise.set_channels(2)


# -- benchmarks -----------------------------------------------------------------


def bench(folder: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    cache = folder / "cache"
    rows: list[tuple[str, str, str]] = []

    for name in soundscapes.SOUNDSCAPES:
        secs, sound = timed(soundscapes.synthesise, name)
        seam, inside = measure.seam_step(sound.samples)
        figures[f"synth_{name}"] = secs
        figures[f"seam_ok_{name}"] = float(seam <= inside)
        rows.append((f"synthesise {name} ({sound.duration:.0f} s loop)", f"{secs:.2f} s",
                     f"seam {seam:.4f} <= inside {inside:.4f}: {'yes' if seam <= inside else 'NO'}"))
        if name == "noise":
            base, _ = timed(pydub_noise_minute)
            rows.append(("  baseline: pydub WhiteNoise + filters, 60 s", f"{base:.2f} s", ""))
    rain = soundscapes.get_soundscape("rain", cache_dir=cache)
    bed_wav = soundscapes.cache_path("rain", cache)

    # live-mixer cost: 10 minutes pulled in real-time-sized blocks
    mixer = Mixer()
    mixer.set_soundscape(Layer.SOUNDSCAPE_1, rain)
    secs, _ = timed(lambda: [mixer.pull(1024) for _ in range(int(BED_SECONDS * RATE / 1024))])
    rows.append(("mixer: 10 min bed in 1024-frame blocks", f"{secs:.2f} s",
                 f"{secs / BED_SECONDS * 100:.2f} % of real time"))

    secs, result = timed(render_session, [Segment(None, BED_SECONDS - 50.0)], folder / "bed.wav", rain)
    figures["bed_10min"] = secs
    base, _ = timed(pydub_bed, bed_wav, folder / "bed_pydub.wav")
    figures["bed_10min_pydub"] = base
    rows.append(("bed: 10 min rain -> WAV (fade-in, loop, fade-out)", f"{secs:.2f} s",
                 f"target <= 2 s: {'ok' if secs <= 2.0 else 'OVER BUDGET'}; pydub way {base:.2f} s "
                 f"({base / secs:.1f}x slower); {result.duration:.0f} s long"))

    segments = story_segments(folder)
    for suffix in (".wav", ".ogg", ".mp3"):
        secs, result = timed(render_session, segments, folder / f"story{suffix}", rain)
        figures[f"story{suffix}"] = secs
        verdict = "ok" if secs <= 5.0 else "OVER BUDGET"
        rows.append((f"story: {result.duration / 60:.1f} min export -> {suffix[1:].upper()}", f"{secs:.2f} s",
                     f"target <= 5 s: {verdict}"))
    base, _ = timed(pydub_story, segments, bed_wav, folder / "story_pydub.wav")
    figures["story_pydub"] = base
    rows.append(("  baseline: same story the pydub way -> WAV", f"{base:.2f} s",
                 f"hard 8 dB steps, no ramps; {base / figures['story.wav']:.1f}x the WAV export"))

    # seam as played: the mixer's output across the loop point equals the loop itself
    mixer = Mixer()
    mixer.set_soundscape(Layer.SOUNDSCAPE_1, rain, fade=0.0)
    played = np.concatenate([mixer.pull(4096) for _ in range(int(rain.frames * 1.2 / 4096))])
    wrap = rain.frames
    around = played[wrap - 2: wrap + 2]
    step_at_wrap = float(np.max(np.abs(np.diff(around, axis=0))))
    inside = float(np.max(np.abs(np.diff(rain.samples, axis=0))))
    figures["played_seam_ok"] = float(step_at_wrap <= inside and np.array_equal(played[wrap:wrap + 1000],
                                                                                rain.samples[:1000]))
    exact = "yes" if figures["played_seam_ok"] else "NO"
    rows.append(("played loop point (mixer output)", f"step {step_at_wrap:.4f}",
                 f"largest step inside {inside:.4f}; sample-exact wrap: {exact}"))
    story = read_wav(folder / "story.wav")
    rows.append(("story.wav measured", f"{measure.integrated_loudness(story.samples):.1f} LUFS",
                 f"peak {measure.peak_db(story.samples):.1f} dBFS"))

    width = max(len(r[0]) for r in rows)
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>12}  {note}")
    return figures


def within_budget(figures: dict[str, float]) -> list[str]:
    """What missed its issue-5 budget (empty when all is well)."""
    missed = [k for k in ("story.wav", "story.ogg", "story.mp3") if figures[k] > 5.0]
    missed += ["bed_10min"] if figures["bed_10min"] > 2.0 else []
    missed += [k for k, v in figures.items() if k.startswith(("seam_ok", "played_seam")) and v != 1.0]
    return missed


def test_bench_audio() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        figures = bench(Path(tmp))
    assert within_budget(figures) == []


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        figs = bench(Path(tmp))
    missed = within_budget(figs)
    print("all within budget" if not missed else f"over budget: {', '.join(missed)}")
    sys.exit(1 if missed else 0)
