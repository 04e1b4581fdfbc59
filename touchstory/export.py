"""Screen-free export: a story's whole narrated session as one audio file.

This is wiring, like app.py: it builds the session's timeline from the story
(pacing's timing rule), renders each spoken piece with the speech engine, and
hands the timeline to the audio engine's offline renderer. The order is the
session's: the permission question and a moment to answer, every line (its words,
then its stroke time), the thank-you, then the soundscape winds down and fades."""

from __future__ import annotations

import argparse
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from touchstory.audio.export import ExportCancelled, ExportResult, Segment, render_session
from touchstory.audio.sleep import FADE_MAX, FADE_MIN, WIND_DOWN_DEFAULT
from touchstory.audio.sound import Sound
from touchstory.audio.soundscapes import get_soundscape
from touchstory.audio.userfile import load_user_soundscape
from touchstory.errors import AudioError, SpeechError
from touchstory.paths import UserPaths
from touchstory.speech.cache import CachedEngine
from touchstory.speech.engine import SpeechEngine, VoiceSettings
from touchstory.speech.factory import default_engine
from touchstory.speech.voices import Speed, settings_for
from touchstory.story.duration import READ_ALOUD_WPM, closing_text, opening_text, reading_seconds, stroke_seconds
from touchstory.story.model import Pause, Story, WaitForTap
from touchstory.story.packs import PackRegistry, StrokePack
from touchstory.story.parser import load_story

LEAD_IN = 2.5  # the soundscape fades in before the first word
ANSWER_TIME = 3.0  # after "Would you like a story massage?", time to answer
TAP_TIME = 4.0  # a {tap} in a recording: a generous moment, since nobody can tap
THANKS_HOLD = 2.0

Progress = Callable[[str, float], None]  # (what is happening, fraction done)


FILE_KINDS = (  # suffix, what it is for, bytes per second (for a size estimate)
    (".ogg", "OGG: small, for phones and speakers", 12_000),
    (".mp3", "MP3: plays on anything", 21_000),
    (".wav", "WAV: exact, very large", 176_400),
)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name_for(title: str, suffix: str = ".ogg") -> str:
    """A story title as a file name every system accepts ("Sun/Moon: 2" -> "Sun Moon 2.ogg")."""
    name = " ".join(_UNSAFE.sub(" ", title).split()).strip(". ") or "story"
    return name[:120] + suffix


def length_text(seconds: float) -> str:
    """"3 min 12 s" (exact, for a file that was made); "45 s" under a minute."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def estimate_seconds(story: Story, pack: StrokePack | None, *, rate_wpm: int | None, soundscape: bool,
                     fade: float, pace: float = 1.0) -> float:
    """How long the file will be before it is made: the session's timeline with the
    words at `rate_wpm` (None: no voice, a gentle reading time of silence), plus the
    wind-down and fade when a soundscape plays under it."""
    pieces = session_pieces(story, pack, pace)
    total = LEAD_IN + sum(reading_seconds(p.text, rate_wpm or READ_ALOUD_WPM) + p.hold for p in pieces)
    return total + ((WIND_DOWN_DEFAULT + fade) if soundscape else 0.0)


@dataclass(frozen=True, slots=True)
class Piece:
    """One spoken piece of the session and the silence after it."""

    text: str
    hold: float


def session_pieces(story: Story, pack: StrokePack | None, pace: float = 1.0) -> list[Piece]:
    """The timeline of a narrated session, without audio: what is said, and how long
    to wait after it. A line's `{pause}` splits its words where it is written."""
    pieces: list[Piece] = []
    ask = opening_text(story)
    if ask:
        pieces.append(Piece(ask, ANSWER_TIME))
    for _, line in story.lines():
        words: list[str] = []
        for part in line.parts:
            if isinstance(part, str):
                words.append(part)
            elif isinstance(part, Pause):
                pieces.append(Piece(" ".join(" ".join(words).split()), part.seconds))
                words = []
            elif isinstance(part, WaitForTap):
                pieces.append(Piece(" ".join(" ".join(words).split()), TAP_TIME))
                words = []
        stroke = stroke_seconds(line, pack) * pace
        pieces.append(Piece(" ".join(" ".join(words).split()), stroke))
    thanks = closing_text(story)
    if thanks:
        pieces.append(Piece(thanks, THANKS_HOLD))
    return _merge_silences(pieces)


def _merge_silences(pieces: list[Piece]) -> list[Piece]:
    """A piece with no words only adds its silence to the one before."""
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text and merged:
            merged[-1] = Piece(merged[-1].text, merged[-1].hold + piece.hold)
        else:
            merged.append(piece)
    return merged


def build_segments(pieces: list[Piece], engine: SpeechEngine | None, voice: VoiceSettings,
                   progress: Progress | None = None, cancel: threading.Event | None = None) -> list[Segment]:
    """Render every piece's words (from the cache where possible). With no engine the
    words' reading time becomes silence, so the timing stays the story's."""
    segments = [Segment(None, LEAD_IN)]
    for i, piece in enumerate(pieces):
        if cancel is not None and cancel.is_set():
            raise ExportCancelled("The export was cancelled.")
        if progress:
            progress("Preparing the voice", i / max(len(pieces), 1))
        if engine is None or not piece.text:
            segments.append(Segment(None, reading_seconds(piece.text) + piece.hold, piece.text))
            continue
        rendered = engine.render(piece.text, voice)
        segments.append(Segment(rendered.path, piece.hold, piece.text))
    return segments


def load_soundscape(name: str | None, story: Story, cache: Path,
                    progress: Callable[[float], None] | None = None) -> Sound | None:
    """The soundscape to lay under the session: the one asked for, else the story's.
    `cache` is the app's cache folder (built-ins are kept in its `soundscapes`)."""
    chosen = name if name is not None else story.meta.soundscape
    if not chosen or chosen == "none":
        return None
    as_path = Path(chosen)
    if as_path.suffix.lower() in (".wav", ".ogg", ".mp3", ".flac"):
        return load_user_soundscape(as_path if as_path.is_absolute() else story.folder / as_path)
    return get_soundscape(chosen, cache_dir=cache / "soundscapes", progress=progress)


def export_story(story: Story, pack: StrokePack | None, out: Path, *,
                 engine: SpeechEngine | None, voice: VoiceSettings, soundscape: Sound | None,
                 pace: float = 1.0, fade: float = 20.0, progress: Progress | None = None,
                 cancel: threading.Event | None = None, paths: UserPaths | None = None) -> ExportResult:
    """Render the whole session to `out` (.wav, .ogg or .mp3). Blocking: off the GUI thread.
    Raises ExportCancelled (no file is left) once `cancel` is set. `paths` is not needed
    (the soundscape and engine come ready-made); it is still accepted for older callers."""
    pieces = session_pieces(story, pack, pace)
    segments = build_segments(pieces, engine, voice, progress, cancel)
    mix_progress = (lambda f: progress("Mixing the sound", f)) if progress else None
    return render_session(segments, out, soundscape, fade_out=max(FADE_MIN, min(FADE_MAX, fade)),
                          progress=mix_progress, title=story.title, cancel=cancel)


def _bar(what: str, fraction: float) -> None:
    filled = int(fraction * 30)
    sys.stderr.write(f"\r{what:<22} [{'#' * filled}{'.' * (30 - filled)}] {fraction * 100:3.0f}%")
    sys.stderr.flush()


def _pieces_text(pieces: list[Piece]) -> Iterator[str]:
    for piece in pieces:
        yield f"  {piece.text[:60]!r} then {piece.hold:.1f} s"


def cmd_render(args: argparse.Namespace, paths: UserPaths) -> int:
    """`touchstory render STORY --out FILE`."""
    packs = PackRegistry.default(paths.packs)
    result = load_story(args.story, packs)
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    if result.story is None:
        print(f"touchstory: {args.story} has errors; fix them first (touchstory check {args.story})",
              file=sys.stderr)
        return 1
    if args.out.suffix.lower() not in (".wav", ".ogg", ".mp3"):
        print(f"touchstory: --out {args.out}: choose a file name ending in .wav, .ogg or .mp3", file=sys.stderr)
        return 2
    if not 0.5 <= args.pace <= 2.0:
        print("touchstory: --pace must be from 0.5 (quicker) to 2 (slower)", file=sys.stderr)
        return 2
    story = result.story
    pack = packs.get(story.meta.pack)
    engine: SpeechEngine | None = None
    if not args.no_narration:
        candidate = default_engine()
        if candidate.available:
            engine = CachedEngine(candidate, paths.cache / "speech")
        else:
            print(f"touchstory: {candidate.problem}\nThe file is made without the voice, with the same timing.",
                  file=sys.stderr)
    voice = settings_for(story.meta.language, Speed.BEDTIME)
    progress = _bar if sys.stderr.isatty() else None
    try:
        soundscape = load_soundscape(args.soundscape, story, paths.cache)
    except AudioError as exc:
        print(f"touchstory: {exc}", file=sys.stderr)
        soundscape = None
    try:
        done = export_story(story, pack, args.out, paths=paths, engine=engine, voice=voice,
                            soundscape=soundscape, pace=args.pace, fade=args.fade, progress=progress)
    except (AudioError, SpeechError) as exc:
        print(f"\ntouchstory: {exc}", file=sys.stderr)
        return 1
    finally:
        if engine is not None:
            engine.close()
    if progress:
        sys.stderr.write("\n")
    print(f"Wrote {done.path} ({length_text(done.duration)}"
          f"{', with narration' if engine else ', no narration'}"
          f"{', over ' + (args.soundscape or story.meta.soundscape or '') if soundscape is not None else ''}).")
    return 0
