"""The `touchstory` command: opens the app, or checks, lists and renders stories.

Sub-commands that need a window import the Qt shell only when they run, so
`touchstory check` and `touchstory list` start fast and work with no screen."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from touchstory import __version__
from touchstory.paths import UserPaths
from touchstory.resources import bundled_stories_dir
from touchstory.story.duration import format_duration
from touchstory.story.library import StoryEntry, find_story_files, scan_library
from touchstory.story.packs import PackRegistry
from touchstory.pacing.plan import PlanResult, load_plan
from touchstory.story.parser import ParseResult, load_story

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_NO_SCREEN = 0, 1, 2, 3
PLAN_SUFFIX = ".plan"

NO_SCREEN = """\
touchstory: there is no screen to open a window on (DISPLAY is not set).
touchstory is a desktop app. To use it:
  - run it from a desktop session (open a terminal on the desktop and run it there), or
  - on a server, try it on a virtual screen:  xvfb-run -a touchstory
Things that need no screen work anywhere:
  touchstory check stories/          check stories for problems
  touchstory list                    list the stories and their lengths
  touchstory render STORY --out story.ogg   make a narrated audio file"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a hint, as argparse does, but friendlier
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"touchstory: {message}\nRun 'touchstory --help' for help.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="touchstory",
        description="Story massage, line by line: illustrated stories and rhymes where every line "
        "carries a massage stroke. With no command, opens the story library.",
        epilog="Write your own stories: see stories/FORMAT.md. Your stories folder: run 'touchstory paths'.",
    )
    parser.add_argument("--version", action="version", version=f"touchstory {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("library", help="open the story library (what plain 'touchstory' does)",
                       description="Open the story library window. 'touchstory PATH...' is the same as "
                       "'touchstory library PATH...'.")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="extra story files or folders to show in the library")

    p = sub.add_parser("play", help="open one story straight into the player",
                       description="Open a story straight into the player.")
    p.add_argument("story", type=Path, help="a .story file")
    p.add_argument("--narrate", action="store_true", help="start with narration on (hands-free)")

    p = sub.add_parser("classroom", help="open the projector window and teacher console",
                       description="Run a group story massage: a projector window and a teacher console.")
    p.add_argument("target", nargs="?", type=Path, help="a .story file or a saved session plan (.plan)")

    p = sub.add_parser("check", help="check stories for problems (exit 1 if any)",
                       description="Check story files and classroom session plans (or every .story and .plan "
                       "file in folders) and list every problem with its line and column. Exit status: 0 clean, "
                       "1 problems found, 2 bad usage.")
    p.add_argument("targets", nargs="+", type=Path, metavar="PATH", help="story or plan files, or folders")
    p.add_argument("--strict", action="store_true", help="count warnings as problems too")
    p.add_argument("--json", action="store_true", help="print the problems as JSON")

    p = sub.add_parser("list", help="list the stories with their length, ages and strokes",
                       description="List every story found: the bundled ones, your stories folder, and any "
                       "PATH given.")
    p.add_argument("targets", nargs="*", type=Path, metavar="PATH", help="extra story files or folders")
    p.add_argument("--json", action="store_true", help="print the list as JSON")

    p = sub.add_parser("strokes", help="list the strokes of each pack with how to do them",
                       description="List every stroke in the stroke packs, with its how-to.")
    p.add_argument("--pack", help="only this pack (story, infant, ...)")

    p = sub.add_parser("render", help="make a narrated audio file of a story (screen-free play)",
                       description="Render the whole session (question, narrated lines, stroke time, pauses, "
                       "thank-you) over a soundscape into one audio file.")
    p.add_argument("story", type=Path, help="a .story file")
    p.add_argument("--out", type=Path, required=True, help="the file to write: .wav, .ogg or .mp3")
    p.add_argument("--soundscape", help="background sound (rain, sea, wind, heartbeat, noise, lullaby, drone, "
                   "none, or a sound file); default: the story's own")
    p.add_argument("--no-narration", action="store_true", help="leave the voice out (sound and timing only)")
    p.add_argument("--pace", type=float, default=1.0, help="stroke time scale, 0.5 to 2 (default 1)")
    p.add_argument("--fade", type=float, default=20.0, help="fade-out at the end in seconds, 5 to 40 (default 20)")

    sub.add_parser("paths", help="show where your stories, packs and settings live",
                   description="Show the folders touchstory uses.")
    return parser


def _packs(paths: UserPaths) -> PackRegistry:
    registry = PackRegistry.default(paths.packs)
    for problem in registry.problems:
        print(problem.format(), file=sys.stderr)
    return registry


def cmd_check(args: argparse.Namespace, paths: UserPaths) -> int:
    missing = [t for t in args.targets if not t.exists()]
    for target in missing:
        print(f"touchstory: {target}: no such file or folder", file=sys.stderr)
    if missing and len(missing) == len(args.targets):
        return EXIT_USAGE
    packs = _packs(paths)
    present = [t for t in args.targets if t.exists()]
    files = list(find_story_files(t for t in present if t.suffix != PLAN_SUFFIX))
    plans = [t for t in present if t.is_file() and t.suffix == PLAN_SUFFIX]
    plans += sorted(p for t in present if t.is_dir() for p in t.rglob(f"*{PLAN_SUFFIX}"))
    if not files and not plans:
        print("touchstory: no .story or .plan files found in " + ", ".join(map(str, args.targets)),
              file=sys.stderr)
        return EXIT_USAGE
    roots = [paths.stories, bundled_stories_dir()]
    results: list[ParseResult | PlanResult] = [load_story(f, packs) for f in files]
    results += [load_plan(p, packs, roots) for p in plans]
    files = files + plans
    counted = [p for r in results for p in r.problems if p.is_error or args.strict]
    if args.json:
        out = [{"path": str(r.path), "ok": r.ok, "problems": [p.to_json() for p in r.problems]} for r in results]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for r in results:
            for problem in r.problems:
                print(problem.format())
        errors = sum(len(r.errors) for r in results)
        warnings = sum(len(r.warnings) for r in results)
        clean = sum(1 for r in results if r.ok and (not args.strict or not r.warnings))
        what = f"{len(files)} stor{'y' if len(files) == 1 else 'ies'}" if not plans else f"{len(files)} file{'s' * (len(files) != 1)}"
        print(f"{what} checked: {clean} ready, "
              f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
              + (" (--strict: warnings count)" if args.strict and warnings else ""))
    return EXIT_PROBLEMS if counted or missing else EXIT_OK


def library_sources(paths: UserPaths, extra: Sequence[Path]) -> list[tuple[str, Path]]:
    sources = [("bundled", bundled_stories_dir())]
    if paths.stories.is_dir():
        sources.append(("mine", paths.stories))
    sources.extend(("opened", p) for p in extra)
    return sources


def cmd_list(args: argparse.Namespace, paths: UserPaths) -> int:
    missing = [t for t in args.targets if not t.exists()]
    for target in missing:
        print(f"touchstory: {target}: no such file or folder", file=sys.stderr)
    packs = _packs(paths)
    entries = scan_library(library_sources(paths, [t for t in args.targets if t.exists()]), packs)
    if args.json:
        print(json.dumps([e.to_json() for e in entries], indent=2, ensure_ascii=False))
        return EXIT_USAGE if missing else EXIT_OK
    rows = [_row(e) for e in entries]
    headers = ("TITLE", "KIND", "AGES", "MOOD", "LANG", "LENGTH", "STROKES", "PROBLEMS", "PATH")
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    widths[6] = min(widths[6], 34)
    for row in (headers, *rows):
        cells = [c if i != 6 or len(c) <= 34 else c[:31] + "..." for i, c in enumerate(row)]
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip())
    total = sum(e.seconds for e in entries if e.playable)
    print(f"{len(entries)} stories, {format_duration(total)} in all")
    return EXIT_USAGE if missing else EXIT_OK


def _row(e: StoryEntry) -> tuple[str, ...]:
    problems = "-" if not e.problems else f"{e.errors}E {e.warnings}W"
    return (e.title, e.kind.value if e.kind else "?", str(e.ages) if e.ages else "-", e.mood or "-",
            e.language or "-", format_duration(e.seconds) if e.playable else "-",
            ",".join(e.strokes) or "-", problems, str(e.path))


def cmd_strokes(args: argparse.Namespace, paths: UserPaths) -> int:
    packs = _packs(paths)
    chosen = [p for p in packs if args.pack in (None, p.id)]
    if not chosen:
        print(f"touchstory: no pack called {args.pack!r}; packs: {', '.join(packs.ids())}", file=sys.stderr)
        return EXIT_USAGE
    for pack in chosen:
        print(f"{pack.name} (pack: {pack.id})\n{pack.description}\n")
        for s in pack.strokes:
            aliases = f"  (also: {', '.join(s.aliases)})" if s.aliases else ""
            print(f"  [{s.id}] {s.name}{aliases}\n    {s.tempo:g} s a time, {s.pressure.value}, usually on the "
                  f"{s.area.value}\n    {s.how}\n")
    return EXIT_OK


def cmd_paths(args: argparse.Namespace, paths: UserPaths) -> int:
    print(f"your stories:   {paths.stories}\nyour packs:     {paths.packs}\nsession plans:  {paths.plans}\n"
          f"settings:       {paths.settings}\njournal:        {paths.journal}\ncache:          {paths.cache}\n"
          f"bundled:        {bundled_stories_dir()}")
    return EXIT_OK


def has_screen() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or platform) or sys.platform in (
        "win32", "darwin")


COMMANDS = ("library", "play", "classroom", "check", "list", "strokes", "render", "paths")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except BrokenPipeError:  # `touchstory list | head` is fine
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _main(argv: list[str]) -> int:
    parser = build_parser()
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["library", *argv]
    args = parser.parse_args(argv)
    paths = UserPaths.default()
    command = args.command
    simple = {"check": cmd_check, "list": cmd_list, "strokes": cmd_strokes, "paths": cmd_paths}
    if command in simple:
        return simple[command](args, paths)
    if command == "render":
        from touchstory.export import cmd_render  # pulls in numpy/pydub only when rendering

        return cmd_render(args, paths)
    if not has_screen():
        print(NO_SCREEN, file=sys.stderr)
        return EXIT_NO_SCREEN
    from touchstory.app import run_gui  # the Qt shell, only when a window is wanted

    return run_gui(args, paths)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
