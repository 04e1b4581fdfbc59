"""`touchstory render STORY --out FILE`: a story's narrated session as one audio file.

cli.main imports this only when `render` runs, since it pulls in numpy and pydub."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from touchstory.audio.sound import Sound
from touchstory.cli.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from touchstory.errors import AudioError, SpeechError
from touchstory.export.files import length_text
from touchstory.export.session import (
    Piece,
    export_story,
    load_page_soundscapes,
    load_soundscape,
    page_soundscapes,
)
from touchstory.journal.settings import SettingsStore
from touchstory.paths import UserPaths
from touchstory.speech.cache import CachedEngine
from touchstory.speech.engine import SpeechEngine, VoiceSettings
from touchstory.speech.factory import default_engine
from touchstory.speech.voices import settings_for
from touchstory.story.model import Story
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import load_story


def _bar(what: str, fraction: float) -> None:
    filled = int(fraction * 30)
    sys.stderr.write(f"\r{what:<22} [{'#' * filled}{'.' * (30 - filled)}] {fraction * 100:3.0f}%")
    sys.stderr.flush()


def _pieces_text(pieces: list[Piece]) -> Iterator[str]:
    for piece in pieces:
        yield f"  {piece.text[:60]!r} then {piece.hold:.1f} s"


def _voice_text(engine: SpeechEngine | None, voice: VoiceSettings) -> str:
    """" in the voice roa/fr+aunty" for the last line: which voice spoke."""
    resolve = getattr(engine, "resolve_voice", None)
    if resolve is None:
        return ""
    try:
        used = resolve(voice)
    except SpeechError:
        return ""
    return f" in the voice {used}" if used else ""


def _beds_text(chosen: str | None, story: Story, opening: Sound | None, beds: dict[str, Sound] | None) -> str:
    """", over rain, then sea and wind" for the CLI's last line."""
    names = ([chosen or story.meta.soundscape or ""] if opening is not None else []) \
        + [name for name in page_soundscapes(story) if beds and name in beds]
    names = [Path(name).name for name in names if name]
    if not names:
        return ""
    first, later = names[0], names[1:]
    if not later:
        return f", over {first}"
    then = later[0] if len(later) == 1 else ", ".join(later[:-1]) + " and " + later[-1]
    return f", over {first}, then {then}"


def cmd_render(args: argparse.Namespace, paths: UserPaths) -> int:
    """`touchstory render STORY --out FILE`."""
    packs = PackRegistry.default(paths.packs)
    result = load_story(args.story, packs)
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    if result.story is None:
        print(f"touchstory: {args.story} has errors; fix them first (touchstory check {args.story})",
              file=sys.stderr)
        return EXIT_PROBLEMS
    if args.out.suffix.lower() not in (".wav", ".ogg", ".mp3"):
        print(f"touchstory: --out {args.out}: choose a file name ending in .wav, .ogg or .mp3", file=sys.stderr)
        return EXIT_USAGE
    if not 0.5 <= args.pace <= 2.0:
        print("touchstory: --pace must be from 0.5 (quicker) to 2 (slower)", file=sys.stderr)
        return EXIT_USAGE
    story = result.story
    pack = packs.get(story.meta.pack)
    engine: SpeechEngine | None = None
    candidate: SpeechEngine | None = None
    if not args.no_narration:
        candidate = default_engine()
        if candidate.available:
            engine = CachedEngine(candidate, paths.cache / "speech")
        else:
            print(f"touchstory: {candidate.problem}\nThe file is made without the voice, with the same timing.",
                  file=sys.stderr)
    saved = SettingsStore(paths.settings).peek()  # the voice, speed and levels chosen in the app
    voice = settings_for(story.meta.language, saved.rate_wpm, voice_id=saved.voice_id or None)
    fade = saved.fade_seconds if args.fade is None else args.fade
    progress = _bar if sys.stderr.isatty() else None
    try:
        soundscape = load_soundscape(args.soundscape, story, paths.cache)
    except AudioError as exc:
        print(f"touchstory: {exc}", file=sys.stderr)
        soundscape = None
    beds = None
    if args.soundscape is None:  # the story's own: its pages' soundscapes too
        beds = load_page_soundscapes(story, paths.cache, soundscape,
                                     warn=lambda text: print(f"touchstory: {text}", file=sys.stderr))
    try:
        done = export_story(story, pack, args.out, engine=engine, voice=voice, soundscape=soundscape,
                            page_beds=beds, volumes=saved.volumes, pace=args.pace, fade=fade,
                            progress=progress)
    except (AudioError, SpeechError) as exc:
        print(f"\ntouchstory: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        if engine is not None:
            engine.close()
    if progress:
        sys.stderr.write("\n")
    print(f"Wrote {done.path} ({length_text(done.duration)}"
          f"{f', with narration{_voice_text(candidate, voice)}' if engine else ', no narration'}"
          f"{_beds_text(args.soundscape, story, soundscape, beds)}).")
    return EXIT_OK
