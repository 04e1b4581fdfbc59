"""The speech worker process: owns the only pyttsx3 engine and renders one line
per run to a WAV file. Started by `Pyttsx3Engine` as
`python -m touchstory.speech._worker`; talks JSON lines over stdin and the
process's original stdout. Everything else written to stdout (pyttsx3 prints
"Audio saved to ..." for every file) goes to /dev/null.

Keep imports light here: start-up time is part of "first line ready".
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from touchstory.speech.wavfile import check_wav

if TYPE_CHECKING:
    from typing import TextIO

PROTOCOL = 1
# espeak's async synthesis normally finishes in tens of milliseconds; a line that
# takes longer than this is stuck, and the parent restarts the worker anyway.
FINISH_TIMEOUT = 20.0


class _Stuck(RuntimeError):
    """espeak never finished an utterance: this process should be replaced."""


class Synth:
    """pyttsx3 driven the only dependable way: one save_to_file per run, then
    wait for the finished-utterance callback (runAndWait may return earlier).

    pyttsx3's espeak driver races with espeak's own command queue: rate and
    volume are queued commands in espeak's asynchronous mode, and when
    runAndWait finds espeak busy its stop() cancels the queue (stale rate) and
    leaves a flag that cancels the next utterance (empty file). So before
    every run we let espeak's queue drain and clear that flag; a run that is
    cancelled anyway is retried once.
    """

    def __init__(self) -> None:
        # Imported here, not at the top: the app process imports this module
        # (for PROTOCOL) and must never load espeak itself.
        import pyttsx3
        from pyttsx3.drivers import _espeak

        self._espeak = _espeak
        self.engine = pyttsx3.init()
        self._driver = getattr(getattr(self.engine, "proxy", None), "_driver", None)
        self._finished = threading.Event()
        self._completed = False
        self._marks: list[list[int]] = []
        self.engine.connect("finished-utterance", self._on_finished)
        self._capture_word_marks()
        # A new proxy counts itself busy until its first loop, so the first
        # run's settings would be applied late, inside runAndWait; not busy now.
        proxy = getattr(self.engine, "proxy", None)
        if proxy is not None and hasattr(proxy, "setBusy"):
            proxy.setBusy(False)
        self.engine_id = f"pyttsx3-{_pyttsx3_version()}/espeak-ng-{self._espeak_version()}"

    def _on_finished(self, name: object = None, completed: bool = True) -> None:
        self._completed = bool(completed)
        self._finished.set()

    def _capture_word_marks(self) -> None:
        """espeak's word events carry the word's position in the *audio*
        (audio_position, ms) even though they fire at synthesis time. pyttsx3
        drops that field, so wrap its synth callback to keep it."""
        on_synth = getattr(self._driver, "_onSynth", None)
        if on_synth is None:
            return
        espeak = self._espeak
        marks = self._marks

        def callback(wav: Any, numsamples: int, events: Any) -> int:
            try:
                i = 0
                while events[i].type != espeak.EVENT_LIST_TERMINATED:
                    event = events[i]
                    if event.type == espeak.EVENT_WORD:
                        marks.append([event.text_position, event.length, event.audio_position])
                    i += 1
            except Exception:  # noqa: BLE001,S110  (marks are a bonus; never break synthesis for them)
                pass
            return int(on_synth(wav, numsamples, events) or 0)

        espeak.SetSynthCallback(callback)

    def _espeak_version(self) -> str:
        try:
            info = self._espeak.dll.espeak_Info
            info.restype = ctypes.c_char_p
            info.argtypes = [ctypes.c_void_p]
            return (info(None) or b"?").decode("ascii", "replace")
        except Exception:  # noqa: BLE001  (a version string is not worth failing for)
            return "?"

    def voices(self) -> list[dict[str, Any]]:
        out = []
        for v in self.engine.getProperty("voices"):
            langs = [str(lang).lower() for lang in (v.languages or []) if lang]
            out.append({"id": v.id, "name": v.name, "languages": langs, "gender": v.gender})
        return out

    def render(self, text: str, voice: str | None, rate: int, volume: float, path: str) -> dict[str, Any]:
        for attempt in range(3):
            if os.path.exists(path):
                os.unlink(path)
            if voice:
                self.engine.setProperty("voice", voice)
            self.engine.setProperty("rate", int(rate))
            self.engine.setProperty("volume", float(volume))
            self._settle()
            self._finished.clear()
            self._completed = False
            self._marks.clear()
            self.engine.save_to_file(text, path)
            self.engine.runAndWait()
            finished = self._finished.wait(FINISH_TIMEOUT)
            self._settle()
            if finished and self._completed and os.path.exists(path):
                info = check_wav(path)
                return {"duration": info.duration, "sample_rate": info.sample_rate,
                        "marks": list(self._marks), "attempts": attempt + 1}
            if not finished:
                break  # stuck: let the parent replace this process
        raise _Stuck("the voice engine did not finish the line")

    def _settle(self, limit: float = 2.0) -> None:
        """Wait until espeak's command queue is empty, then clear the driver's
        pending-stop flag (see the class docstring)."""
        deadline = time.monotonic() + limit
        while self._espeak.IsPlaying() and time.monotonic() < deadline:
            time.sleep(0.001)
        if getattr(self._driver, "_stopping", False):
            self._driver._stopping = False  # type: ignore[union-attr]


def _pyttsx3_version() -> str:
    # Read the dist-info folder name: importlib.metadata costs ~70 ms to import,
    # and worker start-up counts towards "first line ready".
    try:
        import pyttsx3

        site: str = os.path.dirname(os.path.dirname(os.path.realpath(pyttsx3.__file__)))
        for name in sorted(os.listdir(site)):
            if name.startswith("pyttsx3-") and name.endswith(".dist-info"):
                return name[len("pyttsx3-"):-len(".dist-info")]
    except Exception:  # noqa: BLE001,S110  (a version string is not worth failing for)
        pass
    return "?"


def _send(channel: TextIO, message: dict[str, Any]) -> None:
    channel.write(json.dumps(message) + "\n")
    channel.flush()


def _handle(synth: Synth, request: dict[str, Any]) -> dict[str, Any]:
    cmd = request.get("cmd")
    if cmd == "render":
        result = synth.render(request["text"], request.get("voice"), request["rate"],
                              request["volume"], request["path"])
        return {"ok": True, **result}
    if cmd == "voices":
        return {"ok": True, "voices": synth.voices()}
    if cmd == "ping":
        return {"ok": True}
    return {"ok": False, "error": f"unknown command {cmd!r}"}


def main() -> int:
    # Keep the real stdout as our private channel, then point fd 1 (and
    # sys.stdout) at /dev/null so library chatter cannot corrupt the protocol.
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the process)
    try:
        synth = Synth()
    except Exception as exc:  # noqa: BLE001  (no espeak, broken install: tell the parent plainly)
        _send(channel, {"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return 2
    _send(channel, {"ready": True, "engine": synth.engine_id, "protocol": PROTOCOL, "pid": os.getpid()})
    for raw in sys.stdin:
        if not raw.strip():
            continue
        request = json.loads(raw)
        if request.get("cmd") == "quit":
            break
        try:
            reply = _handle(synth, request)
        except _Stuck as exc:
            reply = {"ok": False, "fatal": True, "error": str(exc)}
        except Exception as exc:  # noqa: BLE001  (one bad line must not end the worker)
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        _send(channel, {"id": request.get("id"), **reply})
    return 0


if __name__ == "__main__":
    sys.exit(main())
