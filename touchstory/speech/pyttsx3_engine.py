"""The real narration engine: pyttsx3 (espeak-ng) running in one supervised
worker *process* (`touchstory.speech._worker`), so its hangs and crashes can
never take the app down. A dead or stuck worker is restarted with back-off;
after repeated failures the engine reports itself unavailable in plain words.

The worker is started with `subprocess` (a fresh interpreter, never a fork of a
process that may already run Qt) and speaks JSON lines on stdin/stdout.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from touchstory.errors import SpeechError
from touchstory.speech._worker import PROTOCOL
from touchstory.speech.engine import (
    RenderedLine,
    Voice,
    VoiceSettings,
    espeak_library_path,
    installed_variants,
)
from touchstory.speech.voices import (
    DEFAULT_VARIANT,
    split_variant,
    voice_for_language,
    with_variant,
)
from touchstory.speech.wavfile import check_wav
from touchstory.speech.words import read_mono, timings_from_marks

WORKER_COMMAND: tuple[str, ...] = (sys.executable, "-m", "touchstory.speech._worker")
STARTUP_TIMEOUT = 10.0
GAVE_UP_MESSAGE = (
    "Narration has been turned off: the voice engine stopped working {n} times in a row. "
    "The story goes on without it; you can read aloud, or try narration again later "
    "(restarting touchstory often helps)."
)

log = logging.getLogger(__name__)


def _installed_engine_id() -> str | None:
    library = espeak_library_path()
    spec = importlib.util.find_spec("pyttsx3")
    if library is None or spec is None or spec.origin is None:
        return None
    try:
        real = library.resolve()
        stat = real.stat()
    except OSError:
        return None
    site = Path(spec.origin).resolve().parents[1]
    dist = next(iter(sorted(site.glob("pyttsx3-*.dist-info"))), None)
    version = dist.name[len("pyttsx3-"):-len(".dist-info")] if dist else "?"
    return f"pyttsx3-{version}/{real.name}-{stat.st_size}-{int(stat.st_mtime)}/w{PROTOCOL}"


class _WorkerFailed(Exception):
    """The worker died, hung or could not start (internal; becomes SpeechError)."""


class _Worker:
    """One running worker process and the thread that reads its replies."""

    def __init__(self, command: Sequence[str], startup_timeout: float, log_path: Path) -> None:
        env = dict(os.environ)
        # From a source checkout the worker must import this very touchstory;
        # an installed one is found as usual (and site-packages must not be
        # put in front of the standard library).
        root = Path(__file__).resolve().parents[2]
        if (root / "pyproject.toml").exists():
            env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH")) if p)
        self.log_path = log_path
        try:
            # stderr goes to a file, not a pipe: an unread pipe can fill and block
            # the worker, and the file keeps a crash's traceback for the report.
            with log_path.open("ab") as log:
                self.process = subprocess.Popen(
                    list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=log, env=env, text=True, encoding="utf-8", bufsize=1,
                )
        except OSError as exc:
            raise _WorkerFailed(f"could not start the voice engine: {exc}") from exc
        self._replies: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, name="speech-worker-reader", daemon=True)
        self._reader.start()
        try:
            hello = self.receive(startup_timeout)
        except _WorkerFailed:
            self.kill()  # never leave a half-started process behind
            raise
        if not hello.get("ready"):
            self.kill()
            raise _WorkerFailed(str(hello.get("error") or "the voice engine failed to start"))
        self.engine_id = str(hello.get("engine", "pyttsx3"))

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        for line in stdout:
            try:
                self._replies.put(json.loads(line))
            except ValueError:
                continue  # stray output: ignore rather than trust it
        self._replies.put(None)  # end of file: the worker is gone

    def send(self, message: dict[str, Any]) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(json.dumps(message) + "\n")
            stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise _WorkerFailed("the voice engine has stopped") from exc

    def receive(self, timeout: float) -> dict[str, Any]:
        try:
            reply = self._replies.get(timeout=timeout)
        except queue.Empty:
            raise _WorkerFailed(f"the voice engine did not answer within {timeout:.0f} s") from None
        if reply is None:
            raise _WorkerFailed(f"the voice engine stopped (exit code {self.process.poll()})")
        return reply

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.process.stdin, self.process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass

    def quit(self) -> None:
        try:
            self.send({"cmd": "quit"})
            self.process.wait(timeout=1)
        except (_WorkerFailed, subprocess.TimeoutExpired):
            pass
        self.kill()


class Pyttsx3Engine:
    """`SpeechEngine` backed by pyttsx3 in a worker process. Thread-safe: calls
    are serialised (the worker renders one line at a time anyway).

    `max_failures` consecutive failures (crash, hang, start-up error) turn the
    engine unavailable; between them it waits `backoff` seconds, doubling up to
    `max_backoff`. One success resets the count."""

    def __init__(
        self,
        out_dir: Path | None = None,
        *,
        command: Sequence[str] = WORKER_COMMAND,
        max_failures: int = 3,
        backoff: float = 0.1,
        max_backoff: float = 2.0,
        render_timeout: float = 5.0,
        startup_timeout: float = STARTUP_TIMEOUT,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._own_dir = out_dir is None
        self._out_dir = Path(tempfile.mkdtemp(prefix="touchstory-speech-")) if out_dir is None else out_dir
        self._out_dir.mkdir(parents=True, exist_ok=True)
        # An engine dropped without close() (a test, a crash on the way out)
        # still removes its own folder: at garbage collection or interpreter exit.
        self._cleanup = (weakref.finalize(self, shutil.rmtree, str(self._out_dir), True)
                         if self._own_dir else None)
        self._command = tuple(command)
        self._max_failures = max_failures
        self._backoff = backoff
        self._max_backoff = max_backoff
        self._render_timeout = render_timeout
        self._startup_timeout = startup_timeout
        self._sleep = sleep
        self._lock = threading.RLock()
        self._worker: _Worker | None = None
        self._failures = 0
        self._problem: str | None = None
        self._engine_id: str | None = None
        self._voices: list[Voice] | None = None
        self._variants: frozenset[str] | None = None
        self._next_id = 0
        self.restarts = 0  # how many times a worker was replaced (for tests and logs)
        self.last_error: str | None = None  # technical detail of the last failure, for logs
        self.last_voice: str | None = None  # the espeak voice the last line was spoken in
        self._closed = False

    # -- SpeechEngine -------------------------------------------------------
    @property
    def available(self) -> bool:
        return self._problem is None and not self._closed

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def engine_id(self) -> str:
        """pyttsx3's version and the espeak-ng library file's identity, read
        from disk so that cache lookups need no worker (a story heard before
        plays without starting one); else what the worker reports."""
        if self._engine_id is None:
            self._engine_id = _installed_engine_id()
        if self._engine_id is None:
            self._call({"cmd": "ping"}, timeout=self._render_timeout)
        assert self._engine_id is not None
        return self._engine_id

    @property
    def worker_pid(self) -> int | None:
        worker = self._worker
        return worker.pid if worker is not None and worker.alive() else None

    def start(self) -> None:
        """Start the worker now. Optional: every call starts it when needed.
        Raises SpeechError when the engine cannot work."""
        self._call({"cmd": "ping"}, timeout=self._render_timeout)

    def warm_up(self) -> None:
        """Start the worker and load the voice list (e.g. when a story opens),
        so the first line is only a render away. Never raises: a failure
        shows up in `available`/`problem`."""
        try:
            self.voices()
        except SpeechError:
            pass

    def voices(self) -> list[Voice]:
        if self._voices is None:
            reply = self._call({"cmd": "voices"}, timeout=self._render_timeout)
            self._voices = [
                Voice(v["id"], v["name"], tuple(v.get("languages") or ()), v.get("gender"))
                for v in reply["voices"]
            ]
        return list(self._voices)

    def render(self, text: str, voice: VoiceSettings) -> RenderedLine:
        if not text.strip():
            raise SpeechError("there is nothing to say in an empty line")
        voice_id = self.resolve_voice(voice)
        if voice_id != self.last_voice:
            log.info("narrating %s in the voice %s", voice.language, voice_id)
            self.last_voice = voice_id
        path = self._out_dir / f"line-{uuid.uuid4().hex}.wav"
        # Long texts take longer; a stuck worker still gets caught.
        timeout = self._render_timeout + len(text) * 0.01
        reply = self._call(
            {"cmd": "render", "text": text, "voice": voice_id, "rate": voice.rate_wpm,
             "volume": voice.volume, "path": str(path)},
            timeout=timeout,
        )
        info = check_wav(path)  # trust, but verify what the worker reported
        samples, rate = read_mono(path)
        words = timings_from_marks(text, reply.get("marks") or [], samples, rate)
        return RenderedLine(text, path, info.duration, words)

    def resolve_voice(self, voice: VoiceSettings) -> str | None:
        """The espeak voice id to use: the chosen one if the engine has it,
        else the best match for the language, else English (always a definite
        voice: espeak would otherwise keep whatever the last line used)."""
        voices = self.voices()
        if voice.voice_id is not None:
            base, variant = split_variant(voice.voice_id)
            # A variant ("gmw/en+f3") is kept as chosen: espeak lists only the base voice.
            if any(v.id == base for v in voices) and (not variant or variant in self.variants()):
                return voice.voice_id
        found = voice_for_language(voice.language, voices) or voice_for_language("en", voices)
        found = found or (voices[0].id if voices else None)
        # No voice chosen: the language's voice in the calm bedtime variant.
        if found and DEFAULT_VARIANT in self.variants():
            return with_variant(found, DEFAULT_VARIANT)
        return found

    def variants(self) -> frozenset[str]:
        """The variant names espeak-ng has installed (its voices/!v folder)."""
        if self._variants is None:
            self._variants = installed_variants()
        return self._variants

    def reset(self) -> None:
        """Try again after narration was turned off (a "try again" button):
        forget the failures; the next call starts a fresh worker."""
        with self._lock:
            self._problem = None
            self._failures = 0

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._worker is not None:
                self._worker.quit()
                self._worker = None
            if self._cleanup is not None:
                self._cleanup()  # removes the folder once, and never again at exit

    # -- supervision ----------------------------------------------------------
    def _call(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        with self._lock:
            while True:
                if self._closed:
                    raise SpeechError("the voice engine has been closed")
                if self._problem is not None:
                    raise SpeechError(self._problem)
                try:
                    reply = self._call_once(message, timeout)
                except _WorkerFailed as exc:
                    self._fail(str(exc))
                    continue
                if reply.get("fatal"):
                    self._fail(str(reply.get("error")))  # the worker is stuck: replace it
                    continue
                self._failures = 0
                if not reply.get("ok"):
                    # The worker is fine; this line is not (bad text, bad file).
                    raise SpeechError(f"the voice engine could not say this line: {reply.get('error')}")
                return reply

    def _call_once(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        worker = self._ensure_worker()
        self._next_id += 1
        request_id = self._next_id
        worker.send({**message, "id": request_id})
        deadline = time.monotonic() + timeout
        while True:
            reply = worker.receive(max(0.0, deadline - time.monotonic()))
            if reply.get("id") == request_id:
                return reply
            # A late answer to an earlier request that timed out: skip it.

    def _ensure_worker(self) -> _Worker:
        if self._worker is not None and not self._worker.alive():
            self._worker.kill()
            self._worker = None
            raise _WorkerFailed("the voice engine had stopped")
        if self._worker is None:
            self._worker = _Worker(self._command, self._startup_timeout, self._out_dir / "worker.log")
            if self._engine_id is None:
                self._engine_id = self._worker.engine_id
        return self._worker

    def _fail(self, reason: str) -> None:
        self.last_error = reason
        if self._worker is not None:
            self._worker.kill()
            self._worker = None
        self._failures += 1
        if self._failures >= self._max_failures:
            self._problem = GAVE_UP_MESSAGE.format(n=self._failures)
            return
        self.restarts += 1
        self._sleep(min(self._backoff * 2 ** (self._failures - 1), self._max_backoff))
