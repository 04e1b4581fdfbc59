"""Narration at one bedtime level: every spoken line is brought to about -23 LUFS
with its true peak at most -3 dBTP (EBU R128's broadcast level, a calm speaking
voice), before it reaches the mixer, live and in files alike.

espeak renders near -15 LUFS with peaks close to 0 dBFS, which put the voice
21-22 LU over the soundscape and the file's loudness range past 20 LU (measured
on three bundled stories). At -23 LUFS the voice sits 10-14 LU over the ducked
bed and no line comes near the mixer's soft limiter.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from touchstory.audio.measure import integrated_loudness
from touchstory.audio.r128 import true_peak_db
from touchstory.audio.sound import Sound, read_wav

VOICE_LUFS = -23.0
VOICE_TRUE_PEAK = -3.0  # dBTP
_QUIET = -70.0  # a silent or nearly silent clip is left alone


def voice_gain_db(samples: np.ndarray) -> float:
    """The gain that brings a clip to VOICE_LUFS, less if that would push its
    true peak past VOICE_TRUE_PEAK."""
    loudness = integrated_loudness(samples)
    if loudness <= _QUIET:
        return 0.0
    gain = VOICE_LUFS - loudness
    return min(gain, VOICE_TRUE_PEAK - true_peak_db(samples))


def level_voice(sound: Sound) -> Sound:
    gain = voice_gain_db(sound.samples)
    if gain == 0.0:
        return sound
    return Sound((sound.samples * np.float32(10 ** (gain / 20))).astype(np.float32), sound.rate)


def read_voice(path: Path) -> Sound:
    """A rendered narration line, read and levelled (raises AudioError as read_wav)."""
    return level_voice(read_wav(path))
