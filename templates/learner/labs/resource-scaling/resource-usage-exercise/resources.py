"""Optimize resource usage (module 39 exercise). See README.md in this folder."""
import os
import time

from celery import Celery

import chaos

app = Celery("resources")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # TODO 1: memory: replace a child process once it holds more than 100 MB after a task
    # TODO 2: time: a soft limit of 1 s and a hard limit of 2 s per task
    # TODO 3: no lost work: acknowledge after the task ran, and requeue a task whose process died
    # TODO 4: reserve one message per process
)


@app.task
def hog(mb):
    chaos.leak(mb)
    return {"pid": os.getpid(), "rss_kb": chaos.rss_kb()}


@app.task
def rss():
    time.sleep(0.3)
    return {"pid": os.getpid(), "rss_kb": chaos.rss_kb()}


@app.task
def runaway():
    chaos.spin()


# Limits of its own, above the app's: Celery 5.2 can take up to 5 s to notice that a process was
# killed, and a 2 s hard limit would fail the task before the loss is even seen.
@app.task(soft_time_limit=14, time_limit=15)
def fragile(token):
    return chaos.crash_once(token)
