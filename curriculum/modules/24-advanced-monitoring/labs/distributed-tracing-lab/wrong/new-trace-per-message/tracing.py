"""Wrong on purpose: every outgoing message starts a new trace: the tasks a task sends are not in its trace"""
import json
import os
import threading
import time
import uuid

import redis
from celery.signals import before_task_publish, task_postrun, task_prerun

TRACE_HEADER = "trace_id"

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)

# One running task per thread (prefork and solo run one per process; the threads pool one per thread).
_current = threading.local()


def record_span(span):
    """Stores one finished span (a JSON-able dict with at least task_id and trace_id). Provided: do not change."""
    store.set(f"tracing-lab:span:{span['task_id']}", json.dumps(span), ex=3600)
    key = f"tracing-lab:trace:{span['trace_id']}"
    store.rpush(key, span["task_id"])
    store.expire(key, 3600)


def current_trace_id():
    """The trace id of the task running in this process right now, or None outside a task."""
    return getattr(_current, "trace_id", None)


@before_task_publish.connect
def inject_trace(headers=None, **kwargs):
    if headers is None:
        return
    headers[TRACE_HEADER] = headers.get(TRACE_HEADER) or uuid.uuid4().hex


@task_prerun.connect
def start_span(task_id=None, task=None, **kwargs):
    _current.trace_id = task.request.get(TRACE_HEADER) or uuid.uuid4().hex
    _current.started = time.monotonic()


@task_postrun.connect
def finish_span(task_id=None, task=None, state=None, **kwargs):
    trace_id = current_trace_id() or task.request.get(TRACE_HEADER)
    started = getattr(_current, "started", None)
    record_span({
        "task_id": task_id,
        "name": task.name,
        "trace_id": trace_id,
        "parent_id": task.request.parent_id,
        "state": state,
        "duration": time.monotonic() - started if started is not None else None,
    })
    _current.trace_id = None
    _current.started = None
