#!/bin/sh
# Wrong: prints the two commands (and mentions them in comments) but never starts a worker.
# celery -A cpu_worker worker -Q cpu -c 2 -n cpu@%h --loglevel=INFO &
# celery -A io_worker worker -Q io -c 4 -n io@%h --loglevel=INFO &
echo "run: celery -A cpu_worker worker -Q cpu -c 2 -n cpu@%h --loglevel=INFO &"
echo "run: celery -A io_worker worker -Q io -c 4 -n io@%h --loglevel=INFO &"
