#!/usr/bin/env bash
# Makes the upgrade fixture of a release, with that release's own code:
#   src/server/migrations/upgrade-fixtures/make-fixture.sh <commit>
# 1. checks the commit out in a temporary git worktree (node_modules linked from this checkout),
# 2. seeds its demo workspace into a fresh SQLite database (its `seed-demo` command),
# 3. starts its server (scheduled jobs on, so reminder mail and job runs exist) and adds, through
#    the HTTP API, what the demo leaves out (add-release-data.mjs),
# 4. dumps every table and uploaded file into release-<commit>.json.gz (dump-fixture.mjs),
# 5. removes the worktree.
# Then add the release to src/server/migrations/releases.ts.
set -euo pipefail
commit=${1:?usage: make-fixture.sh <commit>}
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
work=$(mktemp -d /tmp/tvet-release-XXXXXX)
tree="$work/tree"
data="$work/data"
port=${PORT:-39517}
server=""

cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  git -C "$root" worktree remove --force "$tree" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

git -C "$root" worktree add --detach "$tree" "$commit" >/dev/null
ln -s "$root/node_modules" "$tree/node_modules"
cd "$tree"
DATA_DIR="$data" SEED_DEMO=false node --import tsx src/cli/main.ts seed-demo >/dev/null
DATA_DIR="$data" SEED_DEMO=false JOBS=true PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn \
  node --import tsx src/server/main.ts >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 60); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  sleep 0.5
done
sleep 3 # the first scheduled job run starts 2 s after start
node "$here/add-release-data.mjs" "http://127.0.0.1:$port"
kill "$server"
wait "$server" || true
server=""
node "$here/dump-fixture.mjs" "$data/tvet-bridge.db" "$data/files" "$here/release-$commit.json.gz" "$commit"
