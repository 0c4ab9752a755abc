"""Wrong on purpose: result_extended=True: every result repeats the task name and arguments"""
import json
import os

import redis
from celery import Celery

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    result_extended=True,
    result_expires=3600,    # an hour is plenty for clients that wait for their result
    task_store_errors_even_if_ignored=True,  # but keep the failures of fire-and-forget tasks
)

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)
REPORT_TTL = 3600


@app.task(ignore_result=True)
def record_event(event):
    """Fire-and-forget: appends an event to the audit list. Nobody ever reads its result."""
    if not isinstance(event, dict) or "type" not in event:
        raise ValueError(f"not an event: {event!r}")
    store.rpush("storage-lab:events", json.dumps(event))
    return event


@app.task
def compute(x):
    """Clients wait for this result with .get()."""
    return x * x + 1


@app.task(bind=True)
def build_report(self, rows):
    """A report with `rows` rows, kept in Redis for an hour; the result is only a reference to it."""
    report = [{"row": i, "customer": f"customer-{i}", "total": i * 3.5} for i in range(rows)]
    key = f"storage-lab:report:{self.request.id}"
    store.set(key, json.dumps(report), ex=REPORT_TTL)
    return {"report_key": key, "rows": len(report)}
