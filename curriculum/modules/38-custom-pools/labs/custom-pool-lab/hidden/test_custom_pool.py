"""Hidden tests for module 38's custom pool lab.

The worker is started without -P (the lab's `pool: app`), with -c 3, so the app's worker_pool
setting decides the pool: Celery 5.2.6 has no `--pool custom`. The tests run tasks through Redis and
read what the worker reports about its pool. The last test asks the worker for a warm shutdown
while a task runs: the task must still finish and report (a pool that kills its threads or
processes on stop, or runs tasks on daemon threads, loses that result).
"""
import time

import pytest
from celery.exceptions import TimeoutError as ResultTimeout

from coursebot_lab import app, call, outcome, send

CONCURRENCY = 3


def one_worker(method, **kwargs):
    replies = getattr(app.control.inspect(timeout=2, limit=1), method)(**kwargs) or {}
    assert replies, "no worker answered"
    return next(iter(replies.items()))


@pytest.fixture(scope="module")
def loaded_pool():
    return one_worker("conf")[1].get("worker_pool")


@pytest.fixture
def your_pool(loaded_pool):
    """Tests that run tasks judge your pool, not the prefork pool a worker falls back to."""
    if loaded_pool != "pools:ExecutorPool":
        pytest.fail(f"the worker runs {loaded_pool or 'the default prefork pool'}, not yours: set worker_pool in tasks.py")


def test_the_worker_loaded_your_pool_from_the_app_settings(loaded_pool):
    assert loaded_pool == "pools:ExecutorPool", f"worker_pool is {loaded_pool!r}: set it to 'pools:ExecutorPool' in tasks.py"


def test_the_pool_reports_its_implementation_and_limit():
    pool = one_worker("stats")[1].get("pool", {})
    assert pool.get("implementation") == "pools:ExecutorPool", f"stats()['pool'] is {pool}: add 'implementation' in _get_info()"
    assert pool.get("max-concurrency") == CONCURRENCY, f"stats()['pool'] is {pool}"


def test_a_task_runs_and_returns_its_result(your_pool):
    assert call("tasks.add", 2, 3, timeout=5) == 5


def test_tasks_run_on_the_pools_threads():
    name = call("tasks.where", timeout=5)
    assert isinstance(name, str) and name.startswith("custompool"), (
        f"tasks ran on thread {name!r}: run them on executor threads named custompool-N")


def test_a_failing_task_reports_its_exception(your_pool):
    result = send("tasks.fail", "boom")
    outcome(result, timeout=5).expect_failure("ValueError", contains="boom")
    assert result.state == "FAILURE"
    assert call("tasks.add", 1, 1, timeout=5) == 2, "the worker stopped serving after a failure"


def test_tasks_run_concurrently_up_to_the_limit(your_pool):
    started = time.monotonic()
    spans = [r.get(timeout=10) for r in [send("tasks.nap", 0.6) for _ in range(2 * CONCURRENCY)]]
    took = time.monotonic() - started
    # By this test's own clock: six naps of 0.6 s, three at a time, take two rounds (1.2 s); two at
    # a time take three rounds (1.8 s), six at a time one (0.6 s).
    assert 1.15 <= took <= 1.75, (
        f"{2 * CONCURRENCY} naps of 0.6 s took {took:.2f} s; with -c {CONCURRENCY} they take two rounds, about 1.2 s")
    events = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])
    running = peak = 0
    for _, change in events:
        running += change
        peak = max(peak, running)
    assert peak == CONCURRENCY, f"at most {peak} tasks ran at once; with -c {CONCURRENCY} the pool should run {CONCURRENCY}, never more"


def test_the_pool_reports_its_threads():
    threads = one_worker("stats")[1].get("pool", {}).get("threads")
    assert threads == CONCURRENCY, f"stats()['pool']['threads'] is {threads!r} after {CONCURRENCY} tasks ran at once"


def test_a_warm_shutdown_lets_the_running_task_finish(your_pool):
    # Keep this test last: it stops the worker.
    worker, _ = one_worker("ping")
    running = send("tasks.nap", 1.0)
    deadline = time.monotonic() + 5
    while not one_worker("active")[1] and time.monotonic() < deadline:
        time.sleep(0.05)
    app.control.broadcast("shutdown", destination=[worker])
    try:
        start, end = running.get(timeout=8)
    except ResultTimeout:
        pytest.fail("the task running at shutdown never reported its result: on_stop must wait for running tasks")
    assert end - start >= 0.9
