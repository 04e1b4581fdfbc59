"""Where the user's things live (platformdirs), with one override for tests and
portable use: TOUCHSTORY_HOME puts everything under one folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP = "touchstory"


@dataclass(frozen=True, slots=True)
class UserPaths:
    """The user's data, config and cache folders; everything else lives under them."""

    data: Path
    config: Path
    cache: Path

    @property
    def stories(self) -> Path:
        """The user's own stories."""
        return self.data / "stories"

    @property
    def packs(self) -> Path:
        """The user's own stroke packs."""
        return self.data / "packs"

    @property
    def plans(self) -> Path:
        """Saved classroom session plans."""
        return self.data / "plans"

    @property
    def journal(self) -> Path:
        return self.data / "journal.sqlite3"

    @property
    def settings(self) -> Path:
        return self.config / "settings.json"

    @classmethod
    def default(cls) -> UserPaths:
        home = os.environ.get("TOUCHSTORY_HOME")
        if home:
            root = Path(home)
            return cls(root / "data", root / "config", root / "cache")
        import platformdirs  # deferred for start-up: only without TOUCHSTORY_HOME, ~3 ms of imports

        return cls(
            Path(platformdirs.user_data_dir(APP)),
            Path(platformdirs.user_config_dir(APP)),
            Path(platformdirs.user_cache_dir(APP)),
        )

    def ensure(self) -> UserPaths:
        for folder in (self.data, self.config, self.cache, self.stories, self.packs, self.plans):
            folder.mkdir(parents=True, exist_ok=True)
        return self
