"""Module 18 lab: the tasks your dashboard watches. See README.md in this folder.

You do not need to change this file: your work goes into metrics.py and dashboard.py.
"""
from celery import Celery

import dashboard
import metrics  # noqa: F401  (importing it connects your signal handlers)

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    worker_send_task_events=True,  # the same as starting the worker with -E
)

dashboard.install(app)


@app.task
def add(x, y):
    return x + y


@app.task
def sleepy(seconds):
    """Stands in for slow work: a report, an upload."""
    import time

    time.sleep(seconds)
    return seconds


@app.task
def fail(message):
    """Always fails, so your metrics and dashboard have failures to show."""
    raise RuntimeError(message)
