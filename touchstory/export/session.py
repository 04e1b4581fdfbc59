"""Screen-free export: a story's whole narrated session as one audio file.

Qt-free, shared by `touchstory render` (cli/render.py) and the export dialog
(ui/export): it builds the session's timeline from the story
(pacing's timing rule), renders each spoken piece with the speech engine, and
hands the timeline to the audio engine's offline renderer. The order is the
session's: the permission question and a moment to answer, every line (its words,
then its stroke time), the thank-you, then the soundscape winds down and fades."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from touchstory.audio.export import ExportCancelled, ExportResult, Segment, render_session
from touchstory.audio.sleep import FADE_MAX, FADE_MIN, WIND_DOWN_DEFAULT
from touchstory.audio.sound import Sound
from touchstory.audio.soundscapes import get_soundscape
from touchstory.audio.userfile import load_user_soundscape
from touchstory.errors import AudioError
from touchstory.journal.settings import Volumes
from touchstory.pacing.timeline import NO_SOUNDSCAPE, Say, Wait, timeline
from touchstory.speech.engine import SpeechEngine, VoiceSettings
from touchstory.story.duration import READ_ALOUD_WPM, reading_seconds
from touchstory.story.model import Story
from touchstory.story.packs import StrokePack

LEAD_IN = 2.5  # the soundscape fades in before the first word
ANSWER_TIME = 3.0  # after "Would you like a story massage?", time to answer
TAP_TIME = 4.0  # a {tap} in a recording: a generous moment, since nobody can tap
THANKS_HOLD = 2.0

Progress = Callable[[str, float], None]  # (what is happening, fraction done)


def has_soundscape(story: Story) -> bool:
    """Whether the story itself asks for any background sound (on any page)."""
    own = story.meta.soundscape
    return bool(own and own != NO_SOUNDSCAPE) or bool(page_soundscapes(story))


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
    """One spoken piece of the session and the silence after it. `soundscape`:
    the background sound changes to this one as the piece starts (the first piece
    of a page with its own soundscape; "none" fades it away); None: no change."""

    text: str
    hold: float
    soundscape: str | None = None


def session_pieces(story: Story, pack: StrokePack | None, pace: float = 1.0) -> list[Piece]:
    """The session's timeline (pacing/timeline.py, the one live play reads) as the
    file's pieces: what is said, and how long to wait after it. A `{pause}` waits
    where it is written; a `{tap}` gives TAP_TIME there, since nobody can tap."""
    plan = timeline(story, pack, pace)
    pieces: list[Piece] = []
    if plan.ask:
        pieces.append(Piece(plan.ask, ANSWER_TIME))
    for line in plan.lines:
        text, hold, change = "", 0.0, line.soundscape
        for beat in line.beats:
            if isinstance(beat, Say):
                if text or hold:
                    pieces.append(Piece(text, hold, change))
                    change = None
                text, hold = beat.text, 0.0
            elif isinstance(beat, Wait):
                hold += beat.seconds
            else:
                hold += TAP_TIME
        hold += line.dwell + (TAP_TIME if line.ends_with_tap else 0.0)
        pieces.append(Piece(text, hold, change))
    if plan.thanks:
        pieces.append(Piece(plan.thanks, THANKS_HOLD))
    return _merge_silences(pieces)


def _merge_silences(pieces: list[Piece]) -> list[Piece]:
    """A piece with no words only adds its silence to the one before (unless the
    soundscape changes there)."""
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text and merged and piece.soundscape is None:
            merged[-1] = Piece(merged[-1].text, merged[-1].hold + piece.hold, merged[-1].soundscape)
        else:
            merged.append(piece)
    return merged


def build_segments(pieces: list[Piece], engine: SpeechEngine | None, voice: VoiceSettings,
                   progress: Progress | None = None, cancel: threading.Event | None = None,
                   page_beds: dict[str, Sound] | None = None) -> list[Segment]:
    """Render every piece's words (from the cache where possible). With no engine the
    words' reading time becomes silence, so the timing stays the story's. With
    `page_beds` (name -> sound), pages' own soundscapes take over where they start;
    a name missing from it (it could not be read) leaves the sound as it was."""
    segments = [Segment(None, LEAD_IN)]
    for i, piece in enumerate(pieces):
        if cancel is not None and cancel.is_set():
            raise ExportCancelled("The export was cancelled.")
        if progress:
            progress("Preparing the voice", i / max(len(pieces), 1))
        change = page_beds is not None and (piece.soundscape == NO_SOUNDSCAPE or piece.soundscape in page_beds)
        bed = page_beds.get(piece.soundscape) if change and page_beds and piece.soundscape else None
        if engine is None or not piece.text:
            segments.append(Segment(None, reading_seconds(piece.text) + piece.hold, piece.text, bed, change))
            continue
        rendered = engine.render(piece.text, voice)
        segments.append(Segment(rendered.path, piece.hold, piece.text, bed, change))
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


def page_soundscapes(story: Story) -> list[str]:
    """The soundscapes the story's pages change to, in order (no "none", no repeats)."""
    names: dict[str, None] = {}
    for page in story.pages:
        if page.soundscape not in (None, "", NO_SOUNDSCAPE, story.meta.soundscape):
            names.setdefault(page.soundscape, None)
    return list(names)


def load_page_soundscapes(story: Story, cache: Path, opening: Sound | None,
                          warn: Callable[[str], None] | None = None,
                          progress: Callable[[float], None] | None = None) -> dict[str, Sound]:
    """Every page soundscape of the story by name (the story's own is `opening`).
    One that can't be read is left out with a message to `warn`: the sound before
    it plays on."""
    beds: dict[str, Sound] = {}
    if opening is not None and story.meta.soundscape:
        beds[story.meta.soundscape] = opening
    names = page_soundscapes(story)

    def part(i: int) -> Callable[[float], None] | None:
        # one name's share of the whole progress bar
        return (lambda f: progress((i + f) / len(names))) if progress is not None else None

    for i, name in enumerate(names):
        try:
            sound = load_soundscape(name, story, cache, progress=part(i))
        except AudioError as exc:
            if warn is not None:
                warn(f"{exc} The sound before it plays on there.")
            continue
        if sound is not None:
            beds[name] = sound
    return beds


def export_story(story: Story, pack: StrokePack | None, out: Path, *,
                 engine: SpeechEngine | None, voice: VoiceSettings, soundscape: Sound | None,
                 page_beds: dict[str, Sound] | None = None, volumes: Volumes | None = None,
                 pace: float = 1.0, fade: float = 20.0, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> ExportResult:
    """Render the whole session to `out` (.wav, .ogg or .mp3). Blocking: off the GUI thread.
    `soundscape` opens the session; `page_beds` (from load_page_soundscapes) lets
    pages' own soundscapes take over, as they do in the app (None: one sound
    throughout, as when the user chose one). `volumes`: the voice and soundscape
    levels from Settings, so the file sounds as the app does (master volume is the
    speaker's business). Raises ExportCancelled (no file is left) once `cancel` is set."""
    levels = volumes or Volumes()
    pieces = session_pieces(story, pack, pace)
    segments = build_segments(pieces, engine, voice, progress, cancel, page_beds)
    mix_progress = (lambda f: progress("Mixing the sound", f)) if progress else None
    return render_session(segments, out, soundscape, fade_out=max(FADE_MIN, min(FADE_MAX, fade)),
                          progress=mix_progress, title=story.title, cancel=cancel,
                          voice_volume=0.0 if levels.voice_muted else levels.voice,
                          soundscape_volume=0.0 if levels.soundscape_muted else levels.soundscape)
