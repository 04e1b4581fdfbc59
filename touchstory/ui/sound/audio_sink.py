"""The real audio output: one long-lived QAudioSink fed from the mixer.

Push mode: a worker QThread owns the QAudioSink and a 10 ms QTimer that tops
its buffer up with `mixer.pull()`. Living off the GUI thread keeps the sound
gapless while the GUI is busy painting or laying out. The sink is created
once and never per playback (see PLATFORM.md); when nothing plays, the mixer
simply gives silence.

PulseAudio gives a Qt stream only ~17 ms of buffer by default; on a busy
two-core machine that underruns (measured: 6-70 ms gaps under load). We ask
libpulse for PULSE_LATENCY_MSEC=120 (unless the user set it) and keep 100 ms
queued in the sink: measured gap-free in the real-playback test with both cores
held busy by other processes (also with the GUI thread busy) and in recordings
of the whole app narrating. A tap is heard ~0.2 s later (it was ~0.45 s with
250 ms + 200 ms). The mixer is told the delay so word highlighting stays in step.

No device (no outputs listed, OpenError, or a fatal error later): the mixer is
kept moving on a clock by a NullOutput so narration still ends and fades still
finish, and `problem_changed` is emitted once with a line for the user.
`QAudioSink.stateChanged` can't be connected to Python in PySide6 6.11, so
the worker polls `error()` instead.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import (
    QCoreApplication,
    QIODevice,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtMultimedia import (
    QAudio,
    QAudioDevice,
    QAudioFormat,
    QAudioSink,
    QMediaDevices,
)

from touchstory.audio.mixer import Mixer
from touchstory.audio.output import NullOutput
from touchstory.audio.sound import RATE, to_int16

log = logging.getLogger(__name__)

NO_DEVICE = "No sound output was found, so touchstory is playing silently. Connect speakers or headphones to hear it."
DEVICE_FAILED = "The sound output stopped working, so touchstory is playing silently. Check the speakers, then restart the story."

_BYTES_PER_FRAME = 4  # stereo int16
PULSE_LATENCY_MS = 120


class _Pump(QObject):
    """Lives in the audio thread: owns the QAudioSink and keeps it fed."""

    failed = Signal(str)

    def __init__(self, device: QAudioDevice, buffer_seconds: float, server_latency: float) -> None:
        super().__init__()
        self._device, self._buffer_seconds = device, buffer_seconds
        self._server_latency = server_latency
        self._mixer: Mixer | None = None
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self._pending = b""
        self._timer: QTimer | None = None

    def set_mixer(self, mixer: Mixer) -> None:
        self._mixer = mixer  # read from the audio thread; a plain reference swap is atomic

    @Slot()
    def begin(self) -> None:
        fmt = QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(2)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(self._device, fmt, self)
        self._sink.setBufferSize(int(self._buffer_seconds * RATE) * _BYTES_PER_FRAME)
        self._io = self._sink.start()
        if self._io is None or self._sink.error() in (QAudio.Error.OpenError, QAudio.Error.FatalError):
            self._give_up()
            return
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._feed)
        self._timer.start(10)
        self._feed()

    @Slot()
    def end(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._sink is not None:
            self._sink.stop()
        self._timer = self._sink = self._io = None

    @Slot()
    def _feed(self) -> None:
        sink, io, mixer = self._sink, self._io, self._mixer
        if sink is None or io is None:
            return
        if sink.error() in (QAudio.Error.OpenError, QAudio.Error.FatalError, QAudio.Error.IOError):
            self._give_up()
            return
        free = sink.bytesFree()
        if mixer is not None:
            queued = sink.bufferSize() - free
            mixer.set_output_latency(queued / (RATE * _BYTES_PER_FRAME) + self._server_latency)
        if not self._pending and mixer is not None:
            frames = free // _BYTES_PER_FRAME
            if frames < 256:
                return
            self._pending = to_int16(mixer.pull(frames)).tobytes()
        if self._pending:
            written = io.write(self._pending)
            if written and written > 0:
                self._pending = self._pending[written:]

    def _give_up(self) -> None:
        error = self._sink.error() if self._sink is not None else None
        log.warning("audio output failed (%s); playing silently", error)
        self.end()
        self.failed.emit(DEVICE_FAILED)


class QtAudioSink(QObject):
    """AudioOutput through Qt Multimedia (PulseAudio / PipeWire on Linux)."""

    problem_changed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, buffer_seconds: float = 0.1,
                 device: QAudioDevice | None = None) -> None:
        super().__init__(parent)
        # read by libpulse when the stream connects, so it must be set before that
        os.environ.setdefault("PULSE_LATENCY_MSEC", str(PULSE_LATENCY_MS))
        self._buffer_seconds = buffer_seconds
        outputs = QMediaDevices.audioOutputs()
        self._device = device if device is not None else (
            QMediaDevices.defaultAudioOutput() if outputs else None)
        self._problem: str | None = None if self._device is not None and not self._device.isNull() else NO_DEVICE
        self._fallback = NullOutput(realtime=True)
        self._thread: QThread | None = None
        self._pump: _Pump | None = None
        self._mixer: Mixer | None = None
        self._told = False

    @property
    def available(self) -> bool:
        return self._problem is None

    @property
    def problem(self) -> str | None:
        return self._problem

    def start(self, mixer: Mixer) -> None:
        """Begin playing `mixer` (again). Tells `problem_changed` once if silent."""
        self._mixer = mixer
        if self._problem is not None:
            self._play_silently()
            return
        if self._pump is None and self._device is not None:
            self._thread = QThread()
            self._thread.setObjectName("touchstory-audio")
            latency = _env_seconds("PULSE_LATENCY_MSEC", PULSE_LATENCY_MS / 1000)
            self._pump = _Pump(self._device, self._buffer_seconds, latency)
            self._pump.moveToThread(self._thread)
            self._pump.failed.connect(self._on_pump_failed, Qt.ConnectionType.QueuedConnection)
            self._pump.set_mixer(mixer)
            self._thread.start()
            QMetaObject.invokeMethod(self._pump, "begin", Qt.ConnectionType.QueuedConnection)
            app = QCoreApplication.instance()
            if app is not None:  # a QThread still running at exit aborts the process
                app.aboutToQuit.connect(self.stop)
        elif self._pump is not None:
            self._pump.set_mixer(mixer)

    def stop(self) -> None:
        """Stop for good (app shutdown): the sink and its thread are closed."""
        self._fallback.stop()
        if self._pump is not None and self._thread is not None:
            if self._thread.isRunning():  # a blocking call into a dead thread would hang
                QMetaObject.invokeMethod(self._pump, "end", Qt.ConnectionType.BlockingQueuedConnection)
            self._thread.quit()
            self._thread.wait(3000)
        # the pump's thread has ended, so dropping our references deletes it here
        self._pump = self._thread = None

    @Slot(str)
    def _on_pump_failed(self, text: str) -> None:
        self._problem = text
        self.stop()
        self._play_silently()

    def _play_silently(self) -> None:
        if self._mixer is not None and not self._fallback.running:
            self._fallback.start(self._mixer)
        if not self._told and self._problem is not None:
            self._told = True
            self.problem_changed.emit(self._problem)


def _env_seconds(name: str, default: float) -> float:
    try:
        return float(os.environ[name]) / 1000
    except (KeyError, ValueError):
        return default
