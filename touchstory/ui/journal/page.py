"""The routine page: choose a child, see their last four weeks (the chart), and
keep the journal safe: export to CSV, back up and restore the whole journal,
share a child's profile with another carer or take one in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from touchstory.errors import TouchstoryError
from touchstory.journal.profiles import PROFILE_SUFFIX, ChildProfile, Clash, Profiles
from touchstory.journal.sessions import SessionLog, backup, restore, routine
from touchstory.journal.store import Journal
from touchstory.story.packs import StrokePack
from touchstory.ui.journal.chart import RoutineChart
from touchstory.ui.theme import Theme, apply_theme

ANYONE = 0


class RoutinePage(QDialog):
    def __init__(self, journal: Journal, pack: StrokePack | None, theme: Theme, chosen: ChildProfile | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Routine")
        self._journal, self._pack = journal, pack
        column = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Child"))
        self.child = QComboBox()
        row.addWidget(self.child, 1)
        self.csv_button = QPushButton("Export to CSV…")
        self.backup_button = QPushButton("Back up the journal…")
        self.restore_button = QPushButton("Restore…")
        self.share_button = QPushButton("Share this profile…")
        self.import_button = QPushButton("Take in a profile…")
        for button in (self.csv_button, self.backup_button, self.restore_button, self.share_button,
                       self.import_button):
            row.addWidget(button)
        column.addLayout(row)
        self.chart = RoutineChart(theme)
        column.addWidget(self.chart, 1)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        self._fill(chosen)
        self.child.currentIndexChanged.connect(self.refresh)
        self.csv_button.clicked.connect(self._on_csv)
        self.backup_button.clicked.connect(self._on_backup)
        self.restore_button.clicked.connect(self._on_restore)
        self.share_button.clicked.connect(self._on_share)
        self.import_button.clicked.connect(self._on_import)
        apply_theme(self, theme)
        self.refresh()

    def _fill(self, chosen: ChildProfile | None) -> None:
        self.child.blockSignals(True)
        self.child.clear()
        self.child.addItem("Everyone", ANYONE)
        for profile in Profiles(self._journal).all():
            self.child.addItem(profile.name, profile.id)
        if chosen is not None:
            self.child.setCurrentIndex(max(0, self.child.findData(chosen.id)))
        self.child.blockSignals(False)

    def profile(self) -> ChildProfile | None:
        ident = self.child.currentData()
        return Profiles(self._journal).get(int(ident)) if ident else None

    def refresh(self) -> None:
        profile = self.profile()
        today = dt.date.today()
        evenings = SessionLog(self._journal).evenings(profile.id if profile else None)
        names = {s.id: s.name for s in self._pack.strokes} if self._pack else {}
        self.chart.set_routine(routine(evenings, today), profile.name if profile else "", names)
        self.share_button.setEnabled(profile is not None)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _on_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the journal", "touchstory-journal.csv", "CSV (*.csv)")
        if name:
            self.export_csv(Path(name))

    def export_csv(self, path: Path) -> None:
        profile = self.profile()
        try:
            count = SessionLog(self._journal).export_csv(path, profile.id if profile else None)
        except (TouchstoryError, OSError) as exc:
            self._say(f"The CSV could not be written to {path}: {exc}. Choose another folder.")
            return
        self._say(f"{count} session{'' if count == 1 else 's'} written to {path}.")

    def _on_backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Back up the journal", "touchstory-journal-backup.sqlite",
                                              "Journal backup (*.sqlite)")
        if name:
            try:
                backup(self._journal, Path(name))
                self._say(f"The whole journal was backed up to {name}.")
            except (OSError, TouchstoryError) as exc:
                self._say(f"The backup could not be written to {name}: {exc}. Choose another folder.")

    def _on_restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Restore the journal", "", "Journal backup (*.sqlite)")
        if not name:
            return
        sure = QMessageBox.question(self, "Restore the journal",
                                    "Replace the journal with this backup? The journal as it is now is kept "
                                    "beside it, so nothing is lost.")
        if sure != QMessageBox.StandardButton.Yes:
            return
        try:
            kept = restore(self._journal, Path(name))
        except TouchstoryError as exc:
            self._say(str(exc))
            return
        self._fill(None)
        self.refresh()
        self._say(f"Restored from {name}." + (f" The journal as it was is kept as {kept}." if kept else ""))

    def _on_share(self) -> None:
        profile = self.profile()
        if profile is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Share a profile", f"{profile.name}{PROFILE_SUFFIX}",
                                              f"Child profile (*{PROFILE_SUFFIX})")
        if name:
            try:
                Profiles(self._journal).export(profile, Path(name))
                self._say(f"{profile.name}'s profile was written to {name}; open it in touchstory on the "
                          "other computer with Take in a profile.")
            except OSError as exc:
                self._say(f"The profile could not be written to {name}: {exc}.")

    def _on_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Take in a profile", "", f"Child profile (*{PROFILE_SUFFIX})")
        if name:
            self.import_profile(Path(name), self._ask)

    def import_profile(self, path: Path, ask) -> None:  # noqa: ANN001 - ask(existing) -> Clash
        profiles = Profiles(self._journal)
        try:
            done = profiles.import_file(path)
            if done.profile is None and done.clash is not None:
                done = profiles.import_file(path, ask(done.clash))
        except TouchstoryError as exc:
            self._say(str(exc))
            return
        self._fill(done.profile)
        self.refresh()
        what = {None: "added", Clash.MERGE: "merged with the one here", Clash.REPLACE: "replaced the one here",
                Clash.KEEP_BOTH: "added beside the one here", Clash.SKIP: "left as it was"}[done.done]
        self._say(f"{done.profile.name if done.profile else 'The profile'}: {what}.")

    def _ask(self, existing: ChildProfile) -> Clash:
        box = QMessageBox(self)
        box.setWindowTitle("A profile with this name is here already")
        box.setText(f"There is already a profile called {existing.name}. What should happen?")
        merge = box.addButton("Merge (keep both carers' notes)", QMessageBox.ButtonRole.AcceptRole)
        both = box.addButton("Keep both", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Leave it", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return Clash.MERGE if box.clickedButton() is merge else Clash.KEEP_BOTH if box.clickedButton() is both \
            else Clash.SKIP
