"""Reading and writing a user's files safely: writes that never lose anything (settings,
saved classroom plans) and reads that never hang or run out of memory on a pipe,
a device or a huge file (stories, plans, pictures, sounds, settings).
Imports nothing of touchstory's, so every layer may use it."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the
    new one, never half of each: temp file in the same folder, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class RefusedFile(OSError):
    """A file that is not read: not a regular file, or over the size limit. The
    message names the file and says what to do; `reason` is the same without the name
    (for a Problem, whose location already names it)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _not_regular(mode: int, what: str) -> str:
    return f"the {what} is {_kind(mode)}, not an ordinary file; name an ordinary {what} instead"


def check_regular(path: Path | str, limit: int | None = None, what: str = "file") -> int:
    """The size of `path` if it is a regular file (links followed) no bigger than
    `limit`; else RefusedFile. Looks only at the file's status: opens nothing."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise RefusedFile(path, _not_regular(info.st_mode, what))
    if limit is not None and info.st_size > limit:
        raise RefusedFile(path, f"the {what} is {info.st_size / 1_000_000:.1f} MB; it must be under "
                                 f"{limit / 1_000_000:g} MB (is this the right file?)")
    return info.st_size


def read_capped(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of `path`, read safely: only a regular file is opened (a pipe, a
    device such as /dev/zero, a folder or a socket is refused before any read, so
    nothing hangs), and at most `limit` + 1 bytes are read, so a huge or growing
    file costs no more than that. Over the limit gives the first `limit` + 1
    bytes: callers compare the length with their own limit and say so in their own
    words. Raises OSError (RefusedFile for the refusals)."""
    check_regular(path, None, what)
    # O_NONBLOCK: if the name was swapped for a pipe after the check, open() must
    # not wait for a writer; the fstat below then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFile(path, _not_regular(info.st_mode, what))
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
