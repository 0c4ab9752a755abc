"""Hidden tests for module 27's custom backend lab. The worker stores results with the learner's
HashBackend, so the grader's own Redis backend never sees them: every result is read straight from
the hash backend-lab:results (in the result Redis database), decoded as JSON."""
import json
import os
import time
import uuid

import redis
from coursebot_lab import send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"], decode_responses=True)
RESULTS = "backend-lab:results"


def stored(task_id):
    raw = store.hget(RESULTS, f"celery-task-meta-{task_id}")
    return json.loads(raw) if raw else None


def finished(task_id, timeout=8):
    def ready():
        if store.exists(f"celery-task-meta-{task_id}"):
            raise AssertionError(f"the result of {task_id} went to Celery's own Redis backend, not to HashBackend: select it in tasks.py")
        meta = stored(task_id)
        return meta if meta and meta.get("status") in ("SUCCESS", "FAILURE") else None

    meta = wait_until(ready, timeout=timeout)
    assert meta, f"no finished result for task {task_id} in the hash {RESULTS} (field celery-task-meta-{task_id})"
    return meta


def run(name, *args):
    return finished(send(name, *args).id)


def test_a_result_is_stored_in_the_hash():
    result = send("tasks.add", 2, 3)
    meta = finished(result.id)
    assert meta["status"] == "SUCCESS" and meta["result"] == 5
    assert meta.get("task_id") == result.id


def test_the_default_redis_backend_is_not_used():
    result = send("tasks.add", 1, 1)
    finished(result.id)
    assert not store.exists(f"celery-task-meta-{result.id}"), "the result was also stored by Celery's own Redis backend"


def test_a_failure_is_stored_with_its_exception():
    meta = run("tasks.fail")
    assert meta["status"] == "FAILURE"
    assert (meta.get("result") or {}).get("exc_type") == "ValueError"


def test_results_are_read_back_through_the_backend():
    done = send("tasks.add", 20, 22)
    finished(done.id)
    assert run("tasks.lookup", done.id)["result"] == {"state": "SUCCESS", "result": 42}
    assert run("tasks.lookup", str(uuid.uuid4()))["result"] == {"state": "PENDING", "result": None}


def test_forget_deletes_a_result():
    done = send("tasks.add", 3, 4)
    finished(done.id)
    run("tasks.forget", done.id)
    assert stored(done.id) is None, "after forget() the result should be gone from the hash"


def test_a_chord_collects_its_header_results():
    chord_id = run("tasks.start_chord", [1, 2, 3])["result"]
    meta = finished(chord_id, timeout=10)
    assert meta["status"] == "SUCCESS" and meta["result"] == 14, f"total(square(1), square(2), square(3)) should be 14, got {meta}"


def test_cleanup_removes_only_expired_results():
    old = send("tasks.add", 5, 5)
    finished(old.id)
    time.sleep(2.6)  # result_expires is 2 s
    fresh = send("tasks.add", 6, 6)
    finished(fresh.id)
    run("celery.backend_cleanup")
    assert stored(old.id) is None, "celery.backend_cleanup ran, but a result older than result_expires is still stored"
    assert stored(fresh.id) is not None, "cleanup removed a result younger than result_expires"
