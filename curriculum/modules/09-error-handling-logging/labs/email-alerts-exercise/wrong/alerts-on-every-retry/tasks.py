"""Wrong: alerts on every retry as well as on the final failure"""
import os

import redis
from celery import Celery
from celery.signals import task_failure, task_retry
from celery.utils.log import get_task_logger

import alerts

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

logger = get_task_logger(__name__)
store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


@task_retry.connect
def alert_on_retry(sender=None, request=None, reason=None, **extra):
    alert_on_failure(sender=sender, task_id=request.id, exception=reason, args=request.args, kwargs=request.kwargs)


@task_failure.connect
def alert_on_failure(sender=None, task_id=None, exception=None, args=None, kwargs=None, **extra):
    try:
        subject, body = alerts.format_alert(sender.name, task_id, exception, args, kwargs)
        alerts.send_alert(subject, body)
    except Exception:  # an alert must never break the worker
        logger.exception("could not send the failure alert for %s", task_id)


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
