"""Wrong: leaves the finished result in the backend (no .forget())"""
import time

from celery import states
from celery.result import AsyncResult


def _outcome(result):
    if result.successful():
        return {"result": result.result}
    error = result.result
    return {"error": f"{type(error).__name__}: {error}"}


def status(app, task_id):
    result = AsyncResult(task_id, app=app)
    # Read the state once: .state and .ready() are separate backend reads, and the task may finish in between.
    state = result.state
    answer = {"task_id": task_id, "state": state, "ready": state in states.READY_STATES}
    if answer["ready"]:
        answer.update(_outcome(result))
    return answer


def poll_result(app, task_id, timeout=10.0, first_interval=0.1, max_interval=1.0, factor=2.0):
    result = AsyncResult(task_id, app=app)
    deadline = time.monotonic() + timeout
    interval = first_interval
    polls = 0
    while True:
        state = result.state
        polls += 1
        if state in states.READY_STATES:
            answer = {"state": state, **_outcome(result), "polls": polls}
            return answer
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return {"state": state, "timed_out": True, "polls": polls}
        time.sleep(min(interval, max_interval, remaining))
        interval *= factor


if __name__ == "__main__":
    from tasks import app, fail, slow_add

    print(poll_result(app, slow_add.delay(2, 3, 1.5).id, timeout=5))
    print(poll_result(app, fail.delay("boom").id, timeout=5))
    print(poll_result(app, slow_add.delay(1, 1, 10).id, timeout=2))
