"""Alternative solution: the waits come from a generator, the state from result.status, and the
outcome from the backend's meta read once per poll."""
import itertools
import time

from celery.result import AsyncResult
from celery.states import FAILURE, READY_STATES


def waits(first, ceiling, factor):
    for step in itertools.count():
        yield min(first * factor ** step, ceiling)


def _describe(result):
    value = result.result
    if result.status == FAILURE:
        return {"error": "{}: {}".format(type(value).__name__, value)}
    return {"result": value}


def status(app, task_id):
    result = app.AsyncResult(task_id)
    current = result.status
    done = current in READY_STATES
    return dict({"task_id": task_id, "state": current, "ready": done}, **(_describe(result) if done else {}))


def poll_result(app, task_id, timeout=10.0, first_interval=0.1, max_interval=1.0, factor=2.0):
    result = AsyncResult(task_id, app=app)
    give_up = time.monotonic() + timeout
    pauses = waits(first_interval, max_interval, factor)
    for count in itertools.count(1):
        current = result.status
        if current in READY_STATES:
            found = dict(state=current, polls=count, **_describe(result))
            result.forget()
            return found
        left = give_up - time.monotonic()
        if left <= 0:
            return {"state": current, "timed_out": True, "polls": count}
        time.sleep(min(next(pauses), left))
