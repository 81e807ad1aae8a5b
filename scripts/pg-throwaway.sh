#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests.
#
#   scripts/pg-throwaway.sh start        initdb + start on 127.0.0.1:<free port>, create database tvet_test.
#                                        stdout (only these two lines, eval-able):
#                                          TEST_PG_URL=postgres://postgres@127.0.0.1:PORT/tvet_test
#                                          PG_THROWAWAY_DIR=/tmp/pg-throwaway.XXXXXX
#   scripts/pg-throwaway.sh stop DIR     stop the cluster started in DIR and delete DIR.
#
# Environment:
#   PG_THROWAWAY_DIR  state directory to use for `start` (created if missing; default: mktemp -d)
#   PG_BIN            PostgreSQL binaries (default: /usr/lib/postgresql/15/bin, else the newest installed)
#   PG_DATABASE       database to create (default: tvet_test)
#
# As root, the server runs as the `postgres` system user (initdb refuses root) through runuser;
# as any other user it runs as that user. Authentication is `trust` and the server listens on
# 127.0.0.1 only; the socket goes into the state directory (the default /var/run/postgresql may be
# unwritable). Durability is switched off (fsync etc.): this cluster lives for one test run.
set -euo pipefail

log() { echo "pg-throwaway: $*" >&2; }
die() { log "$*"; exit 1; }

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    echo "$PG_BIN"
  elif [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    echo /usr/lib/postgresql/15/bin
  else
    local newest
    newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    [[ -n "$newest" ]] || die "PostgreSQL binaries not found (apt-get install -y postgresql-15, or set PG_BIN)"
    echo "$newest"
  fi
}

# Runs a command as the owner of the cluster: `postgres` when we are root, else ourselves.
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1]);s.close()"
  else
    echo $((20000 + RANDOM % 20000))
  fi
}

start() {
  local bin dir port db url attempt
  bin=$(find_bin)
  [[ -x "$bin/initdb" && -x "$bin/pg_ctl" ]] || die "no initdb/pg_ctl in $bin"
  db="${PG_DATABASE:-tvet_test}"

  if [[ -n "${PG_THROWAWAY_DIR:-}" ]]; then
    dir="$PG_THROWAWAY_DIR"
    mkdir -p "$dir"
  else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-throwaway.XXXXXX")
  fi
  dir=$(cd "$dir" && pwd)
  [[ ! -e "$dir/data" ]] || die "$dir/data already exists; stop that cluster first"

  if [[ "$(id -u)" == "0" ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user (apt-get install -y postgresql-15)"
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
  fi

  log "initdb in $dir/data ($bin)"
  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi

  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >&2; then
      break
    fi
    log "start on port $port failed (attempt $attempt)"
    tail -5 "$dir/server.log" >&2 || true
    port=""
  done
  [[ -n "$port" ]] || die "could not start PostgreSQL; see $dir/server.log"

  local psql="$bin/psql"
  [[ -x "$psql" ]] || psql=psql
  "$psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "create database \"$db\"" >&2 || die "could not create database $db"

  url="postgres://postgres@127.0.0.1:$port/$db"
  {
    echo "TEST_PG_URL=$url"
    echo "PG_THROWAWAY_DIR=$dir"
    echo "PG_BIN=$bin"
  } >"$dir/env"
  log "PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') ready at $url"
  echo "TEST_PG_URL=$url"
  echo "PG_THROWAWAY_DIR=$dir"
}

stop() {
  local dir="${1:-${PG_THROWAWAY_DIR:-}}"
  [[ -n "$dir" ]] || die "usage: $0 stop DIR"
  if [[ ! -d "$dir" ]]; then
    log "$dir does not exist; nothing to stop"
    return 0
  fi
  local bin=""
  if [[ -f "$dir/env" ]]; then
    bin=$(sed -n 's/^PG_BIN=//p' "$dir/env")
  fi
  [[ -n "$bin" ]] || bin=$(find_bin)
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 ||
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || log "pg_ctl stop failed"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
