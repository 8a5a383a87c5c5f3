#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and CI: trust auth, socket in /tmp,
# data in a temporary folder. PostgreSQL refuses to run as root, so as root the
# cluster belongs to the `postgres` user.
#
#   eval "$(scripts/pg-throwaway.sh start)"   # sets NAVET_PG_DIR and DATABASE_URL
#   scripts/pg-throwaway.sh stop "$NAVET_PG_DIR"
# For the crash suite's rounds that kill the database itself (fsync on, as in production):
#   eval "$(NAVET_PG_FSYNC=on scripts/pg-throwaway.sh start)"
#   scripts/pg-throwaway.sh kill "$NAVET_PG_DIR"      # SIGKILL of the postmaster
#   scripts/pg-throwaway.sh restart "$NAVET_PG_DIR"   # start it again on the same port (crash recovery)
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

start_cluster() {
  local dir=$1 port
  port=$(cat "$dir/port")
  as_owner "'$PG_BIN/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=$(cat "$dir/fsync")\" start" >/dev/null
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/navet-pg-XXXXXX)
    port=$(free_port)
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_owner "'$PG_BIN/initdb' -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "${NAVET_PG_FSYNC:-off}" >"$dir/fsync"
    start_cluster "$dir" || { cat "$dir/server.log" >&2; exit 1; }
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres navet_test
    echo "export NAVET_PG_DIR='$dir'"
    echo "export DATABASE_URL='postgres://postgres@127.0.0.1:$port/navet_test'"
    ;;
  stop)
    dir=${2:?usage: pg-throwaway.sh stop DIR}
    if [ -d "$dir/data" ]; then
      as_owner "'$PG_BIN/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  kill)
    dir=${2:?usage: pg-throwaway.sh kill DIR}
    kill -9 "$(head -1 "$dir/data/postmaster.pid")"
    ;;
  restart)
    dir=${2:?usage: pg-throwaway.sh restart DIR}
    # The killed postmaster's backends leave within moments; until then the old shared memory is in use.
    for _ in $(seq 1 30); do
      if start_cluster "$dir" 2>/dev/null; then exit 0; fi
      sleep 1
    done
    tail -20 "$dir/server.log" >&2
    exit 1
    ;;
  *)
    echo "usage: $0 start | stop DIR | kill DIR | restart DIR" >&2
    exit 2
    ;;
esac
