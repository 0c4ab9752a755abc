"""White-box tests for module 2's sync/async exercise: the caller's side (client.py) cannot be seen
through the broker, so these import it. They run while the lab's worker is still up."""
import importlib
import time

import pytest
from celery.result import AsyncResult, EagerResult


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
    started = time.monotonic()
    assert client.square_now(7) == 49
    assert time.monotonic() - started >= 0.45, "square_now should take as long as the task itself (0.5 s)"


def test_square_later_returns_an_async_result_at_once(client):
    started = time.monotonic()
    result = client.square_later(6)
    elapsed = time.monotonic() - started
    assert isinstance(result, AsyncResult) and not isinstance(result, EagerResult), \
        f"expected the AsyncResult of a message sent to a worker, got {result!r}"
    assert elapsed < 0.4, f"square_later took {elapsed:.2f} s: it should return before the task has finished"
    assert result.get(timeout=10) == 36


def test_square_and_wait_returns_the_answer_of_a_worker(client, tasks, monkeypatch):
    def ran_here(*args, **kwargs):
        raise AssertionError("square_and_wait ran the task in the caller; it should let a worker run it")

    monkeypatch.setattr(tasks.slow_square, "run", ran_here)
    assert client.square_and_wait(5) == 25


def test_squares_in_parallel_sends_all_before_waiting(client):
    started = time.monotonic()
    assert client.squares_in_parallel([1, 2, 3, 4]) == [1, 4, 9, 16]
    elapsed = time.monotonic() - started
    assert elapsed < 1.8, f"four squares took {elapsed:.2f} s (one after the other takes 2 s): send them all first, then collect the results"


def test_who_runs_it_tells_the_caller_from_the_worker(client):
    here, there = client.who_runs_it()
    assert here == "caller"
    assert isinstance(there, str) and there.startswith("learner@"), f"expected the worker's name (learner@...), got {there!r}"
