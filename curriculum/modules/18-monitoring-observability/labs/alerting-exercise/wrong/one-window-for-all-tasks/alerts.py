"""Reference solution: alert rules driven by Celery signals, state in Redis (module 18 exercise)."""
import json
import os
import time

import redis
from celery.signals import task_failure, task_postrun, task_prerun

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
ALERTS_KEY = "alerts:outbox"
FAILURE_THRESHOLD = 3
WINDOW_SECONDS = 60
COOLDOWN_SECONDS = 300
SLOW_TASK_SECONDS = 0.5

_client = None
_started = {}  # task_id -> monotonic start, in the process that runs the task


def client():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(BROKER_URL)
    return _client


def raise_alert(rule, task, severity, message, **extra):
    if not client().set(f"alerts:cooldown:{rule}:{task}", 1, nx=True, ex=COOLDOWN_SECONDS):
        return False
    alert = {"rule": rule, "task": task, "severity": severity, "message": message, "at": time.time(), **extra}
    client().rpush(ALERTS_KEY, json.dumps(alert))
    return True


@task_failure.connect
def on_failure(sender=None, task_id=None, exception=None, **kwargs):
    name = sender.name
    window = "alerts:failures"
    now = time.time()
    pipe = client().pipeline()
    pipe.zadd(window, {task_id or repr(now): now})
    pipe.zremrangebyscore(window, 0, now - WINDOW_SECONDS)
    pipe.zcard(window)
    pipe.expire(window, WINDOW_SECONDS)
    count = pipe.execute()[2]
    if count >= FAILURE_THRESHOLD:
        raise_alert("failure-burst", name, "critical",
                    f"{name} failed {count} times in {WINDOW_SECONDS} s (last: {exception!r})", failures=count)


@task_prerun.connect
def on_prerun(task_id=None, **kwargs):
    _started[task_id] = time.monotonic()


@task_postrun.connect
def on_postrun(task_id=None, task=None, **kwargs):
    started = _started.pop(task_id, None)
    if started is None:
        return
    runtime = time.monotonic() - started
    if runtime > SLOW_TASK_SECONDS:
        raise_alert("slow-task", task.name, "warning",
                    f"{task.name} took {runtime:.2f} s (limit {SLOW_TASK_SECONDS} s)", runtime=runtime)
