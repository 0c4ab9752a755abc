"""Alternative correct audit trail (module 28): the principal and root id read by two small helpers
from any request-like object, handlers connected with signal.connect(handler) at the end instead of
decorators, and the running task found with celery's get_current_task()."""
import os
import time

import redis
from celery._state import get_current_task
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


def who(request):
    value = request.get(PRINCIPAL_HEADER) if hasattr(request, "get") else None
    if value is None and hasattr(request, "request_dict"):
        value = request.request_dict.get(PRINCIPAL_HEADER)
    return value


def publishing(headers=None, **_):
    if headers is None:
        return
    parent = get_current_task()
    if parent is not None and parent.request.id and PRINCIPAL_HEADER not in headers:
        headers[PRINCIPAL_HEADER] = parent.request.get(PRINCIPAL_HEADER)
    write("published", headers.get("id"), headers.get("task"), headers.get(PRINCIPAL_HEADER), headers.get("root_id"))


def received(request=None, **_):
    write("received", request.id, request.name, who(request), request.root_id)


def started(task_id=None, task=None, **_):
    write("started", task_id, task.name, who(task.request), task.request.root_id)


def succeeded(sender=None, **_):
    write("succeeded", sender.request.id, sender.name, who(sender.request), sender.request.root_id)


def failed(sender=None, task_id=None, exception=None, **_):
    write("failed", task_id, sender.name, who(sender.request), sender.request.root_id, error=exception.__class__.__name__)


def revoked(sender=None, request=None, terminated=None, expired=None, **_):
    write("revoked", request.id, getattr(sender, "name", None), who(request), request.root_id,
          expired=bool(expired), terminated=bool(terminated))


def unknown(name=None, id=None, message=None, **_):
    headers = dict(getattr(message, "headers", None) or {})
    write("unknown", id, name, headers.get(PRINCIPAL_HEADER), headers.get("root_id"))


for signal, handler in ((before_task_publish, publishing), (task_received, received), (task_prerun, started),
                        (task_success, succeeded), (task_failure, failed), (task_revoked, revoked), (task_unknown, unknown)):
    signal.connect(handler, weak=False)
