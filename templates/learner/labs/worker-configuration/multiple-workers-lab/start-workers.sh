#!/bin/sh
# Starts both workers on this machine (run it from this folder, with CELERY_BROKER_URL and
# CELERY_RESULT_BACKEND exported). Stop them with Ctrl-C.
#
# TODO 3: one line per worker, each in the background (&), then `wait`:
#   - the cpu worker: app cpu_worker, queue cpu, concurrency 2, node name cpu@%h
#   - the io worker:  app io_worker,  queue io,  concurrency 4, node name io@%h
# for example: celery -A <app> worker -Q <queue> -c <n> -n <name>@%h --loglevel=INFO &
echo "start-workers.sh: not written yet" >&2
exit 1
