#!/bin/sh
# `npm test`: every tier, each in its own jest process. On two cores jest runs a project in band, and in native ESM
# mode an in-band run keeps each test file's module graph until the process exits: all tiers in one process ran out
# of heap (4 GB) two thirds of the way through. Extra arguments go to every run (e.g. a test path pattern).
set -e
export NODE_OPTIONS="--experimental-vm-modules --max-old-space-size=6144"
for tier in unit "integration service" e2e security browser; do
  # shellcheck disable=SC2086 # "integration service" is two project names
  npx jest --selectProjects $tier "$@"
done
