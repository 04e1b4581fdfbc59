"""The Settings dialog's "Voice and sound" page: voices arrive from a blocking
callable run off the GUI thread, "Hear it" previews the chosen voice and speed,
settings() reads every control, and a missing voice engine is said plainly while
the background sound settings keep working. Screenshots go to $TOUCHSTORY_SHOTS
or /tmp/touchstory-shots."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel

from test_library_kit import Built, built, grab, story_root  # noqa: F401  (fixtures)
from touchstory.journal.settings import Settings, Volumes
from touchstory.pacing.modes import Mode
from touchstory.speech.engine import NO_ENGINE_MESSAGE, Voice
from touchstory.speech.voices import MAX_WPM, MIN_WPM, Speed
from touchstory.ui.library.settings_dialog import SettingsDialog
from touchstory.ui.library.sound_settings import BEST_VOICE
from touchstory.ui.theme import theme_by_name

VOICES = [
    Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
    Voice("gmw/en-us", "English (America)", ("en-us",)),
    Voice("roa/fr", "French (France)", ("fr-fr",)),
    Voice("gmw/de", "German", ("de",)),
]


class FakeVoices:
    """A slow voices() that records which thread called it."""

    def __init__(self, voices=VOICES, fail: bool = False) -> None:
        self.voices, self.fail = voices, fail
        self.threads: list[threading.Thread] = []
        self.release = threading.Event()

    def __call__(self) -> list[Voice]:
        self.threads.append(threading.current_thread())
        self.release.wait(5)
        if self.fail:
            raise RuntimeError("the voice engine stopped")
        return list(self.voices)


def dialog_for(qtbot, settings: Settings | None = None, theme: str = "bedtime", **kw) -> SettingsDialog:
    kw.setdefault("sound_available", True)
    dialog = SettingsDialog(settings or Settings(), theme_by_name(theme), **kw)
    qtbot.addWidget(dialog)
    return dialog


def open_sound_tab(dialog: SettingsDialog) -> None:
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)


def test_voices_arrive_off_the_gui_thread(qtbot):
    fake = FakeVoices()
    dialog = dialog_for(qtbot, Settings(voice_id="roa/fr"), voices=fake)
    assert not fake.threads, "the voice engine is not started until the page is shown"
    open_sound_tab(dialog)
    assert dialog.sound.voice_status.text() == "Looking for voices…" and not dialog.sound.voice_status.isHidden()
    assert dialog.sound.voice.currentData() == "roa/fr", "the saved voice is kept while the list loads"
    fake.release.set()
    qtbot.waitUntil(lambda: dialog.sound.voice.count() > len(VOICES), timeout=5000)
    assert fake.threads[0] is not threading.main_thread()
    assert QThread.currentThread() is QApplication.instance().thread()
    # the plain voices, plus espeak's variants ("gmw/en+f1") of the computer's language's voices
    rows = [(dialog.sound.voice.itemText(i), str(dialog.sound.voice.itemData(i)))
            for i in range(dialog.sound.voice.count())]
    assert rows[0][0] == BEST_VOICE and {n for n, d in rows[1:] if "+" not in d} == {v.name for v in VOICES}
    assert dialog.sound.voice.currentData() == "roa/fr" and dialog.sound.voice.currentText() == "French (France)"
    assert dialog.sound.voice_status.isHidden()
    dialog.tabs.setCurrentIndex(0)
    open_sound_tab(dialog)
    assert len(fake.threads) == 1, "asked once"


def test_a_saved_voice_that_is_gone_is_not_lost(qtbot):
    fake = FakeVoices()
    fake.release.set()
    dialog = dialog_for(qtbot, Settings(voice_id="gone/voice"), voices=fake)
    open_sound_tab(dialog)
    qtbot.waitUntil(lambda: dialog.sound.voice_status.isHidden(), timeout=5000)
    assert dialog.sound.voice.currentData() == "gone/voice"
    assert "not found" in dialog.sound.voice.currentText()
    assert dialog.settings().voice_id == "gone/voice"


def test_voices_that_fail_or_are_none_say_so(qtbot):
    fake = FakeVoices(fail=True)
    fake.release.set()
    dialog = dialog_for(qtbot, voices=fake)
    open_sound_tab(dialog)
    qtbot.waitUntil(lambda: "could not be read" in dialog.sound.voice_status.text(), timeout=5000)
    assert "the voice engine stopped" in dialog.sound.voice_status.text()
    assert dialog.sound.voice.count() == 1 and dialog.settings().voice_id == ""

    empty = FakeVoices(voices=[])
    empty.release.set()
    other = dialog_for(qtbot, voices=empty)
    open_sound_tab(other)
    qtbot.waitUntil(lambda: "No voices" in other.sound.voice_status.text(), timeout=5000)


def test_hear_it_previews_the_chosen_voice_and_speed(qtbot):
    fake = FakeVoices()
    fake.release.set()
    heard: list[tuple[str, str, int]] = []
    dialog = dialog_for(qtbot, voices=fake, preview=lambda *a: heard.append(a))
    open_sound_tab(dialog)
    qtbot.waitUntil(lambda: dialog.sound.voice.count() > 1, timeout=5000)
    dialog.sound.voice.setCurrentIndex(dialog.sound.voice.findData("roa/fr"))
    dialog.sound.speed.setCurrentIndex(dialog.sound.speed.findData(Speed.BEDTIME.wpm))
    dialog.sound.hear.click()
    assert heard[-1] == ("roa/fr", "fr-fr", Speed.BEDTIME.wpm)
    dialog.sound.speed.setCurrentIndex(dialog.sound.speed.findText("My own speed"))
    dialog.sound.rate.setValue(180)
    dialog.sound.voice.setCurrentIndex(0)
    dialog.sound.hear.click()
    voice_id, language, wpm = heard[-1]
    assert voice_id == "" and language and wpm == 180


def test_hear_it_is_off_without_a_preview(qtbot):
    dialog = dialog_for(qtbot)
    assert not dialog.sound.hear.isEnabled()


def test_speed_choices(qtbot):
    dialog = dialog_for(qtbot, Settings(rate_wpm=Speed.NORMAL.wpm))
    assert dialog.sound.speed.currentText() == "Normal" and not dialog.sound.rate.isEnabled()
    assert [dialog.sound.speed.itemText(i) for i in range(3)] == ["Bedtime (slower)", "Normal", "My own speed"]
    assert (dialog.sound.rate.minimum(), dialog.sound.rate.maximum()) == (MIN_WPM, MAX_WPM)
    dialog.sound.speed.setCurrentIndex(0)
    assert dialog.settings().rate_wpm == Speed.BEDTIME.wpm and not dialog.sound.rate.isEnabled()
    dialog.sound.speed.setCurrentIndex(2)
    assert dialog.sound.rate.isEnabled() and dialog.sound.rate.value() == Speed.BEDTIME.wpm
    dialog.sound.rate.setValue(200)
    assert dialog.settings().rate_wpm == 200

    own = dialog_for(qtbot, Settings(rate_wpm=140))
    assert own.sound.speed.currentText() == "My own speed"
    assert own.sound.rate.isEnabled() and own.sound.rate.value() == 140
    hand_set = dialog_for(qtbot, Settings(rate_wpm=60))
    assert hand_set.settings().rate_wpm == 60, "a hand-set speed outside the menu is not clamped away"


def test_settings_reads_every_control(qtbot):
    dialog = dialog_for(qtbot)
    dialog.sound.narration.setChecked(True)
    dialog.sound.highlight.setChecked(True)
    dialog.sound.volume_sliders["voice"].setValue(70)
    dialog.sound.volume_sliders["soundscape"].setValue(25)
    dialog.sound.volume_sliders["master"].setValue(60)
    dialog.sound.fade.setValue(35)
    dialog.sound.wind_down.setValue(90)
    dialog.sound.chime.setChecked(True)
    s = dialog.settings()
    assert s.narration and s.pace is Mode.NARRATED and s.highlight_words and s.page_chime
    assert (s.volumes.voice, s.volumes.soundscape, s.volumes.master) == (0.7, 0.25, 0.6)
    assert s.fade_seconds == 35.0 and s.wind_down_seconds == 90.0
    page = dialog.sound
    assert page.wind_down.maximum() == 120 and (page.fade.minimum(), page.fade.maximum()) == (5, 40)
    dialog.sound.narration.setChecked(False)
    assert dialog.settings().pace is Mode.READ_ALOUD
    dialog.sound.wind_down.setValue(0)
    assert page.wind_down.text() == "Stop the sound with the story"
    assert dialog.settings().wind_down_seconds == 0.0


def test_untouched_values_are_kept_exactly(qtbot):
    original = Settings(volumes=Volumes(master=0.333, voice_muted=True), fade_seconds=12.5,
                        wind_down_seconds=300.0, pace=Mode.FOLLOW)
    s = dialog_for(qtbot, original).settings()
    assert s == original


def test_no_voice_engine_is_said_plainly_and_sound_still_works(qtbot):
    fake = FakeVoices()
    dialog = dialog_for(qtbot, voices=fake, preview=lambda *a: None, narration_problem=NO_ENGINE_MESSAGE)
    open_sound_tab(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert NO_ENGINE_MESSAGE in texts
    assert "apt-get install" in NO_ENGINE_MESSAGE
    page = dialog.sound
    for widget in (page.narration, page.highlight, page.voice, page.hear, page.speed, page.rate,
                   page.volume_sliders["voice"]):
        assert not widget.isEnabled(), widget.accessibleName()
    for widget in (page.volume_sliders["soundscape"], page.volume_sliders["master"], page.fade,
                   page.wind_down, page.chime):
        assert widget.isEnabled(), widget.accessibleName()
    assert not fake.threads, "no engine: nobody asks it for voices"
    dialog.sound.volume_sliders["soundscape"].setValue(10)
    dialog.sound.chime.setChecked(True)
    s = dialog.settings()
    assert s.volumes.soundscape == 0.1 and s.page_chime and not s.narration


def test_without_sound_the_page_is_shown_switched_off(qtbot):
    dialog = SettingsDialog(Settings(), theme_by_name("day"), voices=FakeVoices())
    qtbot.addWidget(dialog)
    open_sound_tab(dialog)
    assert not dialog.sound.chime.isEnabled() and not dialog.sound.volume_sliders["soundscape"].isEnabled()
    assert any("not available" in label.text() for label in dialog.findChildren(QLabel))


@pytest.mark.parametrize("theme", ["bedtime", "day"])
def test_sound_page_screenshots(qtbot, theme: str):
    fake = FakeVoices()
    dialog = dialog_for(qtbot, Settings(voice_id="gmw/en", rate_wpm=125), theme, voices=fake,
                        preview=lambda *a: None)
    dialog.resize(760, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    open_sound_tab(dialog)
    grab(dialog, f"settings-sound-{theme}-looking")
    fake.release.set()
    qtbot.waitUntil(lambda: dialog.sound.voice_status.isHidden(), timeout=5000)
    path, _ = grab(dialog, f"settings-sound-{theme}")
    assert dialog.sound.voice.currentText() == "English (Great Britain)", path

    problem = dialog_for(qtbot, Settings(), theme, narration_problem=NO_ENGINE_MESSAGE)
    problem.resize(760, 700)
    problem.show()
    qtbot.waitExposed(problem)
    open_sound_tab(problem)
    grab(problem, f"settings-sound-{theme}-no-engine")


def test_the_library_hands_its_sound_services_to_the_dialog(qtbot, built: Built, monkeypatch):
    fake = FakeVoices()
    fake.release.set()
    heard: list[tuple] = []
    built.window.set_sound_services(voices=fake, preview=lambda *a: heard.append(a), sound_available=True)
    opened: list[SettingsDialog] = []

    def fake_exec(self: SettingsDialog) -> int:
        opened.append(self)
        open_sound_tab(self)
        qtbot.waitUntil(lambda: self.sound.voice.count() > 1, timeout=5000)
        self.sound.hear.click()
        return SettingsDialog.DialogCode.Rejected

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    built.window.open_settings()
    assert opened and heard and opened[0].sound.narration.isEnabled()

    built.window.set_sound_services(narration_problem=NO_ENGINE_MESSAGE)
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: (opened.append(self), 0)[1])
    built.window.open_settings()
    assert not opened[-1].sound.narration.isEnabled() and opened[-1].sound.chime.isEnabled()
