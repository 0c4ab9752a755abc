"""White-box tests for module 2's sync/async exercise: the caller's side (client.py) cannot be seen
through the broker, so these import it. They run while the lab's worker is still up, with inputs
drawn per run from COURSEBOT_SEED (reported in failures), so answers written into client.py fail."""
import importlib
import os
import random
import time

import pytest
from celery.result import AsyncResult, EagerResult

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


@pytest.fixture
def client():
    return importlib.import_module("client")


@pytest.fixture
def tasks():
    return importlib.import_module("tasks")


def test_square_now_runs_here_without_a_broker(client, tasks, monkeypatch):
    def sent(*args, **kwargs):
        raise AssertionError("square_now sent a message to the broker; it should run the task right here")

    monkeypatch.setattr(tasks.slow_square, "apply_async", sent)
    monkeypatch.setattr(tasks.app, "send_task", sent)
    x = RNG.randint(11, 999)
    started = time.monotonic()
    assert client.square_now(x) == x * x, f"square_now({x}) should return {x * x} (seed {SEED})"
    assert time.monotonic() - started >= 0.45, "square_now should take as long as the task itself (0.5 s)"


def test_square_later_returns_an_async_result_at_once(client):
    started = time.monotonic()
    x = RNG.randint(11, 999)
    result = client.square_later(x)
    elapsed = time.monotonic() - started
    assert isinstance(result, AsyncResult) and not isinstance(result, EagerResult), \
        f"expected the AsyncResult of a message sent to a worker, got {result!r}"
    assert elapsed < 0.4, f"square_later took {elapsed:.2f} s: it should return before the task has finished"
    assert result.get(timeout=10) == x * x, f"square_later({x}).get() should give {x * x} (seed {SEED})"


def test_square_and_wait_returns_the_answer_of_a_worker(client, tasks, monkeypatch):
    def ran_here(*args, **kwargs):
        raise AssertionError("square_and_wait ran the task in the caller; it should let a worker run it")

    monkeypatch.setattr(tasks.slow_square, "run", ran_here)
    x = RNG.randint(11, 999)
    assert client.square_and_wait(x) == x * x, f"square_and_wait({x}) should return {x * x} (seed {SEED})"


def test_squares_in_parallel_sends_all_before_waiting(client):
    numbers = [RNG.randint(-99, 99) for _ in range(8)]  # 1 s on 4 threads, 4 s one after the other
    started = time.monotonic()
    assert client.squares_in_parallel(numbers) == [n * n for n in numbers], \
        f"squares_in_parallel({numbers}) should return {[n * n for n in numbers]}, in order (seed {SEED})"
    elapsed = time.monotonic() - started
    assert elapsed < 3.0, (f"eight squares took {elapsed:.2f} s (one after the other takes 4 s, all at once on 4 "
                           "threads 1 s): send them all first, then collect the results")


def test_who_runs_it_tells_the_caller_from_the_worker(client):
    here, there = client.who_runs_it()
    assert here == "caller"
    workers = set(importlib.import_module("tasks").app.control.inspect(timeout=2).stats() or {})
    assert isinstance(there, str) and there in workers, f"expected the name of the worker that ran it ({sorted(workers)}), got {there!r}"
