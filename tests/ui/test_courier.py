"""Results from worker threads reach the GUI thread, and a receiver deleted
meanwhile is simply not told: closing a player while its pictures are still being
drawn must never crash the app (CI once died with a segmentation fault there)."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QObject, QSize, QThread

from screenshots.helpers import load, make_player, settle
from touchstory.resources import bundled_stories_dir
from touchstory.ui.courier import deliver
from touchstory.ui.player.pictures import PictureCache


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[int, bool]] = []

    def take(self, value: int) -> None:
        self.calls.append((value, QThread.currentThread() is self.thread()))


def _from_a_worker(*parcels) -> None:
    thread = threading.Thread(target=lambda: [deliver(m, *a) for m, a in parcels])
    thread.start()
    thread.join()


def test_a_delivery_runs_on_the_gui_thread(qapp):
    receiver = _Receiver()
    _from_a_worker((receiver.take, (1,)), (receiver.take, (2,)))
    assert receiver.calls == []  # queued, never run on the worker
    settle(50)
    assert receiver.calls == [(1, True), (2, True)]


def test_a_receiver_deleted_before_delivery_is_not_called(qapp):
    gone, kept = _Receiver(), _Receiver()
    method = gone.take
    _from_a_worker((method, (1,)), (kept.take, (2,)))
    shiboken6.delete(gone)
    settle(50)
    assert kept.calls == [(2, True)]


def test_a_receiver_collected_before_delivery_is_not_called(qapp):
    receiver = _Receiver()
    _from_a_worker((receiver.take, (1,)))
    del receiver
    settle(50)  # nothing to call, nothing raised


def test_picture_caches_deleted_while_drawing_do_not_crash(qapp):
    pictures = sorted(bundled_stories_dir().glob("*/pictures/*.svg"))[:6]
    assert pictures
    for round_ in range(12):
        cache = PictureCache()
        cache.request(pictures, QSize(1200 + round_, 700))
        time.sleep(0.01 * (round_ % 4))  # deleted at different moments of a render
        cache.shutdown()
        shiboken6.delete(cache)
    settle(400)  # the renders in flight finish and find nobody


def test_closing_players_at_once_while_pictures_render(qtbot):
    story, pack = load("the-sleepy-balloon")
    for _ in range(6):
        player, _clock = make_player(qtbot, story, pack, size=(1920, 1080))
        player.close()
        player.deleteLater()
    settle(400)
    survivor, _clock = make_player(qtbot, story, pack)
    assert survivor.isVisible()


def test_the_first_delivery_may_come_from_a_worker(tmp_path):
    """The courier is made by whoever delivers first; made on a worker, it still
    hands the call to the GUI thread (a fresh process, so nothing made it before)."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import threading
        from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer
        from touchstory.ui.courier import deliver
        app = QCoreApplication([])
        class R(QObject):
            def take(self, value):
                print("took", value, QThread.currentThread() is app.thread(), flush=True)
                app.quit()
        r = R()
        threading.Thread(target=lambda: deliver(r.take, 7)).start()
        QTimer.singleShot(5000, app.quit)
        app.exec()
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "took 7 True", done.stdout + done.stderr
