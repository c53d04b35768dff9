#!/usr/bin/env bash
# HAProxy with deploy/haproxy/haproxy.cfg in front of two api processes: `scripts/haproxy.sh start|stop|check`.
#   HAPROXY_BIND (127.0.0.1:8080), API_1 / API_2 (127.0.0.1:3001 / 127.0.0.1:3002), HAPROXY_PIDFILE
#   (/tmp/mi-haproxy.pid). `check` validates the configuration only.
set -euo pipefail
cd "$(dirname "$0")/.."
export HAPROXY_BIND=${HAPROXY_BIND:-127.0.0.1:8080} API_1=${API_1:-127.0.0.1:3001} API_2=${API_2:-127.0.0.1:3002}
pidfile=${HAPROXY_PIDFILE:-/tmp/mi-haproxy.pid}
command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install -y haproxy)" >&2; exit 1; }
case "${1:-start}" in
  check) haproxy -c -q -f deploy/haproxy/haproxy.cfg ;;
  start) haproxy -D -p "$pidfile" -f deploy/haproxy/haproxy.cfg && echo "haproxy on $HAPROXY_BIND → $API_1, $API_2" ;;
  stop) [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; rm -f "$pidfile" ;;
  *) echo "usage: $0 start|stop|check" >&2; exit 2 ;;
esac
