"""Reference solution: custom metrics from Celery signals, kept in Redis (module 18 lab)."""
import os
import time

import redis
from celery.signals import task_failure, task_postrun, task_prerun, task_success

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
IN_PROGRESS = "metrics:in_progress"

_client = None
_started = {}  # task_id -> monotonic start; task_prerun and task_postrun run in the same process


def client():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(BROKER_URL)
    return _client


def task_key(task_name):
    return f"metrics:task:{task_name}"


@task_prerun.connect
def on_prerun(task_id=None, task=None, **kwargs):
    _started[task_id] = time.monotonic()
    pipe = client().pipeline()
    pipe.hincrby(task_key(task.name), "started", 1)
    pipe.incr(IN_PROGRESS)
    pipe.execute()


@task_postrun.connect
def on_postrun(task_id=None, task=None, **kwargs):
    started = _started.pop(task_id, None)
    pipe = client().pipeline()
    pipe.decr(IN_PROGRESS)
    if started is not None:
        pipe.hincrbyfloat(task_key(task.name), "runtime_total", time.monotonic() - started)
    pipe.hincrby(task_key(task.name), "succeeded", 1)  # the run finished
    pipe.execute()


@task_failure.connect
def on_failure(sender=None, **kwargs):
    client().hincrby(task_key(sender.name), "failed", 1)
