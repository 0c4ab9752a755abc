"""Wrong on purpose: the unknown record keeps the message body, the unknown task's arguments with it"""
import os
import time

import redis
from celery import current_task
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


@before_task_publish.connect
def on_publish(headers=None, **kwargs):
    if headers is None:
        return
    running = current_task._get_current_object() if current_task else None
    if not headers.get(PRINCIPAL_HEADER) and running is not None and running.request.id:
        headers[PRINCIPAL_HEADER] = running.request.get(PRINCIPAL_HEADER)
    write("published", headers.get("id"), headers.get("task"), headers.get(PRINCIPAL_HEADER), headers.get("root_id"))


@task_received.connect
def on_received(request=None, **kwargs):
    write("received", request.id, request.name, request.request_dict.get(PRINCIPAL_HEADER), request.root_id)


@task_prerun.connect
def on_started(task_id=None, task=None, **kwargs):
    write("started", task_id, task.name, task.request.get(PRINCIPAL_HEADER), task.request.root_id)


@task_success.connect
def on_succeeded(sender=None, **kwargs):
    write("succeeded", sender.request.id, sender.name, sender.request.get(PRINCIPAL_HEADER), sender.request.root_id)


@task_failure.connect
def on_failed(sender=None, task_id=None, exception=None, **kwargs):
    write("failed", task_id, sender.name, sender.request.get(PRINCIPAL_HEADER), sender.request.root_id,
          error=type(exception).__name__)


@task_revoked.connect
def on_revoked(sender=None, request=None, terminated=None, expired=None, **kwargs):
    write("revoked", request.id, getattr(sender, "name", None), request.get(PRINCIPAL_HEADER), request.root_id,
          expired=bool(expired), terminated=bool(terminated))


@task_unknown.connect
def on_unknown(name=None, id=None, message=None, **kwargs):
    headers = getattr(message, "headers", None) or {}
    write("unknown", id, name, headers.get(PRINCIPAL_HEADER), headers.get("root_id"), body=getattr(message, "body", ""))
