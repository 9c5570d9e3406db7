#!/usr/bin/env bash
# Install what is missing (test tools included), then run the whole test suite.
# Extra arguments go to pytest (e.g. `bash installer/test.sh -k search`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/bootstrap.sh --test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
