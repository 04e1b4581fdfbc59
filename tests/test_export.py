"""Screen-free export: the file holds the whole session, in order, with the
session's timing, over the soundscape, ending in a fade."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from touchstory.audio.sleep import WIND_DOWN_DEFAULT
from touchstory.export.session import ANSWER_TIME, LEAD_IN, export_story, session_pieces
from touchstory.speech.engine import VoiceSettings
from touchstory.speech.fake import FakeSpeechEngine
from touchstory.story.duration import DEFAULT_ASK, DEFAULT_THANKS

STORY = """title: Export
soundscape: none
[circle x2] The sun went round. {pause 2s} And round.
[drum] Knock knock. {tap}
[calm] The end.
"""


def _read(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).reshape(-1, w.getnchannels())
        return data.astype(np.float32) / 32768.0, w.getframerate()


def test_pieces_follow_the_session(parse, packs):
    story = parse(STORY).story
    pieces = session_pieces(story, packs["story"])
    circle, drum, calm = (packs["story"][s].tempo for s in ("circle", "drum", "calm"))
    assert [(p.text, round(p.hold, 2)) for p in pieces] == [
        (DEFAULT_ASK, ANSWER_TIME),
        ("The sun went round.", 2.0),
        ("And round.", round(2 * circle, 2)),
        ("Knock knock.", round(4.0 + drum, 2)),  # a {tap} waits 4 s in a file
        ("The end.", calm),
        (DEFAULT_THANKS, 2.0),
    ]


def test_pace_scales_only_stroke_time(parse, packs):
    story = parse(STORY).story
    slow = session_pieces(story, packs["story"], pace=2.0)
    assert slow[1].hold == 2.0 and slow[2].hold == pytest.approx(4 * packs["story"]["circle"].tempo)


def test_export_duration_and_order(parse, packs, tmp_path: Path):
    story = parse(STORY).story
    engine = FakeSpeechEngine(tmp_path / "speech")
    out = tmp_path / "session.wav"
    result = export_story(story, packs["story"], out, engine=engine,
                          voice=VoiceSettings(), soundscape=None)
    pieces = session_pieces(story, packs["story"])
    assert engine.rendered == [p.text for p in pieces]
    voices = sum(engine.render(p.text, VoiceSettings()).duration for p in pieces)
    expected = LEAD_IN + voices + sum(p.hold for p in pieces)
    data, rate = _read(out)
    assert result.duration == pytest.approx(expected, abs=0.05)
    assert len(data) / rate == pytest.approx(expected, abs=0.05)
    assert np.abs(data[: int(rate * LEAD_IN * 0.9)]).max() < 1e-3, "nothing is said before the lead-in ends"


def test_export_over_a_soundscape_winds_down_and_fades(parse, packs, tmp_path: Path):
    from touchstory.audio.soundscapes import get_soundscape

    story = parse(STORY).story
    bed = get_soundscape("rain", cache_dir=tmp_path / "bed")
    out = tmp_path / "session.wav"
    result = export_story(story, packs["story"], out, engine=None,
                          voice=VoiceSettings(), soundscape=bed, fade=10.0)
    data, rate = _read(out)
    assert result.duration == pytest.approx(len(data) / rate, abs=0.01)
    spoken = LEAD_IN + sum(p.hold for p in session_pieces(story, packs["story"]))
    assert len(data) / rate > spoken + WIND_DOWN_DEFAULT + 9.9
    second = rate
    rms = [float(np.sqrt(np.mean(data[i * second:(i + 1) * second] ** 2))) for i in range(len(data) // second)]
    db = 20 * np.log10(np.maximum(rms, 1e-9))
    assert db[0] < db[5] - 6, "the soundscape fades in"
    tail = db[-10:]
    assert all(b <= a + 0.5 for a, b in zip(tail, tail[1:])), f"the fade falls steadily: {tail}"
    assert tail[-1] < -60, "and ends in silence"


def test_estimated_length_is_close_to_the_made_file(tmp_path, packs):
    """The export dialog's "About 3 min long" comes from estimate_seconds: with no
    voice the file is exactly the session's timeline plus wind-down and fade."""
    from touchstory.export.files import length_text
    from touchstory.export.session import estimate_seconds, export_story
    from touchstory.speech.engine import VoiceSettings
    from touchstory.story.parser import parse_story

    story = parse_story("title: T\n[circle x2] Round and round.\n[calm] Still.\n", tmp_path / "t.story", packs).story
    pack = packs["story"]
    out = tmp_path / "t.wav"
    done = export_story(story, pack, out, engine=None, voice=VoiceSettings(), soundscape=None)
    guess = estimate_seconds(story, pack, rate_wpm=None, soundscape=False, fade=20.0)
    assert abs(guess - done.duration) < 0.5, (guess, done.duration)
    assert length_text(192.4) == "3 min 12 s" and length_text(45) == "45 s"


PAGES = """title: Pages
soundscape: rain

# Rain
[calm] The rain falls. {pause 6s}
[circle] Round it goes. {pause 6s}

# Quiet
soundscape: none
[calm] Now all is still. {pause 8s}

# Still quiet
[calm] Still and quiet. {pause 6s}
"""


def _seconds_db(data: np.ndarray, rate: int) -> np.ndarray:
    rms = [float(np.sqrt(np.mean(data[i * rate:(i + 1) * rate] ** 2))) for i in range(len(data) // rate)]
    return 20 * np.log10(np.maximum(rms, 1e-9))


def test_pieces_mark_where_a_page_changes_the_soundscape(parse, packs):
    story = parse(PAGES).story
    changes = [(p.text, p.soundscape) for p in session_pieces(story, packs["story"]) if p.soundscape]
    assert changes == [("Now all is still.", "none")]  # page 3 keeps page 2's: no change there


def test_a_page_soundscape_takes_over_in_the_file(parse, packs, tmp_path: Path):
    from touchstory.audio.soundscapes import get_soundscape
    from touchstory.export.session import load_page_soundscapes

    story = parse(PAGES).story
    bed = get_soundscape("rain", cache_dir=tmp_path / "bed")
    beds = load_page_soundscapes(story, tmp_path, bed)
    out = tmp_path / "pages.wav"
    export_story(story, packs["story"], out, engine=None, voice=VoiceSettings(), soundscape=bed, page_beds=beds)
    data, rate = _read(out)
    db = _seconds_db(data, rate)
    pieces = session_pieces(story, packs["story"])
    from touchstory.story.duration import reading_seconds

    starts = np.cumsum([LEAD_IN] + [reading_seconds(p.text) + p.hold for p in pieces])
    quiet = int(starts[3])  # "Now all is still." begins the quiet page
    assert db[quiet - 2] > -50, f"rain under the first page: {db[quiet - 2]:.1f} dB"
    assert db[quiet + 6] < -80, f"the page's 'soundscape: none' fades the rain away: {db[quiet + 6]:.1f} dB"
    falling = db[quiet:quiet + 5]
    assert all(b <= a + 0.5 for a, b in zip(falling, falling[1:])), f"it fades, never cuts: {falling}"

    one = tmp_path / "one.wav"  # a soundscape the user chose plays throughout
    export_story(story, packs["story"], one, engine=None, voice=VoiceSettings(), soundscape=bed)
    assert _seconds_db(*_read(one))[quiet + 6] > -50


def test_the_files_levels_follow_settings(parse, packs, tmp_path: Path):
    from touchstory.audio.soundscapes import get_soundscape
    from touchstory.journal.settings import Volumes

    story = parse(STORY).story
    bed = get_soundscape("rain", cache_dir=tmp_path / "bed")
    levels = {}
    for name, volumes in (("usual", Volumes()), ("softer", Volumes(soundscape=0.5)),
                          ("muted", Volumes(soundscape_muted=True))):
        out = tmp_path / f"{name}.wav"
        export_story(story, packs["story"], out, engine=None, voice=VoiceSettings(), soundscape=bed,
                     volumes=volumes)
        data, rate = _read(out)
        levels[name] = float(np.median(_seconds_db(data, rate)[5:15]))
    # slider steps are even in dB: 0.85 -> -6.8 dB, 0.5 -> -22.5 dB
    assert levels["usual"] - levels["softer"] == pytest.approx(15.7, abs=1.5), levels
    assert levels["muted"] < -90, levels
