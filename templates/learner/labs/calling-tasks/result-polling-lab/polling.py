"""Result polling with a timeout (module 6 lab). See README.md in this folder.

Nothing here may call AsyncResult.get(): it blocks, and a web request that blocks holds a
server process hostage. Poll the state instead, with growing pauses, and give up in time.
"""
import time  # noqa: F401

from celery.result import AsyncResult  # noqa: F401


def status(app, task_id):
    """What a status endpoint answers at once, without waiting:
        {"task_id": task_id, "state": "STARTED", "ready": False}
    and, once the task has finished, also "result" (its return value) when it succeeded, or
    "error" ("ValueError: boom": the exception's type name, a colon and its message) when it failed."""
    # TODO 2: AsyncResult(task_id, app=app): .state, .ready(), .successful(), .result
    raise NotImplementedError


def poll_result(app, task_id, timeout=10.0, first_interval=0.1, max_interval=1.0, factor=2.0):
    """Checks the task's state until it is ready or `timeout` seconds have passed.

    Between two checks it sleeps `first_interval`, then `factor` times longer each time, never
    longer than `max_interval`, and never past the deadline. Returns
        {"state": "SUCCESS", "result": <return value>, "polls": <checks made>}
        {"state": "FAILURE", "error": "ValueError: boom", "polls": ...}
        {"state": <last state seen, e.g. "PENDING" or "STARTED">, "timed_out": True, "polls": ...}
    Once it has read a finished result, it deletes it from the backend (.forget()).
    """
    # TODO 3
    raise NotImplementedError


if __name__ == "__main__":
    from tasks import app, fail, slow_add

    print(poll_result(app, slow_add.delay(2, 3, 1.5).id, timeout=5))
    print(poll_result(app, fail.delay("boom").id, timeout=5))
    print(poll_result(app, slow_add.delay(1, 1, 10).id, timeout=2))
