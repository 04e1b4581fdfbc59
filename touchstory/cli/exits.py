"""The command's exit statuses, in one place for the CLI and the app."""

from __future__ import annotations

EXIT_OK = 0  # done, nothing wrong
EXIT_PROBLEMS = 1  # ran, and found (or met) problems: `check` found errors, `render` could not
EXIT_USAGE = 2  # bad usage: a missing file, an unknown option, a value out of range
EXIT_NO_SCREEN = 3  # a window was wanted and there is no screen
