#!/bin/sh
# `npm test`: every tier on the real Postgres and Redis. The end-to-end tier runs in one jest process while the unit,
# integration/service and security tiers run one after another beside it; the browser tier runs last. Each jest
# process has its own database and queue prefix (test/support/global-setup.mjs), so the lanes share only the machine. Each tier gets its own process because jest runs a project in band on two cores, and in native ESM mode an
# in-band run keeps every test file's module graph until it exits: all tiers in one process ran out of heap.
# With arguments (a path pattern, jest options) it is one jest run over the matching files of every tier.
export NODE_OPTIONS="--experimental-vm-modules --max-old-space-size=6144"
if [ "$#" -gt 0 ]; then exec npx jest "$@"; fi

started=$(date +%s)
elapsed() { echo "=== $1: $(($(date +%s) - started)) s after npm test started ==="; }
e2e_log=$(mktemp)
{ npx jest --selectProjects e2e; s=$?; elapsed "end-to-end tier done"; exit $s; } >"$e2e_log" 2>&1 &
e2e=$!
status=0
for tier in unit "integration service" security; do
  # shellcheck disable=SC2086 # "integration service" is two project names
  npx jest --selectProjects $tier || status=1
  elapsed "$tier done"
done
wait "$e2e" || status=1
# The browser tier (Chromium, the heaviest) after the end-to-end tier, not beside it: their timing checks share the cores.
npx jest --selectProjects browser || status=1
elapsed "browser done"
echo "--- end-to-end tier (ran beside the others) ---"
cat "$e2e_log"
rm -f "$e2e_log"
exit "$status"
