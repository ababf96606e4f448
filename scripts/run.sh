#!/usr/bin/env bash
# Builds LaneCheck (release) and starts the reference server, which serves the app, the sync
# API (/sync/v1) and the manager's page (/manager) at http://127.0.0.1:8080. Installs what is
# missing first. On the first start it prints the first advisor's token. PORT=9000 serves
# elsewhere; DATA=<dir> keeps the data elsewhere (default ./data); DATABASE_URL=postgres://…
# uses PostgreSQL instead of SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --profile server --locked -p lanecheck-server
exec target/server/lanecheck-server --addr "127.0.0.1:${PORT:-8080}" --data "${DATA:-data}" --dist dist
