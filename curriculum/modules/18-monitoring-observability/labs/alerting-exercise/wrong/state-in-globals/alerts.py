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


_failures = {}  # task name -> failure times
_silenced_until = {}  # (rule, task) -> time


def raise_alert(rule, task, severity, message, **extra):
    now = time.time()
    if _silenced_until.get((rule, task), 0) > now:
        return False
    _silenced_until[(rule, task)] = now + COOLDOWN_SECONDS
    alert = {"rule": rule, "task": task, "severity": severity, "message": message, "at": time.time(), **extra}
    client().rpush(ALERTS_KEY, json.dumps(alert))
    return True


@task_failure.connect
def on_failure(sender=None, task_id=None, exception=None, **kwargs):
    name = sender.name
    now = time.time()
    window = [t for t in _failures.get(name, []) if t > now - WINDOW_SECONDS] + [now]
    _failures[name] = window
    count = len(window)
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
