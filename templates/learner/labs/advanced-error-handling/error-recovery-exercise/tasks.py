"""Module 19 exercise: error recovery automation. See README.md in this folder."""
import json  # noqa: F401
import time  # noqa: F401

from celery import Celery, Task

import upstream
from upstream import PermanentError, TransientError  # noqa: F401

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

DEAD_LETTERS = "recovery:dead-letters"


class RecoverableTask(Task):
    """Base class for tasks whose failed-for-good jobs are parked for inspection and replay."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # TODO 3: park the job: RPUSH onto DEAD_LETTERS (upstream.client() is a Redis client) the JSON
        #         {"task": self.name, "task_id": task_id, "args": list(args), "kwargs": kwargs,
        #          "exc_type": type(exc).__name__, "error": str(exc), "failed_at": time.time()}.
        #         Celery calls on_failure only when the task failed for good (not on each retry).
        pass


# TODO 1: retry TransientError automatically: at most 3 retries (4 attempts), with exponential backoff
#         (retry_backoff=True, retry_backoff_max=2 keeps it fast for the lab).
# TODO 2: fail at once on PermanentError (no retries) and list it in throws=(...), so the worker
#         does not log an expected business error with a full traceback.
@app.task(base=RecoverableTask)
def import_record(record):
    attempts = upstream.store(record)
    return {"id": record["id"], "attempts": attempts}


@app.task
def replay_dead_letters():
    """Re-send every parked job (removing it from the list) and return the new task ids."""
    # TODO 4: pop each entry from DEAD_LETTERS and send it again with
    #         app.send_task(entry["task"], args=entry["args"], kwargs=entry["kwargs"]).
    return []
