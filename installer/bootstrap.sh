#!/usr/bin/env bash
# Make this checkout ready to run or test Outpost: system libraries (Debian/Ubuntu, when we
# may install them), a virtual environment in .venv, and Outpost with its pinned dependencies.
# Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=${1:-}
python=${PYTHON:-python3}

# Libraries Qt needs on a bare Debian/Ubuntu machine, plus tools the tests use.
debian_packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
                 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
                 libxcb-randr0 libxcb-render-util0 libxcb-image0
                 fonts-noto-core)  # Ge'ez and Arabic names on screen
if [[ "$want_test" == "--test" ]]; then
  debian_packages+=(poppler-utils xvfb)
fi
if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
  missing=()
  for pkg in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "Installing system packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Outpost needs Python 3.11 or newer (found $("$python" --version))." >&2; exit 1; }

[[ -x .venv/bin/python ]] || "$python" -m venv .venv
stamp=.venv/.outpost-installed
extras=""
[[ "$want_test" == "--test" ]] && extras="[test]"
if [[ ! -f "$stamp" || pyproject.toml -nt "$stamp" || "$(cat "$stamp")" != "$extras" ]]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$extras"
  echo "$extras" > "$stamp"
fi
