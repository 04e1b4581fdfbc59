"""The `touchstory` command: opens the app, or checks, lists and renders stories.

Sub-commands that need a window import the Qt shell only when they run, so
`touchstory check` and `touchstory list` start fast and work with no screen. Those
live in cli/commands.py (and `render` in cli/render.py), imported only when they run, so
opening the library does not load the story parser and plans first."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from touchstory import __version__
from touchstory.cli.exits import EXIT_NO_SCREEN, EXIT_OK, EXIT_USAGE
from touchstory.paths import UserPaths


NO_SCREEN = """\
touchstory: there is no screen to open a window on (DISPLAY is not set).
touchstory is a desktop app. To use it:
  - run it from a desktop session (open a terminal on the desktop and run it there), or
  - on a server, try it on a virtual screen:  xvfb-run -a {run}
Things that need no screen work anywhere:
  check stories for problems:         {cmd} check stories/
  list the stories and their length:  {cmd} list
  make a narrated audio file:         {cmd} render STORY --out story.ogg"""
# How the user started us, for the commands in messages: setup.sh sets these,
# since its venv's `touchstory` is not on the PATH.
RUN_ENV, COMMAND_ENV = "TOUCHSTORY_RUN_COMMAND", "TOUCHSTORY_COMMAND"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a hint, as argparse does, but friendlier
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"touchstory: {message}\nRun 'touchstory --help' for help.\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line. With `command`, only that sub-command's parser is made: a
    run needs one, and making all nine costs about 2 ms of every start-up. `--help`
    and anything not starting with a command get them all."""
    parser = _Parser(
        prog="touchstory",
        description="Story massage, line by line: illustrated stories and rhymes where every line "
        "carries a massage stroke. With no command, opens the story library.",
        epilog="Write your own stories: see stories/FORMAT.md. Your stories folder: run 'touchstory paths'.",
    )
    parser.add_argument("--version", action="version", version=f"touchstory {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    if command in (None, "library"):
        p = sub.add_parser("library", help="open the story library (what plain 'touchstory' does)",
                           description="Open the story library window. 'touchstory PATH...' is the same as "
                           "'touchstory library PATH...'.")
        p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="extra story files or folders to show in the library")

    if command in (None, "play"):
        p = sub.add_parser("play", help="open one story straight into the player",
                           description="Open a story straight into the player.")
        p.add_argument("story", type=Path, help="a .story file")
        p.add_argument("--narrate", action="store_true", help="start with narration on (hands-free)")

    if command in (None, "classroom"):
        p = sub.add_parser("classroom", help="open the projector window and teacher console",
                           description="Run a group story massage: a projector window and a teacher console.")
        p.add_argument("target", nargs="?", type=Path, help="a .story file or a saved session plan (.plan)")

    if command in (None, "check"):
        p = sub.add_parser("check", help="check stories for problems (exit 1 if any)",
                           description="Check story files and classroom session plans (or every .story and .plan "
                           "file in folders) and list every problem with its line and column. Exit status: 0 clean, "
                           "1 problems found, 2 bad usage.")
        p.add_argument("targets", nargs="+", type=Path, metavar="PATH", help="story or plan files, or folders")
        p.add_argument("--strict", action="store_true", help="count warnings as problems too")
        p.add_argument("--json", action="store_true", help="print the problems as JSON")
        p.add_argument("--fix", action="store_true",
                       help="rewrite book-style lines (... (The Calm) or [The Calm] ...) as [calm] ..., keeping the "
                            "original as NAME.bak first")

    if command in (None, "list"):
        p = sub.add_parser("list", help="list the stories with their length, ages and strokes",
                           description="List every story found: the bundled ones, your stories folder, and any "
                           "PATH given.")
        p.add_argument("targets", nargs="*", type=Path, metavar="PATH", help="extra story files or folders")
        p.add_argument("--json", action="store_true", help="print the list as JSON")

    if command in (None, "strokes"):
        p = sub.add_parser("strokes", help="list the strokes of each pack with how to do them",
                           description="List every stroke in the stroke packs, with its how-to.")
        p.add_argument("--pack", help="only this pack (story, infant, ...)")

    if command in (None, "render"):
        p = sub.add_parser("render", help="make a narrated audio file of a story (screen-free play)",
                           description="Render the whole session (question, narrated lines, stroke time, pauses, "
                           "thank-you) over a soundscape into one audio file.")
        p.add_argument("story", type=Path, help="a .story file")
        p.add_argument("--out", type=Path, required=True, help="the file to write: .wav, .ogg or .mp3")
        p.add_argument("--soundscape", help="background sound (rain, sea, wind, heartbeat, noise, lullaby, drone, "
                       "none, or a sound file); default: the story's own")
        p.add_argument("--no-narration", action="store_true", help="leave the voice out (sound and timing only)")
        p.add_argument("--pace", type=float, default=1.0, help="stroke time scale, 0.5 to 2 (default 1)")
        p.add_argument("--fade", type=float, default=None,
                       help="fade-out at the end in seconds, 5 to 40 (default: as in Settings, first 20)")

    if command in (None, "print"):
        p = sub.add_parser("print", help="make a printable PDF: a story booklet, or a child's bedside sheet",
                           description="Make a PDF to print: the story as an A5 booklet (or A4 sheets with --a4), "
                           "adapted to a child with --child; or, with --sheet, the child's one-page bedside sheet "
                           "for other carers, with STORY as the usual story.")
        p.add_argument("story", type=Path, help="a .story file, or a story's folder name")
        p.add_argument("--child", help="the child's profile name (as in the library's \"Who is it for tonight?\")")
        p.add_argument("--sheet", action="store_true", help="the child's one-page bedside sheet (needs --child)")
        p.add_argument("--a4", action="store_true", help="the story on A4 sheets instead of an A5 booklet")
        p.add_argument("--short", action="store_true", help="the short version that fits the child's length cap")
        p.add_argument("--out", type=Path, required=True, help="the PDF file to write")

    if command in (None, "paths"):
        sub.add_parser("paths", help="show where your stories, packs and settings live",
                       description="Show the folders touchstory uses.")
    return parser


def has_screen() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or platform) or sys.platform in (
        "win32", "darwin")


COMMANDS = ("library", "play", "classroom", "check", "list", "strokes", "render", "print", "paths")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except BrokenPipeError:  # `touchstory list | head` is fine
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _main(argv: list[str]) -> int:
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["library", *argv]
    if argv == ["library"]:
        # How the desktop starts it: nothing to parse, and argparse's first parser
        # (help formatter, message catalogue look-ups) costs ~3 ms before the window.
        args = argparse.Namespace(command="library", paths=[])
    else:
        args = build_parser(argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
    paths = UserPaths.default()
    command = args.command
    if command in ("check", "list", "strokes", "paths"):
        # The story parser, plans and tables load only for the commands that use them,
        # not before the library window opens.
        from touchstory.cli import commands

        simple = {"check": commands.cmd_check, "list": commands.cmd_list, "strokes": commands.cmd_strokes,
                  "paths": commands.cmd_paths}
        return simple[command](args, paths)
    if command == "render":
        from touchstory.cli.render import cmd_render  # pulls in numpy/pydub only when rendering

        return cmd_render(args, paths)
    if command == "print":
        from touchstory.ui.cards.command import cmd_print  # PDFs need Qt's fonts, not a screen

        return cmd_print(args, paths)
    if not has_screen():
        cmd = os.environ.get(COMMAND_ENV) or "touchstory"
        print(NO_SCREEN.format(cmd=cmd, run=os.environ.get(RUN_ENV) or cmd), file=sys.stderr)
        return EXIT_NO_SCREEN
    from touchstory.app import run_gui  # the Qt shell, only when a window is wanted

    return run_gui(args, paths)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
