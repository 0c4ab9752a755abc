"""A security audit trail built from Celery signals (module 28 lab). See README.md in this folder.

Who asked for a task travels in a message header named "principal". Every record is written with
write(): an append-only Redis stream, separate from the application's logs.
"""
import os
import time

import redis
from celery.signals import (
    before_task_publish,
    task_failure,
    task_prerun,
    task_received,
    task_revoked,
    task_success,
    task_unknown,
)

PRINCIPAL_HEADER = "principal"
ANONYMOUS = "anonymous"
STREAM = "audit-lab:log"

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


def write(event, task_id, task, principal, root_id, **extra):
    """Appends one audit record. Provided: do not change. Never pass task arguments to it."""
    record = {"event": event, "task_id": task_id, "task": task, "principal": principal or ANONYMOUS,
              "root_id": root_id or task_id, "time": f"{time.time():.6f}"}
    record.update({key: str(value) for key, value in extra.items()})
    store.xadd(STREAM, {key: "" if value is None else str(value) for key, value in record.items()}, maxlen=100000, approximate=True)


# TODO 1 (before_task_publish, in whatever process sends a message): when a task sends another task,
# copy the running task's principal into headers[PRINCIPAL_HEADER] (unless one is there already) and
# write a "published" record for the new message (headers["id"], headers["task"], headers["root_id"]).
# The running task, if any: celery.current_task (None outside a task).

# TODO 2 (task_received, in the worker's main process): write a "received" record. The handler gets
# request= (the worker's Request): request.id, request.name, request.root_id, and the message headers
# in request.request_dict.

# TODO 3 (task_prerun and task_success): write "started" and "succeeded". The task is sender= / task=;
# its message headers are on task.request (task.request.get(PRINCIPAL_HEADER)).

# TODO 4 (task_failure): write "failed" with error=<the exception's class name>, e.g. ZeroDivisionError.

# TODO 5 (task_revoked): write "revoked"; request= is the task's request context (request.id, request.get(...)).

# TODO 6 (task_unknown): write "unknown" for a message naming a task this worker does not have
# (name=, id=, message=; the headers are message.headers). Someone may be probing your workers.
