#!/usr/bin/env bash
# PgBouncer (Debian `pgbouncer`) in transaction mode on a loopback port, in front of the local Postgres (trust auth),
# for the PgBouncer test run and the scale-out bench: `scripts/pgbouncer.sh start|stop|status`.
#   PGBOUNCER_PORT (6432), PGBOUNCER_DIR (/tmp/mi-pgbouncer), PGBOUNCER_POOL_SIZE (20: server connections per
#   database and user), PG_HOST / PG_PORT (127.0.0.1 / 5432), DB_STATEMENT_TIMEOUT_MS / DB_IDLE_IN_TRANSACTION_TIMEOUT_MS
#   (8000 / 30000: the bounds the service sends as startup parameters when it talks to Postgres itself; PgBouncer
#   refuses those, so its server connections set them once, on connect).
# Every database is passed through (`*`), so the tests' per-run databases need no entry. Clients connect with
#   DATABASE_URL=postgres://postgres@127.0.0.1:6432/<db> DB_POOL_MODE=transaction
set -euo pipefail
port=${PGBOUNCER_PORT:-6432}
dir=${PGBOUNCER_DIR:-/tmp/mi-pgbouncer}
statement_ms=${DB_STATEMENT_TIMEOUT_MS:-8000}
idle_tx_ms=${DB_IDLE_IN_TRANSACTION_TIMEOUT_MS:-30000}
# PgBouncer will not run as root: it drops to this user.
run_as=${PGBOUNCER_USER:-postgres}

answering() { pg_isready -h 127.0.0.1 -p "$port" -q 2>/dev/null; }

start() {
  if answering; then echo "pgbouncer answers on 127.0.0.1:$port"; return 0; fi
  command -v pgbouncer >/dev/null || { echo "pgbouncer is not installed (apt-get install -y pgbouncer)" >&2; exit 1; }
  mkdir -p "$dir"
  cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=${PG_HOST:-127.0.0.1} port=${PG_PORT:-5432} connect_query='SET statement_timeout = ${statement_ms}; SET idle_in_transaction_session_timeout = ${idle_tx_ms}'

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
default_pool_size = ${PGBOUNCER_POOL_SIZE:-20}
max_client_conn = 2000
server_reset_query =
ignore_startup_parameters = extra_float_digits
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
admin_users = postgres
INI
  printf '"postgres" ""\n' >"$dir/userlist.txt"
  chown -R "$run_as" "$dir" 2>/dev/null || true
  if [ "$(id -u)" = 0 ]; then pgbouncer -d -u "$run_as" "$dir/pgbouncer.ini"; else pgbouncer -d "$dir/pgbouncer.ini"; fi
  for _ in $(seq 1 50); do answering && break; sleep 0.1; done
  answering || { echo "pgbouncer did not start; see $dir/pgbouncer.log" >&2; exit 1; }
  echo "pgbouncer answers on 127.0.0.1:$port"
}

stop() {
  [ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true
  for _ in $(seq 1 50); do answering || break; sleep 0.1; done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) answering && echo "pgbouncer answers on 127.0.0.1:$port" || { echo "not running" >&2; exit 1; } ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
