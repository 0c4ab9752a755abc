"""Wrong on purpose: no memory limit, and the rss task reports a made-up small number"""
import os
import time

from celery import Celery

import chaos

app = Celery("resources")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # Memory: a child holding more than 100 MB after a task is replaced (the setting is in KiB).
    # Time: a soft limit a task can catch to clean up, then a hard kill.
    task_soft_time_limit=1,
    task_time_limit=2,
    # No lost work: acknowledge after running, and requeue when the process running it died.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    # Heavy tasks: each process reserves one message, so none waits behind a busy sibling.
    worker_prefetch_multiplier=1,
)


@app.task
def hog(mb):
    chaos.leak(mb)
    return {"pid": os.getpid(), "rss_kb": chaos.rss_kb()}


@app.task
def rss():
    time.sleep(0.3)
    return {"pid": os.getpid(), "rss_kb": 40_000}


@app.task
def runaway():
    chaos.spin()


# Limits of its own, above the app's: Celery 5.2 can take up to 5 s to notice that a process was
# killed, and a 2 s hard limit would fail the task before the loss is even seen.
@app.task(soft_time_limit=14, time_limit=15)
def fragile(token):
    return chaos.crash_once(token)
