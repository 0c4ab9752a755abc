"""Alternative solution: a base Task class whose on_failure sends the alert (Celery calls it only once
a task has failed for good, never for a retry), set as the app's default task class."""
import logging
import os

import redis
from celery import Celery, Task

import alerts

log = logging.getLogger(__name__)


class AlertingTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        try:
            alerts.send_alert(*alerts.format_alert(self.name, task_id, exc, args, kwargs))
        except OSError:
            log.warning("the failure alert for %s could not be sent", task_id, exc_info=True)


app = Celery("tasks", task_cls=AlertingTask)
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]

store = redis.Redis.from_url(os.getenv("CELERY_BROKER_URL", "redis://localhost:6379/0"))


@app.task
def add(x, y):
    return x + y


@app.task
def divide(a, b):
    return a / b


@app.task
def import_file(path):
    with open(path, encoding="utf-8") as handle:
        return sum(1 for _ in handle)


@app.task(autoretry_for=(ConnectionError,), max_retries=2, default_retry_delay=0.1)
def sync_inventory(key, failures):
    name = "lab09:inventory:" + key
    runs = store.incr(name)
    store.expire(name, 3600)
    if runs <= failures:
        raise ConnectionError("inventory service unavailable (run %d)" % runs)
    return "synced"
