"""Tasks that fail, and the alerts they raise (module 9 exercise). See README.md in this folder."""
import os

import redis
from celery import Celery
from celery.signals import task_failure  # noqa: F401  (for TODO 3)
from celery.utils.log import get_task_logger

import alerts  # noqa: F401  (for TODO 3)

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

logger = get_task_logger(__name__)
store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


# TODO 3: connect a handler to the task_failure signal. It runs in the worker after a task has
#         failed for good (never for a retry): build the alert with alerts.format_alert(...) and
#         send it with alerts.send_alert(...). An alert that cannot be sent must not disturb the
#         worker: catch any error there and log it with logger.exception(...).


@app.task
def add(x, y):
    return x + y


@app.task
def divide(a, b):
    return a / b


@app.task
def import_file(path):
    with open(path, encoding="utf-8") as f:
        return len(f.readlines())


@app.task(autoretry_for=(ConnectionError,), max_retries=2, default_retry_delay=0.1)
def sync_inventory(key, failures):
    """Fails with ConnectionError the first `failures` times it runs for `key`, then succeeds."""
    runs = store.incr(f"lab09:inventory:{key}")
    store.expire(f"lab09:inventory:{key}", 3600)
    if runs <= failures:
        raise ConnectionError(f"inventory service unavailable (run {runs})")
    return "synced"
