#!/usr/bin/env bash
# Test fixture: a throwaway PostgreSQL cluster from Debian's packages, reachable only through a
# Unix socket in a fresh directory, run as an unprivileged user (initdb refuses root).
#   pg-cluster.sh start STATE   creates and starts it; STATE/host holds the socket directory
#   pg-cluster.sh stop STATE    stops it (immediate) and removes everything
#   pg-cluster.sh crash STATE   stops it as a crash would (immediate, no checkpoint), data kept
#   pg-cluster.sh restart STATE starts a crashed cluster again (it recovers from its WAL)
# Tests connect as the superuser `pgadmin` with trust authentication on the socket.
set -euo pipefail
cmd=${1:?start|stop|crash|restart}
state=${2:?state directory}
# The server programs: where pg_config (libpq-dev) says they are, else initdb on PATH.
bindir=$(pg_config --bindir 2>/dev/null || true)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  initdb=$(command -v initdb 2>/dev/null || true)
  bindir=${initdb%/initdb}
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "pg-cluster: no PostgreSQL server binaries (install postgresql-15: make deps)" >&2
  exit 1
fi
dbuser=""
if [[ $(id -u) -eq 0 ]]; then
  if id postgres >/dev/null 2>&1; then dbuser=postgres; else dbuser=nobody; fi
fi
as_db() {
  if [[ -n "$dbuser" ]]; then runuser -u "$dbuser" -- "$@"; else "$@"; fi
}

stop() {
  [[ -f "$state/host" ]] || return 0
  local dir
  dir=$(cat "$state/host")
  if [[ -d "$dir/data" ]]; then
    as_db "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$state/host"
}

serve() {
  as_db "$bindir/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 120 \
    -o "-c listen_addresses='' -c unix_socket_directories='$1' -c max_connections=60" start >/dev/null || {
    cat "$1/server.log" >&2
    exit 1
  }
}

case "$cmd" in
start)
  mkdir -p "$state"
  stop
  # In the temporary directory ($TMPDIR): a Unix socket's name is limited to about 100 bytes.
  dir=$(mktemp -d -t opsconsole-pg.XXXXXX)
  if ((${#dir} > 80)); then
    echo "pg-cluster: temporary directory path too long for a socket ($dir); set TMPDIR shorter" >&2
    rm -rf "$dir"
    exit 1
  fi
  chmod 0755 "$dir"
  [[ -n "$dbuser" ]] && chown "$dbuser" "$dir"
  as_db "$bindir/initdb" -D "$dir/data" -U pgadmin -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  serve "$dir"
  echo "$dir" >"$state/host"
  echo "pg-cluster: running in $dir (socket), superuser pgadmin"
  ;;
stop)
  stop
  ;;
crash)
  dir=$(cat "$state/host")
  as_db "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  ;;
restart)
  serve "$(cat "$state/host")"
  ;;
*)
  echo "usage: pg-cluster.sh start|stop|crash|restart STATE" >&2
  exit 2
  ;;
esac
