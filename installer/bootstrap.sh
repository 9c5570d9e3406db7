#!/usr/bin/env bash
# Make this checkout ready to run or test Outpost: system libraries (Debian/Ubuntu, when we
# may install them), a virtual environment in .venv, and Outpost with its pinned dependencies.
# Safe to run again: it only does what is missing.
#
#   bash installer/bootstrap.sh          what `run.sh` needs
#   bash installer/bootstrap.sh --test   that, plus the test tools (`test.sh`)
#
# The stamp .venv/.outpost-installed lists what is installed, one word a line: "base" (Outpost
# itself, editable, with its dependencies) and "test" (the test extras). An install with the
# test extras satisfies a plain run; a plain install gets the test extras added beside it
# (their packages only, Outpost is not reinstalled). Everything is installed again only when
# pyproject.toml is newer than the stamp, keeping the extras that were there.
#
# For tests of this script: OUTPOST_PIP replaces the pip command (e.g. "echo pip"), and
# OUTPOST_SKIP_SYSTEM_PACKAGES=1 leaves the system packages alone.
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
  debian_packages+=(poppler-utils xvfb
                   postgresql  # the sync tests start a throwaway cluster (tests/pgcluster.py)
                   faketime    # clock-skew tests
                   chromium)   # the HQ console's browser tests (playwright drives it)
fi
if [[ -z "${OUTPOST_SKIP_SYSTEM_PACKAGES:-}" ]] \
    && command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
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
read -r -a pip <<< "${OUTPOST_PIP:-.venv/bin/python -m pip}"
pip+=(install --quiet --disable-pip-version-check)
stamp=.venv/.outpost-installed

# What is installed: nothing when the stamp is missing or older than pyproject.toml.
have_base=""
have_test=""
stale=""
if [[ ! -f "$stamp" ]] || [[ pyproject.toml -nt "$stamp" ]]; then
  stale=1
fi
if [[ -f "$stamp" ]]; then
  while read -r word; do
    case "$word" in
      base | "") have_base=1 ;;  # "" was a plain install's stamp before the extras were words
      test | "[test]") have_base=1; have_test=1 ;;
    esac
  done < "$stamp"
  [[ -s "$stamp" ]] || have_base=1  # an empty stamp: an older plain install
fi
need_test=""
if [[ "$want_test" == "--test" || -n "$have_test" ]]; then
  need_test=1
fi

if [[ -n "$stale" || -z "$have_base" ]]; then
  # Outpost itself (again): with the test extras if they are wanted or were there before.
  extras=""
  [[ -n "$need_test" ]] && extras="[test]"
  echo "Installing Outpost$extras into .venv" >&2
  "${pip[@]}" --upgrade pip
  "${pip[@]}" -e ".$extras"
  { echo base; [[ -n "$need_test" ]] && echo test; true; } > "$stamp"
elif [[ -n "$need_test" && -z "$have_test" ]]; then
  # Only the test tools, beside what is there: Outpost is not reinstalled.
  mapfile -t test_requirements < <(.venv/bin/python -c '
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["optional-dependencies"]["test"]))')
  echo "Adding the test tools to .venv" >&2
  "${pip[@]}" "${test_requirements[@]}"
  echo test >> "$stamp"
fi
