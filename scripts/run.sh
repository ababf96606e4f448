#!/usr/bin/env bash
# Builds LaneCheck (release) and serves it at http://127.0.0.1:8080. Installs what is missing
# first. PORT=9000 scripts/run.sh serves elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node tools/serve.mjs --port "${PORT:-8080}" --dir dist
