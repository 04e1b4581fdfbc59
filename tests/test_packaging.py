"""What an installed touchstory holds: the package, its stories and assets, and
not the set-up script, which only makes sense in a source folder."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    from hatchling.builders.wheel import WheelBuilder  # the build backend named in pyproject.toml

    out = tmp_path_factory.mktemp("dist")
    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
    return zipfile.ZipFile(wheel).namelist()


def test_the_wheel_leaves_the_setup_script_out(wheel_names: list[str]):
    assert not [name for name in wheel_names if name.endswith("setup.sh")]


def test_the_wheel_still_holds_the_command_the_stories_and_the_assets(wheel_names: list[str]):
    for name in ("touchstory/cli/main.py", "touchstory/__main__.py", "touchstory/ui/sound/live_sound.py",
                 "touchstory/_stories/FORMAT.md"):
        assert name in wheel_names
    assert any(name.startswith("touchstory/_assets/") for name in wheel_names)


def test_the_setup_script_refuses_to_run_outside_a_source_folder(tmp_path: Path):
    # As if installed: site-packages/touchstory/setup.sh, with no pyproject.toml above it.
    installed = tmp_path / "site-packages" / "touchstory"
    installed.mkdir(parents=True)
    shutil.copy(ROOT / "touchstory" / "setup.sh", installed / "setup.sh")
    done = subprocess.run(["bash", str(installed / "setup.sh"), "run"], capture_output=True, text=True,
                          timeout=30, cwd=tmp_path)
    assert done.returncode == 2
    assert f"{installed.parent} is not a touchstory source folder" in done.stderr
    assert "bash touchstory/setup.sh run" in done.stderr
    assert list((tmp_path / "site-packages").iterdir()) == [installed]  # no .venv made, nothing installed
