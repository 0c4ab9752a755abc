"""Hidden tests for module 5's multiple workers lab: two workers (cpu@ on queue cpu, io@ on queue
io) started from the learner's cpu_worker and io_worker modules; each reports its own settings
through inspect stats, and the tasks say where they ran."""
from celery.exceptions import TimeoutError
from coursebot_lab import app, call, outcome, send


def worker_stats(prefix):
    # limit=2: return as soon as both workers answered, instead of waiting out the timeout
    replies = app.control.inspect(timeout=3, limit=2).stats() or {}
    found = {name: info for name, info in replies.items() if name.startswith(prefix + "@")}
    assert found, f"no {prefix}@ worker answered"
    return next(iter(found.values()))


def test_crunch_runs_on_the_cpu_worker():
    answer = call("tasks.crunch", 1000, queue="cpu")
    assert answer["result"] == sum(i * i for i in range(1000))
    assert answer["worker"].startswith("cpu@")


def test_fetch_runs_on_the_io_worker():
    answer = call("tasks.fetch", "a", 0.1, queue="io")
    assert answer["item"] == "a" and answer["worker"].startswith("io@")


def test_cpu_worker_runs_crunch_in_child_processes():
    info = worker_stats("cpu")
    assert "processes" in info["pool"], f"the cpu worker's pool is not prefork: {str(info['pool'])[:100]}"
    answer = call("tasks.crunch", 10, queue="cpu")
    assert answer["pid"] in info["pool"]["processes"], "crunch should run in one of the pool's child processes"


def test_io_worker_runs_fetch_in_threads_of_one_process():
    info = worker_stats("io")
    kind = "prefork (it has child processes)" if "processes" in info["pool"] else str(info["pool"])[:100]
    assert "threads" in info["pool"], f"the io worker's pool is {kind}, not the thread pool"
    answer = call("tasks.fetch", "b", 0.05, queue="io")
    assert answer["pid"] == info["pid"], "with threads, fetch runs inside the worker's own process"


def test_cpu_worker_reserves_one_task_per_process():
    prefetch = worker_stats("cpu")["prefetch_count"]
    assert prefetch == 2, f"the cpu worker (2 processes) reserves {prefetch} tasks; expected 2 (multiplier 1)"


def test_io_worker_reserves_eight_tasks_per_thread():
    prefetch = worker_stats("io")["prefetch_count"]
    assert prefetch == 32, f"the io worker (4 threads) reserves {prefetch} tasks; expected 32 (multiplier 8)"


def test_cpu_worker_replaces_a_child_after_100_tasks():
    limit = worker_stats("cpu")["pool"].get("max-tasks-per-child")
    assert limit == 100, f"max-tasks-per-child is {limit}"


def test_cpu_worker_stops_a_runaway_crunch_after_one_second():
    result = send("tasks.crunch", 10**12, queue="cpu")
    try:
        done = outcome(result, timeout=6)
    except TimeoutError:
        raise AssertionError("crunch(10**12) was still running after 6 s: give the cpu worker a 1 s time limit") from None
    assert done.state == "FAILURE", f"the crunch was not stopped: {done.state}"
    assert done.error_type == "TimeLimitExceeded", f"it failed with {done.error_type}: {done.error_message}"
