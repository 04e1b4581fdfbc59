"""Handing results from worker threads to the GUI thread, safely.

A worker thread must never emit a signal of a QObject the GUI thread may delete
meanwhile (the picture cache of a player that was just closed, say): when the
deletion and the emit cross, Python dies with a segmentation fault. Workers call
`deliver(obj.method, *args)` instead. The one courier, living on the GUI thread
and never deleted, queues the call there, and runs it only if `obj` is still
alive (its Python object not collected, its Qt object not deleted).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal


class _Courier(QObject):
    carry = Signal(object)  # (weak method, args)

    def __init__(self) -> None:
        super().__init__()
        self.carry.connect(self._on_carry, Qt.ConnectionType.QueuedConnection)

    def _on_carry(self, parcel: object) -> None:
        ref, args = cast("tuple[Callable[[], Callable[..., object] | None], tuple[object, ...]]", parcel)
        method = ref()
        if method is None:
            return  # its object is gone: nobody is waiting
        owner = getattr(method, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return
        method(*args)


_courier: _Courier | None = None
_lock = threading.Lock()


def _the_courier() -> _Courier:
    global _courier
    with _lock:
        if _courier is None:
            courier = _Courier()
            app = QCoreApplication.instance()  # made by the first delivery, on whichever thread:
            if app is not None and courier.thread() is not app.thread():
                courier.moveToThread(app.thread())  # it lives on the GUI thread (allowed: it is still ours)
            _courier = courier
        return _courier


def deliver(method: Callable[..., Any], *args: object) -> None:
    """Run the bound method `method(*args)` on the GUI thread soon, unless its
    object has been deleted by then. Safe to call from any thread."""
    _the_courier().carry.emit((weakref.WeakMethod(method), args))  # type: ignore[arg-type]


__all__ = ["deliver"]
