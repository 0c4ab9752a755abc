"""Alternative solution: metrics from two signals only. task_postrun's `state` says how the run
ended, so success and failure are counted there; the run time is kept on the task's request."""
import os
import time
from collections import Counter
from functools import lru_cache

import redis
from celery import signals

PREFIX = "metrics:task:"


@lru_cache(maxsize=None)
def _redis(pid):
    # One client per process (prefork children get their own after the fork).
    return redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


def store():
    return _redis(os.getpid())


def task_key(task_name):
    return PREFIX + task_name


@signals.task_prerun.connect
def began(sender=None, task=None, **_):
    task.request.coursebot_began = time.perf_counter()
    store().pipeline().hincrby(task_key(sender.name), "started", 1).incr("metrics:in_progress").execute()


@signals.task_postrun.connect
def ended(sender=None, task=None, state=None, **_):
    outcome = Counter({"succeeded": int(state == "SUCCESS"), "failed": int(state == "FAILURE")})
    pipe = store().pipeline().decr("metrics:in_progress")
    began_at = getattr(task.request, "coursebot_began", None)
    if began_at is not None:
        pipe.hincrbyfloat(task_key(sender.name), "runtime_total", time.perf_counter() - began_at)
    for field, count in outcome.items():
        if count:
            pipe.hincrby(task_key(sender.name), field, count)
    pipe.execute()
