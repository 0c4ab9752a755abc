#!/bin/sh
# Reference solution: module 5, multiple workers lab. Starts both workers; Ctrl-C stops them.
trap 'kill 0' INT TERM
celery -A cpu_worker worker -Q cpu -c 4 -n cpu@%h --loglevel=INFO &
celery -A io_worker worker -Q io -c 2 -n io@%h --loglevel=INFO &
wait
