""""Make an audio file": real exports of a tiny story from the dialog, measured on
the file written (length, progress to 100 %, cancel leaves nothing, clear
messages when the folder can't be written or there is no voice), the library's
way in (a card's menu, File menu), and screenshots in the bedtime theme."""

from __future__ import annotations

import errno
import os
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QUrl

from test_library_kit import Built, built, grab, settle, story_root  # noqa: F401  (fixtures)
from touchstory.errors import SpeechError
from touchstory.export.session import LEAD_IN, session_pieces
from touchstory.speech.engine import NullSpeechEngine, espeak_library_present
from touchstory.story.duration import reading_seconds
from touchstory.story.packs import PackRegistry
from touchstory.story.parser import load_story
from touchstory.ui.export import dialog as export_dialog
from touchstory.ui.export import job as export_job
from touchstory.export.files import file_name_for, length_text
from touchstory.ui.export.dialog import NO_SOUNDSCAPE, ExportDialog, State
from touchstory.ui.export.job import Trouble, describe_failure
from touchstory.ui.theme import theme_by_name

TINY = """title: The Tiny Moon
soundscape: rain

# Night
[calm] The moon is up.
[circle x2] Round and round, {pause 1s} the stars go.
[calm] Goodnight.
"""
LONG = "title: A Long Wait\nsoundscape: none\n\n# Wait\n" + "[calm] Wait with me. {pause 60s}\n" * 20  # 20 min


@pytest.fixture(scope="module")
def registry() -> PackRegistry:
    return PackRegistry.default()


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One cache for the module: each soundscape is made once."""
    return tmp_path_factory.mktemp("cache")


def _story(tmp_path: Path, registry: PackRegistry, text: str = TINY):
    path = tmp_path / "story" / "tiny.story"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    story = load_story(path, registry).story
    assert story is not None
    return story, registry.get(story.meta.pack)


def _dialog(qtbot, tmp_path: Path, registry: PackRegistry, text: str = TINY, **kwargs) -> ExportDialog:
    story, pack = _story(tmp_path, registry, text)
    kwargs.setdefault("folder", tmp_path / "out")
    kwargs.setdefault("cache_dir", tmp_path / "cache")
    dialog = ExportDialog(story, pack, theme=theme_by_name("bedtime"), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(dialog: ExportDialog, *, name: str, soundscape: str | None = "noise",
            narration: bool = False) -> Path:
    out = dialog.out_path.parent / name
    dialog.path_edit.setText(str(out))
    dialog.path_edit.textEdited.emit(str(out))
    dialog.soundscape_box.setCurrentIndex(dialog.soundscape_box.findData(soundscape))
    dialog.narration.setChecked(narration)
    return out


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def _samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as w:
        data = np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, w.getnchannels())
        return data.astype(np.float32) / 32768.0, w.getframerate()


def _run(qtbot, dialog: ExportDialog, timeout: int = 30_000) -> list[int]:
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.make_button.click()
    qtbot.waitUntil(lambda: dialog.state is not State.WORKING, timeout=timeout)
    assert dialog.wait(5000)
    return seen


def test_stroke_time_and_levels_from_settings_reach_the_file(qtbot, tmp_path: Path, registry: PackRegistry,
                                                            cache: Path):
    from touchstory.journal.settings import Settings, Volumes

    settings = Settings(volumes=Volumes(voice=0.7, soundscape=0.4))
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache, settings=settings)
    assert dialog.pace_box.currentData() == 1.0  # as the story has it
    usual = dialog.seconds_estimate()
    dialog.pace_box.setCurrentIndex(dialog.pace_box.findData(2.0))
    assert dialog.seconds_estimate() > usual + 10, "twice the stroke time makes a longer file"
    assert "min" in dialog.estimate.text() or "s" in dialog.estimate.text()
    request = dialog.request()
    assert request.pace == 2.0 and request.volumes == Volumes(voice=0.7, soundscape=0.4)
    out = _choose(dialog, name="slow.wav", soundscape="noise")
    _run(qtbot, dialog)
    assert _seconds(out) == pytest.approx(dialog.seconds_estimate(), abs=1.0)


def test_a_page_sound_that_cannot_be_read_is_told_and_the_file_still_made(qtbot, tmp_path: Path,
                                                                          registry: PackRegistry, cache: Path):
    text = TINY + "\n# Sea\nsoundscape: sounds/waves.ogg\n[wave] Waves.\n"  # no such file
    dialog = _dialog(qtbot, tmp_path, registry, text, cache_dir=cache)
    out = _choose(dialog, name="waves.wav", soundscape=None)
    _run(qtbot, dialog)
    assert dialog.state is State.SAVED and out.is_file()
    assert dialog.warning.isVisible()
    assert "waves.ogg was not found" in dialog.warning.text() and "plays on" in dialog.warning.text()
    grab(dialog, "export-dialog-saved-with-a-note-bedtime")


def test_a_story_with_page_soundscapes_says_so(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, TINY + "\n# Sea\nsoundscape: sea\n[wave] Waves.\n", cache_dir=cache)
    assert dialog.soundscape_box.itemText(0) == "The story's own: Soft rain, changing with the pages"
    assert dialog.soundscape_box.currentData() is None


def test_the_dialog_starts_with_sensible_choices(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache)
    assert dialog.out_path == tmp_path / "out" / "The Tiny Moon.ogg"
    assert dialog.format_box.currentData() == ".ogg"
    boxes = [dialog.soundscape_box.itemText(i) for i in range(dialog.soundscape_box.count())]
    assert boxes[0] == "The story's own: Soft rain" and dialog.soundscape_box.currentIndex() == 0
    assert len(boxes) == 1 + 7 + 1 and boxes[-1].startswith("None")
    assert dialog.speed_box.currentData() == 125, "bedtime speed unless Settings chose another"
    assert dialog.estimate.text().startswith("About ") and "MB" in dialog.estimate.text()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".wav"))
    assert dialog.out_path.name == "The Tiny Moon.wav"
    dialog.path_edit.setText(str(tmp_path / "x.mp3"))
    dialog.path_edit.textEdited.emit(str(tmp_path / "x.mp3"))
    assert dialog.format_box.currentData() == ".mp3"
    assert not dialog.progress.isVisible() and not dialog.open_folder_button.isVisible()


def test_file_names_and_lengths_read_well():
    assert file_name_for("Sun/Moon: a \"night\" story?") == "Sun Moon a night story.ogg"
    assert file_name_for("...") == "story.ogg"
    assert length_text(192.4) == "3 min 12 s" and length_text(45) == "45 s"


def test_export_without_narration_makes_the_whole_session(qtbot, tmp_path: Path, registry: PackRegistry,
                                                         cache: Path, monkeypatch):
    threads: list[threading.Thread] = []
    real = export_job.export_story
    monkeypatch.setattr(export_job, "export_story",
                        lambda *a, **k: (threads.append(threading.current_thread()), real(*a, **k))[1])
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache)
    out = _choose(dialog, name="tiny.wav")
    seen = _run(qtbot, dialog)
    assert dialog.state is State.SAVED, dialog.status.text()
    assert threads and threads[0] is not threading.main_thread(), "the export runs off the GUI thread"
    pieces = session_pieces(dialog._story, dialog._pack)
    expected = LEAD_IN + sum(reading_seconds(p.text) + p.hold for p in pieces) + 30.0 + 20.0  # wind-down, fade
    assert out.is_file() and _seconds(out) == pytest.approx(expected, abs=0.01)
    assert dialog.export_result is not None and dialog.export_result.duration == pytest.approx(_seconds(out), abs=0.01)
    assert seen == sorted(seen) and seen[-1] == 100 and dialog.progress.value() == 100
    assert dialog.status.text().replace("\u00a0", " ") == f"Saved: {out} ({length_text(_seconds(out))})"
    assert dialog.open_folder_button.isVisible() and dialog.cancel_button.text() == "Close"
    assert list(out.parent.glob(".touchstory-*")) == []
    # The made file is kept as export_result; QDialog.result() (the dialog's code) still works
    # (it was hidden by an ExportResult, so calling it raised TypeError).
    assert dialog.result() == 0 and isinstance(dialog.export_result.path, Path)
    opened: list[QUrl] = []
    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", opened.append)
    dialog.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(out.parent))]


def test_the_soundscape_winds_down_and_fades_at_the_end(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache)
    out = _choose(dialog, name="bed.wav", soundscape=None)  # the story's own: rain
    _run(qtbot, dialog)
    assert dialog.state is State.SAVED, dialog.status.text()
    data, rate = _samples(out)
    spoken = LEAD_IN + sum(reading_seconds(p.text) + p.hold for p in session_pieces(dialog._story, dialog._pack))
    assert len(data) / rate == pytest.approx(spoken + 30.0 + 20.0, abs=0.01), "wind-down 30 s + fade 20 s"
    middle = np.sqrt(np.mean(data[int(5 * rate):int(10 * rate)] ** 2))
    assert middle > 1e-3, "the rain is under the session"
    assert np.abs(data[-int(0.05 * rate):]).max() == 0.0, "it fades to silence"


@pytest.mark.skipif(not espeak_library_present(), reason="needs libespeak-ng")
def test_export_with_real_narration(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache)
    out = _choose(dialog, name="spoken.wav", soundscape=NO_SOUNDSCAPE, narration=True)
    dialog.speed_box.setCurrentIndex(dialog.speed_box.findData(160))
    start = time.perf_counter()
    seen = _run(qtbot, dialog, timeout=10_000)
    took = time.perf_counter() - start
    assert dialog.state is State.SAVED, dialog.status.text()
    assert took < 10.0 and seen[-1] == 100
    data, rate = _samples(out)
    assert dialog.export_result is not None and len(data) / rate == pytest.approx(dialog.export_result.duration, abs=0.01)
    assert np.abs(data[: int(rate * LEAD_IN * 0.9)]).max() < 1e-3, "nothing is said in the lead-in"
    voice = np.sqrt(np.mean(data[int(rate * LEAD_IN):int(rate * (LEAD_IN + 1.5))] ** 2))
    assert voice > 0.01, "then the permission question is spoken"


def test_cancel_really_stops_and_leaves_no_file(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, LONG, cache_dir=cache)
    out = _choose(dialog, name="long.wav")
    dialog.make_button.click()
    assert dialog.state is State.WORKING and dialog.cancel_button.text() == "Cancel"
    assert not dialog.form_box.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 5, timeout=10_000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.state is State.READY, timeout=5_000)
    assert dialog.wait(5000)
    assert dialog.status.text() == "Stopped. No file was saved."
    assert not out.exists() and list(out.parent.glob(".touchstory-*")) == []
    assert dialog.isVisible(), "cancel stops the export; a second press closes"
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_closing_while_working_stops_the_export(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, LONG, cache_dir=cache)
    out = _choose(dialog, name="closed.ogg")
    dialog.make_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 5, timeout=10_000)
    dialog.reject()
    assert dialog.wait(100)
    assert not out.exists() and list(out.parent.glob(".touchstory-*")) == []


def test_a_folder_that_cannot_be_written_is_named(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be")
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache, folder=blocker / "music")
    _choose(dialog, name="x.wav")
    _run(qtbot, dialog)
    assert dialog.state is State.READY
    assert dialog.status.isVisible() and dialog.status.property("trouble")
    assert dialog.status.text() == f"{blocker} is not a folder touchstory can save in. Choose another folder."
    assert not dialog.music_only_button.isVisible()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_says_so(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache, folder=locked)
        _choose(dialog, name="x.wav")
        _run(qtbot, dialog)
        assert f"not allowed to save in {locked}" in dialog.status.text()
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize("code,words", [
    (errno.ENOSPC, "The disk is full: there is no room for {out}."),
    (errno.EACCES, "touchstory is not allowed to save in {folder}."),
    (errno.EROFS, "touchstory is not allowed to save in {folder}."),
])
def test_write_failures_are_said_plainly(tmp_path: Path, code: int, words: str):
    out = tmp_path / "music" / "story.ogg"
    cause = OSError(code, os.strerror(code))
    wrapped = export_job.AudioError(f"Could not write {out}: {cause.strerror}")
    wrapped.__cause__ = cause
    failure = describe_failure(wrapped, out)
    assert failure.trouble is Trouble.CANT_WRITE
    assert failure.message.startswith(words.format(out=out, folder=out.parent))


def test_no_voice_engine_offers_a_music_only_file(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache, engine_factory=NullSpeechEngine)
    assert not dialog.narration.isEnabled() and not dialog.narration.isChecked()
    assert dialog.warning.isVisible() and dialog.warning.text().startswith("No voice engine was found")
    assert dialog.make_button.text() == "Make a music-only file"
    out = _choose(dialog, name="music.wav")
    _run(qtbot, dialog)
    assert dialog.state is State.SAVED and out.is_file()


def test_no_voice_and_no_soundscape_would_be_silent(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache)
    out = _choose(dialog, name="silent.wav", soundscape=NO_SOUNDSCAPE)
    dialog.make_button.click()
    assert dialog.state is State.READY and not out.exists()
    assert dialog.status.text().startswith("With no voice and no soundscape the file would be silent")


class _BrokenVoice(NullSpeechEngine):
    """Says it is there, then fails at the first line (a crashed synthesiser)."""

    @property
    def available(self) -> bool:
        return True

    def render(self, text, voice):
        raise SpeechError("The voice engine stopped working.")


def test_a_voice_that_fails_offers_to_go_on_without_it(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, cache_dir=cache, engine_factory=_BrokenVoice)
    out = _choose(dialog, name="voice.wav", narration=True)
    _run(qtbot, dialog)
    assert dialog.state is State.READY and not out.exists()
    assert dialog.status.text().startswith("The voice engine stopped working. You can still make the file")
    assert dialog.music_only_button.isVisible()
    dialog.music_only_button.click()
    qtbot.waitUntil(lambda: dialog.state is State.SAVED, timeout=20_000)
    assert out.is_file() and not dialog.narration.isChecked()


# -- the library's way in --------------------------------------------------------------------------


def test_a_cards_menu_makes_an_audio_file(qtbot, built: Built):  # noqa: F811
    entry = built.entry("Café Dreams")
    action = next(a for a in built.window.menus.card_menu(entry).actions() if a.text() == "Make an audio file…")
    action.trigger()
    dialogs = built.window.findChildren(ExportDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert dialogs[0].out_path.name == "Café Dreams.ogg"
    dialogs[0].reject()


def test_the_file_menu_uses_the_chosen_story(qtbot, built: Built):  # noqa: F811
    file_menu = built.window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text().startswith("Make an &audio file"))
    assert action is built.window.menus.audio_file_action
    built.window.grid.setCurrentIndex(built.index_of("The Sleepy Sea"))
    action.trigger()
    dialog = built.window.findChildren(ExportDialog)[-1]
    assert dialog.heading.text() == "Make an audio file of “The Sleepy Sea”"
    dialog.reject()
    built.window.show_file_problems(built.entry("The Sleepy Sea").path, [])  # no card chosen on that page
    assert built.window.menus.make_audio_file() is None
    assert "Choose a story first" in built.window.notice_bar.label.text()


# -- screenshots -----------------------------------------------------------------------------------


def test_screenshots_mid_export_and_finished(qtbot, tmp_path: Path, registry: PackRegistry, cache: Path):
    dialog = _dialog(qtbot, tmp_path, registry, LONG, cache_dir=cache)
    _choose(dialog, name="A Long Wait.ogg")  # 20 minutes to encode: still at work when grabbed
    dialog.make_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 15, timeout=20_000)
    path, image = grab(dialog, "export-dialog-working-bedtime")
    assert dialog.state is State.WORKING and path.is_file() and not image.isNull()
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.state is State.READY, timeout=5_000)

    done = _dialog(qtbot, tmp_path / "b", registry, cache_dir=cache)
    _choose(done, name="The Tiny Moon.wav")
    _run(qtbot, done)
    assert done.state is State.SAVED
    path, image = grab(done, "export-dialog-saved-bedtime")
    assert path.is_file()
    settle(20)
