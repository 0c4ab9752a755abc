"""White-box tests for module 6's result polling lab: polling.py runs in the caller's process, so
these import it and poll real tasks on the lab's worker (threads, 4 at a time), which is still up."""
import importlib
import time
import uuid

import pytest
from celery.result import AsyncResult


@pytest.fixture(scope="module")
def polling():
    return importlib.import_module("polling")


@pytest.fixture(scope="module")
def tasks():
    return importlib.import_module("tasks")


@pytest.fixture
def no_get(monkeypatch):
    def blocked(*args, **kwargs):
        raise AssertionError("polling called AsyncResult.get(), which blocks: check .state / .ready() instead")

    monkeypatch.setattr(AsyncResult, "get", blocked)
    monkeypatch.setattr(AsyncResult, "wait", blocked)


def test_poll_returns_the_result_without_calling_get(polling, tasks, no_get):
    task_id = tasks.slow_add.delay(2, 3, 0.4).id
    answer = polling.poll_result(tasks.app, task_id, timeout=5)
    assert {k: answer.get(k) for k in ("state", "result")} == {"state": "SUCCESS", "result": 5}, f"returned {answer}"
    assert 2 <= answer.get("polls", 0) <= 10, f"{answer.get('polls')} checks for a 0.4 s task: back off from 0.1 s"


def test_poll_forgets_the_result_it_read(polling, tasks):
    task_id = tasks.slow_add.delay(1, 2, 0).id
    assert polling.poll_result(tasks.app, task_id, timeout=15)["state"] == "SUCCESS"
    assert AsyncResult(task_id, app=tasks.app).state == "PENDING", "the result is still in the backend: call .forget()"


def test_poll_reports_a_failure_without_raising(polling, tasks, no_get):
    answer = polling.poll_result(tasks.app, tasks.fail.delay("boom").id, timeout=5)
    assert {k: answer.get(k) for k in ("state", "error")} == {"state": "FAILURE", "error": "ValueError: boom"}, f"returned {answer}"


def test_poll_gives_up_at_the_timeout_and_backs_off(polling, tasks, no_get):
    task_id = tasks.slow_add.delay(1, 1, 5).id
    started = time.monotonic()
    answer = polling.poll_result(tasks.app, task_id, timeout=1.5)
    elapsed = time.monotonic() - started
    assert answer.get("timed_out") is True and answer.get("state") == "STARTED", f"returned {answer}"
    assert 1.3 <= elapsed <= 2.2, f"poll_result returned after {elapsed:.2f} s with timeout=1.5"
    assert 3 <= answer.get("polls", 0) <= 7, (
        f"{answer.get('polls')} checks in 1.5 s: sleep 0.1, 0.2, 0.4, 0.8 s... (not a fixed interval, not a busy loop)")


def test_poll_respects_max_interval(polling, tasks, no_get):
    task_id = tasks.slow_add.delay(1, 1, 5).id
    answer = polling.poll_result(tasks.app, task_id, timeout=2.0, first_interval=0.2, max_interval=0.2)
    assert 8 <= answer.get("polls", 0) <= 13, f"{answer.get('polls')} checks in 2 s at most 0.2 s apart"


def test_an_unknown_task_id_stays_pending(polling, tasks, no_get):
    answer = polling.poll_result(tasks.app, str(uuid.uuid4()), timeout=0.5)
    assert {k: answer.get(k) for k in ("state", "timed_out")} == {"state": "PENDING", "timed_out": True}, f"returned {answer}"


def wait_ready(app, task_id, timeout=5):
    deadline = time.monotonic() + timeout
    while not AsyncResult(task_id, app=app).ready() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_status_of_a_running_task(polling, tasks, no_get):
    task_id = tasks.slow_add.delay(3, 4, 3).id
    deadline = time.monotonic() + 2.5
    while AsyncResult(task_id, app=tasks.app).state == "PENDING" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert polling.status(tasks.app, task_id) == {"task_id": task_id, "state": "STARTED", "ready": False}


def test_status_of_finished_tasks(polling, tasks, no_get):
    ok, bad = tasks.slow_add.delay(3, 4, 0).id, tasks.fail.delay("nope").id
    wait_ready(tasks.app, ok)
    wait_ready(tasks.app, bad)
    assert polling.status(tasks.app, ok) == {"task_id": ok, "state": "SUCCESS", "ready": True, "result": 7}
    assert polling.status(tasks.app, bad) == {"task_id": bad, "state": "FAILURE", "ready": True, "error": "ValueError: nope"}
