"""Alert rules for the worker, driven by Celery signals (module 18 exercise).

Rules (see README.md):

- failure-burst (severity "critical"): a task type fails FAILURE_THRESHOLD times within
  WINDOW_SECONDS. One alert, then silence for that task type for COOLDOWN_SECONDS.
- slow-task (severity "warning"): a run takes longer than SLOW_TASK_SECONDS. One alert per task
  type per COOLDOWN_SECONDS.

An alert is a JSON object pushed (RPUSH) onto the Redis list ALERTS_KEY, with at least:

    {"rule": "failure-burst", "task": "tasks.sync_inventory", "severity": "critical",
     "message": "tasks.sync_inventory failed 3 times in 60 s", "at": 1718000000.0}

slow-task alerts also carry "runtime" (seconds, a number).

Worker processes share no memory, so every counter, window and cooldown lives in Redis (the one at
CELERY_BROKER_URL), under keys that start with "alerts:".
"""
import os

import redis  # noqa: F401
from celery.signals import task_failure, task_postrun, task_prerun  # noqa: F401

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
ALERTS_KEY = "alerts:outbox"
FAILURE_THRESHOLD = 3
WINDOW_SECONDS = 60
COOLDOWN_SECONDS = 300
SLOW_TASK_SECONDS = 0.5


def raise_alert(rule, task, severity, message, **extra):
    """Deliver one alert: push it onto ALERTS_KEY, unless the same rule already fired for this task
    within COOLDOWN_SECONDS. Returns True when the alert was delivered."""
    # TODO 1: deduplicate with a cooldown key (SET alerts:cooldown:<rule>:<task> 1 NX EX COOLDOWN_SECONDS)
    #         and RPUSH json.dumps({"rule": ..., "task": ..., "severity": ..., "message": ..., "at": time.time(), **extra}).
    return False


# TODO 2: a task_failure handler: record the failure in a per-task sliding window in Redis (a sorted
#         set scored by time, trimmed to the last WINDOW_SECONDS) and raise a "failure-burst" alert once
#         it holds FAILURE_THRESHOLD failures. The handler's sender is the task (sender.name).
# TODO 3: task_prerun / task_postrun handlers that time each run (keyed by task_id) and raise a
#         "slow-task" alert with the runtime when it exceeds SLOW_TASK_SECONDS.
