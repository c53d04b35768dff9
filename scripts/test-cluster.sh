#!/usr/bin/env bash
# The Redis Cluster + PgBouncer run (issue 22; README "Running on more than one machine"): the suites that touch
# queues, notices and rate limits, and the short chaos run (an api and a Redis master killed, Postgres cut), on a
# 3-master Redis Cluster and through PgBouncer in transaction mode. Starts the cluster and PgBouncer when they are
# not answering and stops again only what it started. The jest run has its own database and queue prefix (test/support/global-setup.mjs).
#   scripts/test-cluster.sh [extra jest options]
set -euo pipefail
cd "$(dirname "$0")/.."

suites=(
  test/integration/queue.test.ts
  test/integration/fixed-window.test.ts
  test/integration/notices.test.ts
  test/e2e/live-session.e2e.ts
  test/e2e/delivery.e2e.ts
  test/e2e/socket-auth.e2e.ts
  test/e2e/ip-rate-limit.e2e.ts
  test/e2e/chaos.e2e.ts
)

started=()
stop_started() {
  for s in "${started[@]}"; do scripts/"$s".sh stop || true; done
}
trap stop_started EXIT

scripts/redis-cluster.sh status >/dev/null 2>&1 || started+=(redis-cluster)
redis_url=$(scripts/redis-cluster.sh start)
scripts/pgbouncer.sh status >/dev/null 2>&1 || started+=(pgbouncer)
scripts/pgbouncer.sh start >/dev/null

# The chaos run starts the built apps.
node scripts/ensure-build.mjs

unset REDIS_CLUSTER_NODES
# On the cluster the short chaos run also kills a Redis master (restarted empty 5 s later; each fault is
# one short run of bench/chaos.mjs, about 30 s).
export CHAOS_FAULTS=${CHAOS_FAULTS:-api-kill,pg-partition-dead,redis-master-kill}
REDIS_URL=$redis_url TEST_DATABASE_VIA=127.0.0.1:${PGBOUNCER_PORT:-6432} DB_POOL_MODE=transaction \
  NODE_OPTIONS="--experimental-vm-modules --max-old-space-size=6144" \
  npx jest "${suites[@]}" --selectProjects integration e2e "$@"
