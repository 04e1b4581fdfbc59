#!/usr/bin/env bash
# touchstory set-up: installs what is missing, then runs the app or the tests.
#
#   bash touchstory/setup.sh run [ARGS...]    set up, then open the app on the bundled stories
#   bash touchstory/setup.sh test [ARGS...]   set up, then run the whole test suite
#
# Idempotent: a second run checks in a second or two and goes straight on.
# System packages come from apt-get (as root, or with sudo); without either, the
# exact apt-get command is printed and nothing else is done.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf 'touchstory setup: %s\n' "$*" >&2; }
# This script sets up a source folder (a clone or an unpacked download), never an
# installed copy: installed, its folder's parent is site-packages, not the project.
if [ ! -f "$here/pyproject.toml" ] || [ ! -d "$here/touchstory" ]; then
  say "$here is not a touchstory source folder (it has no pyproject.toml)."
  say "run this script from the folder you cloned or unpacked: bash touchstory/setup.sh run"
  say "(an installed touchstory needs no set-up: run 'touchstory' or 'python -m touchstory')"
  exit 2
fi
cd "$here"
venv="${TOUCHSTORY_VENV:-$here/.venv}"
action="${1:-run}"
[ $# -gt 0 ] && shift

case "$action" in
  run|test) ;;
  *) say "unknown action '$action': use 'run' or 'test'"; exit 2 ;;
esac

# Debian/Ubuntu packages: Qt's libraries (window and offscreen), sound, the voice.
runtime_pkgs=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 fonts-dejavu-core
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libpulse0 libespeak-ng1)
# For the tests: a virtual screen, a sound server with a null sink, PDF-to-PNG and sox.
test_pkgs=(xvfb xauth pulseaudio pulseaudio-utils poppler-utils sox)

pick_python() {
  for candidate in python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  wanted=("${runtime_pkgs[@]}")
  [ "$action" = test ] && wanted+=("${test_pkgs[@]}")
  py="$(pick_python || true)"
  if [ -z "$py" ]; then
    wanted+=(python3 python3-venv)
  elif ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    wanted+=("$(basename "$py")-venv")
  fi
  for pkg in "${wanted[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
  done
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"
  else
    say "these system packages are missing: ${missing[*]}"
    say "install them with:"
    printf '\n    sudo apt-get update && sudo apt-get install -y %s\n\n' "${missing[*]}" >&2
    say "then run this command again."
    exit 1
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

py="$(pick_python)" || { say "Python 3.11 or newer is needed (python3 --version shows yours)"; exit 1; }

# The virtual environment, reinstalled only when pyproject.toml changes.
stamp="$venv/.touchstory-stamp"
want_stamp="$(cat pyproject.toml | cksum)"
if [ ! -x "$venv/bin/python" ]; then
  say "creating the virtual environment in $venv"
  "$py" -m venv "$venv"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want_stamp" ]; then
  say "installing touchstory and its Python packages (first time: a minute or two)"
  "$venv/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$venv/bin/python" -m pip install -q -e ".[test]"
  echo "$want_stamp" > "$stamp"
fi

case "$action" in
  run)
    # the commands the app suggests in its messages (its venv is not on the PATH)
    export TOUCHSTORY_RUN_COMMAND="bash touchstory/setup.sh run" TOUCHSTORY_COMMAND="$venv/bin/touchstory"
    exec "$venv/bin/python" -m touchstory "$@"
    ;;
  test)
    if [ -f .ci/pulse-null-sink.sh ]; then
      # A silent sound server so the playback test can record what is played.
      # shellcheck disable=SC1091
      source .ci/pulse-null-sink.sh || say "no sound server; the playback test will be skipped"
    fi
    set +e
    "$venv/bin/python" -m pytest "$@"
    status=$?
    set -e
    if [ $status -eq 5 ]; then
      say "pytest collected no tests: that is a failure, not a pass"
      exit 1
    fi
    exit $status
    ;;
esac
