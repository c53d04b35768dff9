#!/bin/sh
# `npm test`: every tier on the real Postgres and Redis, in three lanes side by side (below). Each jest process has
# its own database and queue prefix (test/support/global-setup.mjs), so the lanes share only the machine. Each tier
# gets its own process because jest runs a project in band on two cores, and in native ESM mode an in-band run keeps
# every test file's module graph until it exits: all tiers in one process ran out of heap.
# With arguments (a path pattern, jest options) it is one jest run over the matching files of every tier.
export NODE_OPTIONS="--experimental-vm-modules --max-old-space-size=6144"
if [ "$#" -gt 0 ]; then exec npx jest "$@"; fi

started=$(date +%s)
elapsed() { echo "=== $1: $(($(date +%s) - started)) s after npm test started ==="; }

# A tier still running after TIER_LIMIT_S hung (a test, a hook, or a handle that keeps jest from exiting): it is
# killed and fails, with the machine's processes printed just before, instead of holding CI until CI's own limit.
TIER_LIMIT_S=${TIER_LIMIT_S:-1200}
run_tier() {
  name=$1
  shift
  (sleep $((TIER_LIMIT_S - 5)) >/dev/null 2>&1 && echo "=== $name has run for $((TIER_LIMIT_S - 5)) s; the processes before it is killed: ===" && ps -e -o pid,ppid,stat,etime,args --forest) &
  dog=$!
  # --forceExit: once every test has run, a handle still open does not hold the tier. Seen once: the end-to-end tier
  # passed 159 of 159 and its jest stayed up with no socket or child left (cause not found); jest still prints its
  # "did not exit" warning, so a leak stays visible.
  timeout --kill-after=15 "$TIER_LIMIT_S" npx jest --forceExit "$@"
  s=$?
  kill "$dog" 2>/dev/null
  [ "$s" -eq 124 ] && echo "=== $name: killed after $TIER_LIMIT_S s ==="
  return "$s"
}

# Three lanes, each one jest process per tier, one tier after another: the machine (two cores) is not kept busy by
# two (most of an end-to-end test is waiting on timers, sockets and child processes), so the end-to-end tier is
# split in two shards. The browser tier (Chromium, the heaviest) follows the shorter shard. The first lane prints as
# it goes; the others print when they are done.
# Each lane has its own sandbox uids: a run's uid names its memory cgroup and counts its processes, so lanes running
# code at the same time must not share them.
lane() {
  uid_base=$1
  shift
  export SANDBOX_UID_BASE=$uid_base
  lane_status=0
  for tier in "$@"; do
    case $tier in
      e2e/*) run_tier "end-to-end ${tier#e2e/}" --selectProjects e2e --shard="${tier#e2e/}" || lane_status=1 ;;
      # shellcheck disable=SC2086 # "integration service" is two project names
      *) run_tier "$tier" --selectProjects $tier || lane_status=1 ;;
    esac
    elapsed "$tier done"
  done
  return $lane_status
}

logs=$(mktemp -d)
lane 62000 e2e/1/2 >"$logs/b" 2>&1 &
b=$!
lane 63000 e2e/2/2 browser >"$logs/c" 2>&1 &
c=$!
status=0
lane 61000 unit "integration service" security || status=1
wait "$b" || status=1
echo "--- end-to-end, first shard (ran beside the others) ---"
cat "$logs/b"
wait "$c" || status=1
echo "--- end-to-end, second shard, then the browser tier (ran beside the others) ---"
cat "$logs/c"
rm -rf "$logs"
exit "$status"
