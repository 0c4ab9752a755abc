"""Reference solution: module 19 exercise, error recovery automation."""
import json
import time

from celery import Celery, Task

import upstream
from upstream import PermanentError, TransientError

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

DEAD_LETTERS = "recovery:dead-letters"


class RecoverableTask(Task):
    """Parks jobs that failed for good on a Redis list, for inspection and replay."""

    def on_retry(self, exc, task_id, args, kwargs, einfo):
        self.on_failure(exc, task_id, args, kwargs, einfo)

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        entry = {
            "task": self.name,
            "task_id": task_id,
            "args": list(args),
            "kwargs": dict(kwargs or {}),
            "exc_type": type(exc).__name__,
            "error": str(exc),
            "failed_at": time.time(),
        }
        upstream.client().rpush(DEAD_LETTERS, json.dumps(entry))


@app.task(
    base=RecoverableTask,
    autoretry_for=(TransientError,),
    max_retries=3,
    retry_backoff=True,
    retry_backoff_max=2,
    retry_jitter=True,
    throws=(PermanentError,),
)
def import_record(record):
    attempts = upstream.store(record)
    return {"id": record["id"], "attempts": attempts}


@app.task
def replay_dead_letters():
    client = upstream.client()
    replayed = []
    while (raw := client.lpop(DEAD_LETTERS)) is not None:
        entry = json.loads(raw)
        result = app.send_task(entry["task"], args=entry["args"], kwargs=entry["kwargs"])
        replayed.append(result.id)
    return replayed
