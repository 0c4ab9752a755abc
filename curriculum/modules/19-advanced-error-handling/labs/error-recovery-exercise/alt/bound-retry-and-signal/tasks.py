"""Module 19 exercise, another way: explicit self.retry, a task_failure handler, an atomic replay."""
import json
import time

from celery import Celery, Task
from celery.signals import task_failure

import upstream
from upstream import PermanentError, TransientError

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

DEAD_LETTERS = "recovery:dead-letters"
RETRIES = 3


class RecoverableTask(Task):
    """Marks the tasks whose final failures are parked (by the signal handler below)."""

    parks_failures = True


@task_failure.connect
def park(sender=None, task_id=None, exception=None, args=None, kwargs=None, **_):
    # Sent once, when the task fails for good: a Retry is not a failure.
    if not getattr(sender, "parks_failures", False):
        return
    upstream.client().rpush(DEAD_LETTERS, json.dumps({
        "task": sender.name,
        "task_id": task_id,
        "args": list(args or ()),
        "kwargs": dict(kwargs or {}),
        "exc_type": exception.__class__.__name__,
        "error": f"{exception}",
        "failed_at": time.time(),
    }))


@app.task(base=RecoverableTask, bind=True, max_retries=RETRIES, throws=(PermanentError,))
def import_record(self, record):
    try:
        attempts = upstream.store(record)
    except TransientError as error:
        # 0.25 s, 0.5 s, 1 s: exponential, capped at 2 s.
        raise self.retry(exc=error, countdown=min(2.0, 0.25 * 2 ** self.request.retries))
    return {"id": record["id"], "attempts": attempts}


@app.task
def replay_dead_letters():
    with upstream.client().pipeline(transaction=True) as pipe:
        raw_entries, _ = pipe.lrange(DEAD_LETTERS, 0, -1).delete(DEAD_LETTERS).execute()
    new_ids = []
    for raw in raw_entries:
        job = json.loads(raw)
        new_ids.append(app.signature(job["task"], args=job["args"], kwargs=job["kwargs"]).apply_async().id)
    return new_ids
