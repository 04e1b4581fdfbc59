"""The `touchstory` command line: the parser and dispatch (main.py), the commands
that need no window (commands.py), `render` (render.py) and the exit statuses
(exits.py). `touchstory.cli:main` is the installed command's entry point."""

from touchstory.cli.main import main

__all__ = ["main"]
