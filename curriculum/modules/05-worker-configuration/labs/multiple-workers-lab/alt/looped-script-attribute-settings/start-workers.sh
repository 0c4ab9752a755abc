#!/usr/bin/env bash
# Alternative solution: one loop over "module queue concurrency" triples, long options, a line continuation.
set -eu
trap 'kill 0' INT TERM
for spec in "cpu_worker cpu 2" "io_worker io 4"; do
  set -- $spec
  celery --app "$1" worker \
    --queues="$2" --concurrency "$3" --hostname="$2@%h" --loglevel=INFO &
done
wait
