"""Alternative correct solution (module 39 resources): settings from a class with config_from_object,
the memory budget written as 90 MiB, and the killed-process task's own limits set in its decorator."""
import os
import time

from celery import Celery

import chaos


class Limits:
    task_serializer = "json"
    result_serializer = "json"
    accept_content = ["json"]
    worker_max_memory_per_child = 90 * 1024  # KiB
    task_soft_time_limit = 1.0
    task_time_limit = 2.5
    task_acks_late = True
    task_reject_on_worker_lost = True
    worker_prefetch_multiplier = 1


app = Celery("resources")
app.config_from_object(Limits)


@app.task(name="resources.hog")
def hog(mb):
    chaos.leak(mb)
    return {"pid": os.getpid(), "rss_kb": chaos.rss_kb()}


@app.task(name="resources.rss")
def rss():
    time.sleep(0.3)
    return {"pid": os.getpid(), "rss_kb": chaos.rss_kb()}


@app.task(name="resources.runaway")
def runaway():
    chaos.spin()


@app.task(name="resources.fragile", soft_time_limit=14, time_limit=15)
def fragile(token):
    return chaos.crash_once(token)
