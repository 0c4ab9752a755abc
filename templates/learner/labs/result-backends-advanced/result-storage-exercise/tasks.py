"""An app that stores far more results than anyone reads (module 27 exercise). See README.md.

Keep the task names, arguments and what each task does; change how (and whether) results are stored.
"""
import json
import os

import redis
from celery import Celery

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables: the grader sets them, and so does docker-compose.yml for local runs.
app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    result_extended=True,  # stores name, args, kwargs, worker, queue... with every result
    result_expires=None,   # results are never deleted
)

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


@app.task
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
    """A report with `rows` rows; clients fetch it once, later."""
    return [{"row": i, "customer": f"customer-{i}", "total": i * 3.5} for i in range(rows)]
