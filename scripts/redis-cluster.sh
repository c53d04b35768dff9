#!/usr/bin/env bash
# A 3-master Redis Cluster on loopback (no replicas, nothing kept on disk), for the cluster test run and the
# scale-out bench: `scripts/redis-cluster.sh start|stop|status`. Ports from REDIS_CLUSTER_PORTS (default
# 7001 7002 7003); files under REDIS_CLUSTER_DIR (default /tmp/mi-redis-cluster). `start` does nothing when the
# cluster already answers `cluster_state:ok`. Prints the REDIS_URL to use.
set -euo pipefail
ports=(${REDIS_CLUSTER_PORTS:-7001 7002 7003})
dir=${REDIS_CLUSTER_DIR:-/tmp/mi-redis-cluster}
url="redis+cluster://$(printf '127.0.0.1:%s,' "${ports[@]}" | sed 's/,$//')"

healthy() { redis-cli -p "${ports[0]}" cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }

start() {
  if healthy; then echo "$url"; return 0; fi
  mkdir -p "$dir"
  for p in "${ports[@]}"; do
    if ! redis-cli -p "$p" ping >/dev/null 2>&1; then
      rm -f "$dir/nodes-$p.conf"
      redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$dir/nodes-$p.conf" \
        --cluster-node-timeout 2000 --save '' --appendonly no --dir "$dir" --logfile "$dir/redis-$p.log" --daemonize yes
    fi
  done
  for p in "${ports[@]}"; do
    for _ in $(seq 1 50); do redis-cli -p "$p" ping >/dev/null 2>&1 && break; sleep 0.1; done
  done
  # Nodes that already know each other (a half-made cluster) are reset before `--cluster create`.
  if ! redis-cli -p "${ports[0]}" cluster info | grep -q '^cluster_slots_assigned:16384'; then
    for p in "${ports[@]}"; do redis-cli -p "$p" flushall >/dev/null; redis-cli -p "$p" cluster reset hard >/dev/null; done
    redis-cli --cluster create $(printf '127.0.0.1:%s ' "${ports[@]}") --cluster-replicas 0 --cluster-yes >/dev/null
  fi
  for _ in $(seq 1 100); do healthy && break; sleep 0.1; done
  healthy || { echo "the Redis cluster did not become healthy" >&2; exit 1; }
  echo "$url"
}

stop() {
  for p in "${ports[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) healthy && echo "$url" || { echo "not running" >&2; exit 1; } ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
