#!/usr/bin/env bash
# Backup and restore drill for a running installation, without touching it: takes a backup with
# `tvet-bridge backup`, restores it into a scratch data folder (and, on PostgreSQL, a scratch
# database), compares every table and uploaded file with the live state at backup time, starts a
# server on the restored copy and checks that it answers. Prints the time and size figures.
#
# Run from the checkout, with the server's environment (DATA_DIR or DATABASE_URL):
#   set -a; . ./.env; set +a
#   scripts/drill-backup-restore.sh [scratch dir]
# PostgreSQL: also DRILL_DATABASE_URL=postgres://.../an_empty_scratch_database (createdb it first).
# Optional: DRILL_EMAIL and DRILL_PASSWORD of an account, to check a sign-in on the restored copy.
# The scratch folder is kept (backup, snapshots, restored copy) unless the drill passes and
# DRILL_KEEP is unset.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=${1:-$(mktemp -d /tmp/tvet-drill-XXXXXX)}
mkdir -p "$scratch"
tsx=(node --import tsx)
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

if [[ "${DATABASE_URL:-}" == postgres* ]]; then
  : "${DRILL_DATABASE_URL:?set DRILL_DATABASE_URL to an empty scratch PostgreSQL database}"
  [[ "$DRILL_DATABASE_URL" != "$DATABASE_URL" ]] || { echo "DRILL_DATABASE_URL must not be the live database" >&2; exit 2; }
  restored_url=$DRILL_DATABASE_URL
else
  restored_url="sqlite:$scratch/restored/tvet-bridge.db"
fi
restored_env=(env -u SMTP_URL DATA_DIR="$scratch/restored" DATABASE_URL="$restored_url")

echo "Drill in $scratch"
"${tsx[@]}" src/cli/drill.ts snapshot >"$scratch/before.json"
t0=$(now)
"${tsx[@]}" src/cli/main.ts backup --out "$scratch/backups"
t1=$(now)
"${tsx[@]}" src/cli/drill.ts snapshot >"$scratch/after.json"
backup=$(ls -d "$scratch"/backups/tvet-bridge-* | tail -n 1)

t2=$(now)
"${restored_env[@]}" "${tsx[@]}" src/cli/main.ts restore "$backup" --yes
t3=$(now)
"${restored_env[@]}" "${tsx[@]}" src/cli/drill.ts snapshot >"$scratch/restored.json"
"${tsx[@]}" src/cli/drill.ts compare "$scratch/before.json" "$scratch/after.json" "$scratch/restored.json"

# A server on the restored copy: no demo seed, no scheduled jobs, no mail.
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
"${restored_env[@]}" SEED_DEMO=false JOBS=false HOST=127.0.0.1 PORT="$port" LOG_LEVEL=warn \
  "${tsx[@]}" src/server/main.ts >"$scratch/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null || { echo "restored server did not start, see $scratch/server.log" >&2; exit 1; }
echo "Restored server answers on port $port."
if [[ -n "${DRILL_EMAIL:-}" ]]; then
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
    -d "$(node -e 'console.log(JSON.stringify({email:process.env.DRILL_EMAIL,password:process.env.DRILL_PASSWORD}))')" \
    "http://127.0.0.1:$port/api/v1/auth/sign-in")
  [[ "$code" == 200 ]] || { echo "sign-in on the restored copy answered $code" >&2; exit 1; }
  echo "Signed in to the restored copy as $DRILL_EMAIL."
fi
kill $server
wait $server 2>/dev/null || true

node -e '
const m = require(process.argv[1] + "/manifest.json");
const [b, r] = [process.argv[2], process.argv[3]];
console.log(`Figures: backup ${b} s, restore ${r} s, database copy ${m.database.sizeBytes} bytes (${m.database.method}), ` +
  `${m.files.count} files ${m.files.bytes} bytes`);
' "$backup" "$(secs "$t0" "$t1")" "$(secs "$t2" "$t3")"
du -sh "$backup" | awk '{ print "Backup folder: " $1 }'
if [[ -z "${DRILL_KEEP:-}" ]]; then
  rm -rf "$scratch"
fi
echo "Drill passed."
