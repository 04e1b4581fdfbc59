"""Joins the child profiles to the library window: the chooser under the header
(remembered in the journal), the editor for adding or changing a child, and the
adaptation of a story to the chosen child before it is played."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from touchstory.errors import TouchstoryError
from touchstory.journal.profiles import ChildProfile, Profiles
from touchstory.journal.store import Journal
from touchstory.story.adapt import Adapted, adapt
from touchstory.story.model import Story
from touchstory.story.packs import StrokePack
from touchstory.ui.profiles.chooser import ChildChooser
from touchstory.ui.profiles.editor import ProfileEditor
from touchstory.ui.theme import Theme

log = logging.getLogger(__name__)


class ProfileLink(QObject):
    changed = Signal(object)  # ChildProfile | None: the child for tonight

    def __init__(self, journal: Callable[[], Journal], pack: Callable[[], StrokePack | None],
                 theme: Callable[[], Theme], host: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal, self._pack, self._theme, self._host = journal, pack, theme, host
        self.chooser = ChildChooser()
        self.chooser.chosen.connect(self._on_chosen)
        self.chooser.add_requested.connect(lambda: self.edit(None))
        self.chooser.edit_requested.connect(self.edit)
        self.refresh()

    @property
    def profiles(self) -> Profiles:
        return Profiles(self._journal())

    def current(self) -> ChildProfile | None:
        return self.chooser.current()

    def refresh(self) -> None:
        try:
            profiles = self.profiles
            self.chooser.set_profiles(profiles.all(), profiles.chosen())
        except (TouchstoryError, OSError) as exc:  # a journal that fails leaves the stories as written
            log.warning("journal: could not read the child profiles: %s", exc)
            self.chooser.set_profiles([], None)

    def edit(self, profile: ChildProfile | None) -> ChildProfile | None:
        dialog = ProfileEditor(profile, self._pack(), self._theme(), self._host)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            saved = self.profiles.save(dialog.profile())
            self.profiles.choose(saved.id)
        except TouchstoryError as exc:
            self._host.window().show_notice(str(exc)) if hasattr(self._host.window(), "show_notice") else None
            return None
        self.refresh()
        self.changed.emit(saved)
        return saved

    def adapted(self, story: Story, pack: StrokePack | None, short: bool = False) -> Adapted:
        child = self.current()
        return adapt(story, pack, child.way if child else None, short=short)

    def _on_chosen(self, profile: ChildProfile | None) -> None:
        try:
            self.profiles.choose(profile.id if profile else None)
        except TouchstoryError as exc:
            log.warning("journal: could not remember the child chosen: %s", exc)
        self.changed.emit(profile)
