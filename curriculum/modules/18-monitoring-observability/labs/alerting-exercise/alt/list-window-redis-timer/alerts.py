"""Alert rules, another way: a capped list per task type as the window, start times kept in Redis."""
import json
import os
import time

import redis
from celery import signals

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
ALERTS_KEY = "alerts:outbox"
FAILURE_THRESHOLD = 3
WINDOW_SECONDS = 60
COOLDOWN_SECONDS = 300
SLOW_TASK_SECONDS = 0.5

store = redis.Redis.from_url(BROKER_URL, decode_responses=True)


def raise_alert(rule, task, severity, message, **extra):
    """The first caller inside the cooldown wins the SET NX; the others stay silent."""
    first = store.set(f"alerts:silenced:{task}:{rule}", str(time.time()), nx=True, px=COOLDOWN_SECONDS * 1000)
    if not first:
        return False
    payload = dict(extra, rule=rule, task=task, severity=severity, message=message, at=time.time())
    store.rpush(ALERTS_KEY, json.dumps(payload))
    return True


def count_failure(sender=None, **_):
    """Keep the times of the last FAILURE_THRESHOLD failures; a burst is when the oldest of them is recent."""
    recent = f"alerts:recent-failures:{sender.name}"
    now = time.time()
    with store.pipeline() as pipe:
        pipe.lpush(recent, now)
        pipe.ltrim(recent, 0, FAILURE_THRESHOLD - 1)
        pipe.lrange(recent, 0, -1)
        pipe.expire(recent, WINDOW_SECONDS * 2)
        times = [float(t) for t in pipe.execute()[2]]
    if len(times) == FAILURE_THRESHOLD and now - min(times) <= WINDOW_SECONDS:
        raise_alert("failure-burst", sender.name, "critical",
                    f"{sender.name}: {FAILURE_THRESHOLD} failures within {WINDOW_SECONDS} s")


def note_start(task_id=None, **_):
    store.set(f"alerts:run-started:{task_id}", repr(time.time()), ex=3600)


def check_duration(task_id=None, task=None, **_):
    key = f"alerts:run-started:{task_id}"
    with store.pipeline() as pipe:
        started = pipe.get(key).delete(key).execute()[0]
    if started is None:
        return
    elapsed = time.time() - float(started)
    if elapsed > SLOW_TASK_SECONDS:
        raise_alert("slow-task", task.name, "warning", f"{task.name} ran for {elapsed:.3f} s", runtime=elapsed)


signals.task_failure.connect(count_failure, weak=False)
signals.task_prerun.connect(note_start, weak=False)
signals.task_postrun.connect(check_duration, weak=False)
