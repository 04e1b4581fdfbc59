"""The player's Sound popup: every control reports the right Settings or timer
request, showing settings reports nothing, the own-file choice, and
screenshots in the three themes (saved to $TOUCHSTORY_SHOTS or /tmp/touchstory-shots)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from touchstory.audio.soundscapes import SOUNDSCAPES
from touchstory.journal.settings import Settings, Volumes
from touchstory.ui.player.sound_panel import SoundPanel
from touchstory.ui.theme import theme_by_name

from screenshots.helpers import grab, pixel_stats, settle  # noqa: E402


def make_panel(qtbot, settings: Settings | None = None, story: str | None = "rain", theme: str = "bedtime",
               show: bool = False) -> SoundPanel:
    panel = SoundPanel(theme_by_name(theme), settings or Settings(), list(SOUNDSCAPES.values()), story)
    qtbot.addWidget(panel)
    if show:
        panel.move(40, 40)
        panel.show()
        qtbot.waitExposed(panel)
    return panel


def changes(panel: SoundPanel) -> list[Settings]:
    seen: list[Settings] = []
    panel.settings_changed.connect(seen.append)
    return seen


def pick(box, data: object) -> None:
    """Choose a row as a user does (activated, not just currentIndexChanged)."""
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_background_sound_rows(qtbot):
    panel = make_panel(qtbot)
    box = panel.soundscape_box
    texts = [box.itemText(i) for i in range(box.count())]
    assert texts[0] == "The story's own (Soft rain)"
    assert texts[1:1 + len(SOUNDSCAPES)] == [s.name for s in SOUNDSCAPES.values()]
    assert texts[-2:] == ["No background sound", "Your own sound file…"]
    assert box.itemData(1, Qt.ItemDataRole.ToolTipRole) == next(iter(SOUNDSCAPES.values())).description
    assert box.currentIndex() == 0

    none = make_panel(qtbot, story=None)
    assert none.soundscape_box.itemText(0) == "The story's own (none)"


def test_choosing_a_soundscape_or_none(qtbot):
    panel = make_panel(qtbot)
    seen = changes(panel)
    pick(panel.soundscape_box, "sea")
    pick(panel.soundscape_box, "none")
    pick(panel.soundscape_box, "")
    assert [s.soundscape_override for s in seen] == ["sea", "none", ""]
    assert seen[-1].volumes == Settings().volumes, "nothing else changed"


def test_own_sound_file(qtbot, monkeypatch, tmp_path: Path):
    song = tmp_path / "waves.ogg"
    song.write_bytes(b"OggS")
    asked: list[tuple] = []

    def fake_open(parent, caption, folder, filters):
        asked.append((caption, folder, filters))
        return str(song), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    panel = make_panel(qtbot, show=True)
    seen = changes(panel)
    pick(panel.soundscape_box, "<choose a file>")
    assert seen and seen[-1].soundscape_override == str(song.resolve())
    assert "*.wav" in asked[0][2] and "*.flac" in asked[0][2] and "*.mp3" in asked[0][2]
    assert panel.soundscape_box.currentText() == "Your file: waves.ogg"
    assert panel.isVisible(), "the popup comes back after the file dialog"

    # cancelled: nothing reported, the file stays chosen
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("", "")))
    pick(panel.soundscape_box, "<choose a file>")
    assert len(seen) == 1 and panel.soundscape_box.currentText() == "Your file: waves.ogg"

    # a stored file path shows as its own row, once
    panel.set_settings(Settings(soundscape_override=str(tmp_path / "other.wav")))
    rows = [panel.soundscape_box.itemText(i) for i in range(panel.soundscape_box.count())]
    assert rows.count("Your file: other.wav") == 1 and not any("waves.ogg" in r for r in rows)


@pytest.mark.parametrize("channel", ["voice", "soundscape", "master"])
def test_each_level_slider_and_mute(qtbot, channel: str):
    panel = make_panel(qtbot)
    seen = changes(panel)
    panel.sliders[channel].setValue(35)
    assert getattr(seen[-1].volumes, channel) == pytest.approx(0.35)
    others = {c for c in ("voice", "soundscape", "master") if c != channel}
    assert all(getattr(seen[-1].volumes, c) == getattr(Volumes(), c) for c in others)
    panel.mutes[channel].click()
    assert getattr(seen[-1].volumes, f"{channel}_muted") is True
    assert getattr(seen[-1].volumes, channel) == pytest.approx(0.35), "muting keeps the level"
    assert panel.mutes[channel].text() == "Muted" and panel.level_values[channel].text() == "off"
    panel.mutes[channel].click()
    assert getattr(seen[-1].volumes, f"{channel}_muted") is False
    assert len(seen) == 3


def test_sliders_work_from_the_keyboard(qtbot):
    panel = make_panel(qtbot, show=True)
    seen = changes(panel)
    slider = panel.sliders["voice"]
    assert slider.accessibleName() == "Voice volume"
    assert panel.sliders["master"].accessibleName() == "Everything volume"
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert seen[-1].volumes.voice == pytest.approx(0.95)
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert seen[-1].volumes.voice == pytest.approx(0.85)


def test_chime_and_fade(qtbot):
    panel = make_panel(qtbot)
    seen = changes(panel)
    panel.chime.click()
    assert seen[-1].page_chime is True
    pick(panel.fade_box, 40.0)
    assert seen[-1].fade_seconds == 40.0 and seen[-1].page_chime is True
    pick(panel.fade_box, 5.0)
    assert seen[-1].fade_seconds == 5.0


def test_a_hand_set_fade_is_kept(qtbot):
    panel = make_panel(qtbot, Settings(fade_seconds=25.0))
    assert panel.fade_box.currentText() == "25 seconds"
    texts = [panel.fade_box.itemText(i) for i in range(panel.fade_box.count())]
    assert texts.index("25 seconds") == texts.index("20 seconds") + 1


def test_sleep_timer_requests(qtbot):
    panel = make_panel(qtbot)
    asked: list[tuple[str, float]] = []
    panel.sleep_requested.connect(lambda mode, minutes: asked.append((mode, minutes)))
    seen = changes(panel)
    texts = [panel.sleep_box.itemText(i) for i in range(panel.sleep_box.count())]
    assert texts == ["Off", "Stop after this story", "After 10 minutes", "After 20 minutes",
                     "After 30 minutes", "After 45 minutes"]
    for index in (1, 3, 5, 0):
        panel.sleep_box.setCurrentIndex(index)
        panel.sleep_box.activated.emit(index)
    assert asked == [("after_story", 0.0), ("after_minutes", 20.0), ("after_minutes", 45.0), ("off", 0.0)]
    assert not seen, "the timer is a request, not a setting"


def test_showing_state_reports_nothing(qtbot):
    panel = make_panel(qtbot)
    seen = changes(panel)
    asked: list[tuple] = []
    panel.sleep_requested.connect(lambda *a: asked.append(a))
    new = Settings(soundscape_override="lullaby", page_chime=True, fade_seconds=30.0,
                   volumes=Volumes(master=0.3, voice=0.6, soundscape=0.2, soundscape_muted=True))
    panel.set_settings(new)
    panel.set_sleep_choice("after_minutes", 30)
    assert not seen and not asked
    assert panel.settings() == new
    assert panel.soundscape_box.currentData() == "lullaby"
    assert panel.sliders["master"].value() == 30 and panel.sliders["voice"].value() == 60
    assert panel.mutes["soundscape"].isChecked() and not panel.mutes["voice"].isChecked()
    assert panel.chime.isChecked() and panel.fade_box.currentText() == "30 seconds"
    assert panel.sleep_box.currentText() == "After 30 minutes"
    panel.set_sleep_choice("after_story")
    assert panel.sleep_box.currentText() == "Stop after this story"
    panel.set_sleep_choice("after_minutes", 15)
    assert panel.sleep_box.currentText() == "After 15 minutes" and not asked
    # the next change starts from what was shown, not from the first settings
    panel.chime.click()
    assert seen[-1] == Settings(**{**{f: getattr(new, f) for f in new.__slots__}, "page_chime": False})


def test_sleep_state_label(qtbot):
    panel = make_panel(qtbot, show=True)
    assert not panel.sleep_state.isVisible()
    panel.set_sleep_state("The sound will fade out in 12 min")
    assert panel.sleep_state.isVisible() and "12 min" in panel.sleep_state.text()
    panel.set_sleep_state("")
    assert not panel.sleep_state.isVisible()


def test_focus_starts_on_the_first_control_and_esc_closes(qtbot):
    panel = make_panel(qtbot, show=True)
    closed: list[bool] = []
    panel.closed.connect(lambda: closed.append(True))
    settle(30)
    assert QApplication.focusWidget() is panel.soundscape_box
    assert panel.windowFlags() & Qt.WindowType.Popup
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible() and closed == [True]


@pytest.mark.parametrize("theme", ["bedtime", "day", "contrast"])
def test_screenshots(qtbot, theme: str):
    settings = Settings(volumes=Volumes(master=0.7, voice=0.9, soundscape=0.4, soundscape_muted=theme == "day"),
                        page_chime=theme != "day")
    panel = make_panel(qtbot, settings, theme=theme, show=True)
    panel.set_sleep_choice("after_minutes", 20)
    panel.set_sleep_state("The sound will fade out in 12 min")
    panel.sliders["voice"].setFocus()
    path, image = grab(panel, f"sound-panel-{theme}")
    assert panel.width() <= 1280 and panel.height() <= 800 - 80, (panel.size(), path)
    stats = pixel_stats(image)
    if theme == "bedtime":
        assert stats["white"] == 0 and stats["mean"] < 90, (stats, path)
    if theme == "day":
        assert stats["mean"] > 150, (stats, path)


def test_large_text_still_fits_the_screen(qtbot):
    theme = theme_by_name("bedtime").with_text(1.75)
    panel = SoundPanel(theme, Settings(), list(SOUNDSCAPES.values()), "sea")
    qtbot.addWidget(panel)
    panel.set_sleep_state("The sound will fade out in 12 min")
    panel.show()
    qtbot.waitExposed(panel)
    path, _ = grab(panel, "sound-panel-bedtime-largest-text")
    assert panel.width() <= 1280 and panel.height() <= 800 - 80, (panel.size(), path)
