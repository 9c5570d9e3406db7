#!/usr/bin/env bash
# Install what is missing, then start Outpost on the per-user data folder (or
# OUTPOST_DATA_DIR / --data-dir DIR). Extra arguments go to `python -m desktop`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/bootstrap.sh
exec .venv/bin/python -m desktop "$@"
