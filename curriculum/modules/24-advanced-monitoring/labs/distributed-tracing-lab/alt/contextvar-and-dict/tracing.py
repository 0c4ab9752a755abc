"""Alternative correct tracing (module 24): the running trace in a contextvars.ContextVar, start times
in a dict keyed by task id, and the span's state from task_postrun's own argument."""
import contextvars
import json
import os
import time
from uuid import uuid4

import redis
from celery.signals import before_task_publish, task_postrun, task_prerun

TRACE_HEADER = "trace_id"

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)

_trace = contextvars.ContextVar("trace", default=None)
_started = {}


def record_span(span):
    """Stores one finished span (a JSON-able dict with at least task_id and trace_id). Provided: do not change."""
    store.set(f"tracing-lab:span:{span['task_id']}", json.dumps(span), ex=3600)
    key = f"tracing-lab:trace:{span['trace_id']}"
    store.rpush(key, span["task_id"])
    store.expire(key, 3600)


def current_trace_id():
    return _trace.get()


@before_task_publish.connect
def carry_trace(headers=None, **_):
    if headers is not None and not headers.get(TRACE_HEADER):
        headers[TRACE_HEADER] = _trace.get() or uuid4().hex


@task_prerun.connect
def open_span(task_id=None, task=None, **_):
    _trace.set(task.request.get(TRACE_HEADER) or uuid4().hex)
    _started[task_id] = time.perf_counter()


@task_postrun.connect
def close_span(task_id=None, task=None, state=None, **_):
    began = _started.pop(task_id, None)
    record_span({"task_id": task_id, "name": task.name, "trace_id": _trace.get() or task.request.get(TRACE_HEADER),
                 "parent_id": task.request.parent_id, "state": state,
                 "duration": None if began is None else time.perf_counter() - began})
    _trace.set(None)
