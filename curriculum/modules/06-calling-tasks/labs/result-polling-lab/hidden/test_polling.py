"""White-box tests for module 6's result polling lab: polling.py runs in the caller's process, so
these import it and poll real tasks on the lab's worker (threads, 4 at a time), which is still up.
How often the poller really read the backend is measured here (every get_task_meta call, timed),
not taken from the "polls" it reports; numbers are drawn per run from COURSEBOT_SEED."""
import importlib
import os
import random
import time
import uuid

import pytest
from celery.result import AsyncResult

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


@pytest.fixture
def reads(tasks, monkeypatch):
    """The times of the backend reads made during a test, grouped into polls (reads < 30 ms apart)."""
    backend = tasks.app.backend
    real = backend.get_task_meta
    times = []

    def counted(*args, **kwargs):
        times.append(time.monotonic())
        return real(*args, **kwargs)

    monkeypatch.setattr(backend, "get_task_meta", counted)

    def polls():
        grouped = []
        for moment in times:
            if not grouped or moment - grouped[-1][-1] > 0.03:
                grouped.append([moment])
            else:
                grouped[-1].append(moment)
        return [group[0] for group in grouped]

    return polls


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
    x, y = RNG.randint(-999, 999), RNG.randint(-999, 999)
    task_id = tasks.slow_add.delay(x, y, 0.4).id
    answer = polling.poll_result(tasks.app, task_id, timeout=5)
    assert {k: answer.get(k) for k in ("state", "result")} == {"state": "SUCCESS", "result": x + y}, \
        f"returned {answer} for slow_add({x}, {y}) (seed {SEED})"
    assert 2 <= answer.get("polls", 0) <= 10, f"{answer.get('polls')} checks for a 0.4 s task: back off from 0.1 s"


def test_poll_forgets_the_result_it_read(polling, tasks):
    task_id = tasks.slow_add.delay(1, 2, 0).id
    assert polling.poll_result(tasks.app, task_id, timeout=15)["state"] == "SUCCESS"
    assert AsyncResult(task_id, app=tasks.app).state == "PENDING", "the result is still in the backend: call .forget()"


def test_poll_reports_a_failure_without_raising(polling, tasks, no_get):
    message = f"boom-{RNG.randrange(10**6)}"
    answer = polling.poll_result(tasks.app, tasks.fail.delay(message).id, timeout=5)
    assert {k: answer.get(k) for k in ("state", "error")} == {"state": "FAILURE", "error": f"ValueError: {message}"}, f"returned {answer}"


def test_poll_gives_up_at_the_timeout_and_backs_off(polling, tasks, no_get, reads):
    task_id = tasks.slow_add.delay(1, 1, 5).id
    started = time.monotonic()
    answer = polling.poll_result(tasks.app, task_id, timeout=1.5)
    elapsed = time.monotonic() - started
    assert answer.get("timed_out") is True and answer.get("state") == "STARTED", f"returned {answer}"
    assert 1.3 <= elapsed <= 2.2, f"poll_result returned after {elapsed:.2f} s with timeout=1.5"
    assert 3 <= answer.get("polls", 0) <= 7, (
        f"{answer.get('polls')} checks in 1.5 s: sleep 0.1, 0.2, 0.4, 0.8 s... (not a fixed interval, not a busy loop)")
    polls = reads()
    assert 3 <= len(polls) <= 7 and abs(len(polls) - answer["polls"]) <= 1, (
        f"the backend was read in {len(polls)} separate polls in 1.5 s (you reported {answer['polls']}): "
        "sleep 0.1, 0.2, 0.4, 0.8 s... between reads")
    gaps = [b - a for a, b in zip(polls, polls[1:])]
    assert all(later >= earlier * 1.5 for earlier, later in zip(gaps, gaps[1:-1])), \
        f"seconds between polls: {[round(g, 2) for g in gaps]}; each wait should double"


def test_poll_respects_max_interval(polling, tasks, no_get, reads):
    task_id = tasks.slow_add.delay(1, 1, 5).id
    answer = polling.poll_result(tasks.app, task_id, timeout=2.0, first_interval=0.2, max_interval=0.2)
    assert 8 <= answer.get("polls", 0) <= 13, f"{answer.get('polls')} checks in 2 s at most 0.2 s apart"
    assert 8 <= len(reads()) <= 13, f"the backend was read in {len(reads())} separate polls in 2 s, at most 0.2 s apart"


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
    x, message = RNG.randint(1, 999), f"nope-{RNG.randrange(1000)}"
    ok, bad = tasks.slow_add.delay(x, 4, 0).id, tasks.fail.delay(message).id
    wait_ready(tasks.app, ok)
    wait_ready(tasks.app, bad)
    assert polling.status(tasks.app, ok) == {"task_id": ok, "state": "SUCCESS", "ready": True, "result": x + 4}, f"seed {SEED}"
    assert polling.status(tasks.app, bad) == {"task_id": bad, "state": "FAILURE", "ready": True, "error": f"ValueError: {message}"}
