"""Joins the child profiles to the library window: the chooser under the header
(remembered in the journal), the editor for adding or changing a child, and the
adaptation of a story to the chosen child before it is played."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from touchstory.errors import TouchstoryError
from touchstory.journal.profiles import ChildProfile, Profiles
from touchstory.journal.store import Journal
from touchstory.story.adapt import Adapted, adapt, suits
from touchstory.story.library import StoryEntry
from touchstory.story.model import Story
from touchstory.story.packs import StrokePack
from touchstory.ui.profiles.chooser import ChildChooser
from touchstory.ui.profiles.editor import ProfileEditor
from touchstory.ui.theme import Theme

log = logging.getLogger(__name__)


class ProfileLink(QObject):
    changed = Signal(object)  # ChildProfile | None: the child for tonight

    def __init__(self, journal: Callable[[], Journal], pack: Callable[[], StrokePack | None],
                 theme: Callable[[], Theme], host: Any, parent: QObject | None = None) -> None:
        # host: the library window (open_entry, packs, grid, show_notice, menuBar)
        super().__init__(parent)
        self._journal, self._pack, self._theme, self._host = journal, pack, theme, host
        self.chooser = ChildChooser()
        self.chooser.chosen.connect(self._on_chosen)
        self.chooser.add_requested.connect(lambda: self.edit(None))
        self.chooser.edit_requested.connect(self.edit)
        self.short_next = False  # "Play the short version": the next play is cut to the length cap
        self._fits: dict[tuple[int, str], tuple[str, str | None]] = {}  # (child, story path) -> card words
        self.refresh()
        host.card_menu_extras = [self.add_card_actions]  # type: ignore[attr-defined]
        menu = host.menuBar().addMenu("&Journal") if hasattr(host, "menuBar") else None
        if menu is not None:
            menu.addAction("Routine, backup and sharing…").triggered.connect(self.open_routine)

    @property
    def profiles(self) -> Profiles:
        return Profiles(self._journal())

    def current(self) -> ChildProfile | None:
        return self.chooser.current()

    def refresh(self) -> None:
        self._fits.clear()  # a child's way may have changed
        try:
            profiles = self.profiles
            self.chooser.set_profiles(profiles.all(), profiles.chosen())
        except (TouchstoryError, OSError) as exc:  # a journal that fails leaves the stories as written
            log.warning("journal: could not read the child profiles: %s", exc)
            self.chooser.set_profiles([], None)
        self._show_fit()

    def edit(self, profile: ChildProfile | None) -> ChildProfile | None:
        dialog = ProfileEditor(profile, self._pack(), self._theme(), self._host)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            saved = self.profiles.save(dialog.profile())
            self.profiles.choose(saved.id)
        except TouchstoryError as exc:
            self._tell(str(exc))
            return None
        self.refresh()
        self.changed.emit(saved)
        return saved

    def adapted(self, story: Story, pack: StrokePack | None, short: bool | None = None) -> Adapted:
        """The story for the child chosen; `short` None: as asked by the card menu."""
        if short is None:
            short, self.short_next = self.short_next, False
        child = self.current()
        return adapt(story, pack, child.way if child else None, short=short)

    def settings_for_tonight(self, settings: Any, save: Callable[[Any], None]) -> tuple[Any, Callable[[Any], None]]:
        """The player's settings with the child's favourite sound and voice speed, and
        a saver that keeps the user's own values for those two: the child's choice
        holds for this story only; anything the user changes in the player is saved."""
        child = self.current()
        if child is None:
            return settings, save
        changes: dict[str, object] = {}
        if child.soundscape:
            changes["soundscape_override"] = child.soundscape
        if child.voice_speed:
            changes["rate_wpm"] = int(round(child.voice_speed))
        if not changes:
            return settings, save
        users = {key: getattr(settings, key) for key in changes}

        def keep_users(changed: Any) -> None:
            back = {k: users[k] for k, v in changes.items() if getattr(changed, k) == v}
            save(dataclasses.replace(changed, **back))

        return dataclasses.replace(settings, **changes), keep_users

    # -- the card's menu --------------------------------------------------------------------

    def add_card_actions(self, menu: QMenu, entry: StoryEntry) -> None:
        if entry.story is None:
            return
        child = self.current()
        pack_for = self._host.packs.get(entry.story.meta.pack) if hasattr(self._host, "packs") else self._pack()
        if child is not None:
            result = adapt(entry.story, pack_for, child.way)
            if result.over_cap:
                menu.addAction(f"Play the short version for {child.name}").triggered.connect(
                    lambda: self._play_short(entry))
            if not suits(entry.story, child.way, pack_for):
                menu.addAction(f"Has strokes {child.name} avoids, with nothing instead").setEnabled(False)
        who = f" for {child.name}" if child else ""
        menu.addAction(f"Print as an A5 booklet{who}…").triggered.connect(lambda: self.print_story(entry, False))
        menu.addAction(f"Print on A4{who}…").triggered.connect(lambda: self.print_story(entry, True))
        if child is not None:
            menu.addAction(f"Print {child.name}'s bedside sheet…").triggered.connect(
                lambda: self.print_bedside(entry))

    def _play_short(self, entry: StoryEntry) -> None:
        self.short_next = True
        self._host.open_entry(entry, 0)

    def print_story(self, entry: StoryEntry, a4: bool, out: Path | None = None) -> Path | None:
        from touchstory.ui.cards.pdf import story_pdf  # the PDF writer: only when printing

        story = entry.story
        if story is None:
            return None
        out = out or self._ask_pdf(f"{entry.path.stem}.pdf")
        if out is None:
            return None
        pack = self._host.packs.get(story.meta.pack) if hasattr(self._host, "packs") else self._pack()
        child = self.current()
        try:
            story_pdf(adapt(story, pack, child.way if child else None), pack, out, child, sheet=a4)
        except (TouchstoryError, OSError) as exc:
            self._tell(f"The PDF could not be made: {exc}")
            return None
        self._tell(f"Ready to print: {out}")
        return out

    def print_bedside(self, entry: StoryEntry, out: Path | None = None) -> Path | None:
        from touchstory.ui.cards.pdf import bedside_pdf

        child = self.current()
        if child is None or entry.story is None:
            return None
        out = out or self._ask_pdf(f"{child.name}-bedside.pdf")
        if out is None:
            return None
        try:
            bedside_pdf(child, out, self._pack(), usual=(entry.title,), ask=entry.story.meta.ask or None,
                        thanks=entry.story.meta.thanks or None)
        except (TouchstoryError, OSError) as exc:
            self._tell(f"The PDF could not be made: {exc}")
            return None
        self._tell(f"Ready to print: {out}")
        return out

    def _ask_pdf(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self._host, "Save the PDF to print", suggested, "PDF (*.pdf)")
        return Path(name) if name else None

    def _tell(self, text: str) -> None:
        if hasattr(self._host, "show_notice"):
            self._host.show_notice(text)

    def open_routine(self) -> QWidget:
        from touchstory.ui.journal.page import RoutinePage

        page = RoutinePage(self._journal(), self._pack(), self._theme(), self.current(), self._host)
        page.resize(1100, 720)
        page.show()
        self.routine_page = page
        return page

    def fit(self, entry: StoryEntry) -> tuple[str, str | None]:
        """How a card shows the story for the child chosen: "suits Sam" (or "not Sam's
        way") on its last line, and a badge when it is longer than their limit."""
        child = self.current()
        if child is None or entry.story is None:
            return "", None
        key = (child.id, str(entry.path))
        if key not in self._fits:
            pack = self._host.packs.get(entry.story.meta.pack) if hasattr(self._host, "packs") else self._pack()
            ok = suits(entry.story, child.way, pack)
            long = ok and child.way.cap_minutes is not None and adapt(entry.story, pack, child.way).over_cap
            self._fits[key] = (f"suits {child.name}" if ok else f"not {child.name}'s way",
                               f"Long for {child.name}" if long else None)
        return self._fits[key]

    def _show_fit(self) -> None:
        grid = getattr(self._host, "grid", None)
        if grid is None:
            return
        grid.delegate.child_fit = self.fit if self.current() is not None else None
        grid.viewport().update()

    def _on_chosen(self, profile: ChildProfile | None) -> None:
        try:
            self.profiles.choose(profile.id if profile else None)
        except TouchstoryError as exc:
            log.warning("journal: could not remember the child chosen: %s", exc)
        self._show_fit()
        self.changed.emit(profile)
