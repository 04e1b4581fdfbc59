"""Which screen the projector goes on, and unplugging it mid-session.

Two screens come from Qt's offscreen platform config file (PLATFORM.md, "Several
screens in tests"); the platform is fixed per process, so those tests run a small
script in a subprocess. The projector screen is unplugged for real: the script
gives Qt's offscreen platform a new screen list through its own
`setConfiguration` hook (reached with ctypes), which removes the screen exactly
as a cable pulled out would (QGuiApplication::screenRemoved, the QScreen deleted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from touchstory.ui.classroom.screens import ScreenInfo, choose_console, choose_projector

LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "logicalBaseDpi": 96,
          "dpr": 1}
PROJECTOR = {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
             "logicalBaseDpi": 96, "dpr": 1}

LAP, BIG, TV = ScreenInfo("laptop", 1280, 800, True), ScreenInfo("projector", 1920, 1080), ScreenInfo("tv", 1280, 720)


@pytest.mark.parametrize("screens, wanted, projector, console", [
    ([LAP], "", 0, 0),
    ([LAP, BIG], "", 1, 0),
    ([BIG, LAP], "", 0, 1),
    ([LAP, TV, BIG], "", 2, 0),  # the largest screen that is not the laptop
    ([LAP, TV, BIG], "tv", 1, 0),  # the teacher's choice, remembered by name
    ([LAP, BIG], "laptop", 0, 1),
    ([LAP, BIG], "gone", 1, 0),  # a remembered screen that is not plugged in
])
def test_choosing_screens(screens, wanted, projector, console):
    assert choose_projector(screens, wanted) == projector
    assert choose_console(screens, projector) == console


SCRIPT = r'''
import ctypes, json, os, sys
from pathlib import Path
import PySide6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])

from touchstory.journal.settings import Settings
from touchstory.pacing.clock import FakeClock
from touchstory.paths import UserPaths
from touchstory.story.packs import PackRegistry
from touchstory.ui.classroom import open_classroom

LIB = os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib")


def screen_config_setter():
    """Qt's offscreen platform's own setConfiguration(QJsonObject), or None."""
    try:
        gui = ctypes.CDLL(os.path.join(LIB, "libQt6Gui.so.6"))
        core = ctypes.CDLL(os.path.join(LIB, "libQt6Core.so.6"))
        get_iface = gui._ZN15QGuiApplication23platformNativeInterfaceEv
        make_bytes = core._ZN10QByteArrayC1EPKcx
        from_json = core._ZN13QJsonDocument8fromJsonERK10QByteArrayP15QJsonParseError
        to_object = core._ZNK13QJsonDocument6objectEv
    except (OSError, AttributeError):
        return None
    get_iface.restype = ctypes.c_void_p
    make_bytes.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_ssize_t]
    from_json.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    to_object.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    keep = []

    def qbytes(data):
        buf = ctypes.create_string_buffer(64)
        make_bytes(ctypes.addressof(buf), data, len(data))
        keep.append(buf)
        return buf

    iface = get_iface()
    if not iface:
        return None
    vtable = ctypes.cast(ctypes.cast(iface, ctypes.POINTER(ctypes.c_void_p))[0], ctypes.POINTER(ctypes.c_void_p))
    # QPlatformNativeInterface::nativeResourceForIntegration: the first virtual after QObject's twelve
    resource = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(vtable[12])
    pointer = resource(iface, ctypes.addressof(qbytes(b"setConfiguration")))
    if not pointer:
        return None
    setter = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(pointer)

    def set_screens(screens):
        doc = ctypes.create_string_buffer(64)
        obj = ctypes.create_string_buffer(64)
        from_json(ctypes.addressof(doc), ctypes.addressof(qbytes(json.dumps({"screens": screens}).encode())), None)
        to_object(ctypes.addressof(obj), ctypes.addressof(doc))
        keep.extend((doc, obj))
        setter(ctypes.addressof(obj), iface)

    return set_screens


def settle():
    for _ in range(20):
        app.processEvents()


def state(c):
    p = c.projector
    g = p.geometry()
    return {"screen": p.screen().name(), "geometry": [g.x(), g.y(), g.width(), g.height()],
            "full": p.isFullScreen(), "visible": p.isVisible(), "console_screen": c.console.screen().name(),
            "compact": c.console.compact, "screens": [s.name() for s in app.screens()],
            "text": p.shown_text(), "choices": [c.console.screen_box.itemText(i)
                                                for i in range(c.console.screen_box.count())]}


out = {}
remembered = sys.argv[1]
settings = Settings(projector_screen=remembered)
saved = []
c = open_classroom(None, packs=PackRegistry.default(), settings=settings, paths=UserPaths.default().ensure(),
                   clock=FakeClock())
c.settings_changed.connect(lambda s: saved.append(s.projector_screen))
settle()
out["start"] = state(c)
if remembered == "":
    c.console.screen_requested.emit("laptop")
    settle()
    out["chose_laptop"] = state(c)
    c.console.screen_requested.emit("projector")
    settle()
    out["chose_projector"] = state(c)
    out["saved"] = saved
    set_screens = screen_config_setter()
    if set_screens is None:
        out["unplug"] = None
    else:
        set_screens([json.loads(sys.argv[2])])
        settle()
        out["unplugged"] = state(c)
        c.group.next()
        settle()
        out["after_next"] = state(c)
        set_screens(json.loads(sys.argv[3]))
        settle()
        out["plugged_back"] = state(c)
c.close()
settle()
print("RESULT " + json.dumps(out))
'''


def run_two_screens(tmp_path: Path, remembered: str = "") -> dict:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [LAPTOP, PROJECTOR]}), encoding="utf-8")
    script = tmp_path / "two_screens.py"
    script.write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "TOUCHSTORY_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, str(script), remembered, json.dumps(LAPTOP),
                           json.dumps([LAPTOP, PROJECTOR])], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, f"crashed ({done.returncode}):\n{done.stderr[-3000:]}"
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


@pytest.fixture(scope="module")
def two_screens(tmp_path_factory) -> dict:
    return run_two_screens(tmp_path_factory.mktemp("screens"))


def test_projector_goes_full_screen_on_the_projector_and_the_console_stays_on_the_laptop(two_screens):
    start = two_screens["start"]
    assert start["screens"] == ["laptop", "projector"]
    assert start["screen"] == "projector" and start["full"] and start["geometry"] == [1280, 0, 1920, 1080]
    assert start["console_screen"] == "laptop" and not start["compact"]
    assert start["choices"] == ["laptop (1280×800)", "projector (1920×1080)"]


def test_the_teacher_can_choose_the_screen_and_it_is_remembered(two_screens):
    assert two_screens["chose_laptop"]["screen"] == "laptop"
    assert two_screens["chose_laptop"]["geometry"] == [0, 0, 1280, 800]
    assert two_screens["chose_laptop"]["console_screen"] == "projector"
    assert two_screens["chose_projector"]["screen"] == "projector"
    assert two_screens["saved"] == ["laptop", "projector"]


def test_unplugging_the_projector_moves_the_window_without_a_crash(two_screens):
    if two_screens.get("unplug", True) is None:
        pytest.skip("this Qt's offscreen platform offers no setConfiguration hook to unplug a screen")
    gone = two_screens["unplugged"]
    assert gone["screens"] == ["laptop"]
    assert gone["screen"] == "laptop" and gone["visible"] and gone["full"]
    assert gone["geometry"] == [0, 0, 1280, 800]  # on the laptop's screen, not off in the void
    assert gone["compact"]  # one screen now: the console becomes the small window on top
    assert two_screens["after_next"]["text"] != gone["text"]  # and the session carries on
    back = two_screens["plugged_back"]
    assert back["screen"] == "projector" and back["geometry"] == [1280, 0, 1920, 1080] and not back["compact"]


def test_a_remembered_screen_is_used(tmp_path):
    result = run_two_screens(tmp_path, remembered="laptop")
    assert result["start"]["screen"] == "laptop" and result["start"]["console_screen"] == "projector"
