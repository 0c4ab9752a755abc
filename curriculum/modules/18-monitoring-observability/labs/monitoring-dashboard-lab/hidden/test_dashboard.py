"""Hidden tests, module 18 dashboard lab: the event consumer's snapshot in Redis.

Runs first, so the worker's event State holds exactly the tasks sent here: 3 add, 1 sleepy, 2 fail.
"""
import json
import os
import time

import pytest
import redis

from coursebot_lab import send, wait_until

SNAPSHOT_KEY = "dashboard:snapshot"
store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
STARTED = time.time()


def read_snapshot():
    raw = store.get(SNAPSHOT_KEY)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def fresh_snapshot():
    data = read_snapshot()
    return data if isinstance(data, dict) and isinstance(data.get("updated"), (int, float)) and data["updated"] >= STARTED - 1 else None


def settled(data):
    tasks = data.get("tasks") or {}
    return tasks.get("SUCCESS", 0) >= 4 and tasks.get("FAILURE", 0) >= 2


@pytest.fixture(scope="module")
def snapshot():
    """Waits for the consumer, sends the workload, and returns the snapshot once it shows all of it."""
    if wait_until(fresh_snapshot, timeout=6) is None:
        return None
    results = [send("tasks.add", 1, 2), send("tasks.add", 3, 4), send("tasks.add", 5, 6), send("tasks.sleepy", 0.3),
               send("tasks.fail", "boom 1"), send("tasks.fail", "boom 2")]
    for result in results:
        result.get(timeout=10, propagate=False)
    return wait_until(lambda: (lambda d: d if d and settled(d) else None)(fresh_snapshot()), timeout=6) or fresh_snapshot()


def need(snapshot):
    assert snapshot is not None, (
        f"no fresh JSON snapshot at the Redis key {SNAPSHOT_KEY!r} within 6 s of the worker starting: "
        "is your event consumer started from install(app), and does it write at least every 0.5 s?")
    return snapshot


def test_the_consumer_publishes_a_fresh_snapshot_every_half_second(snapshot):
    first = need(snapshot)["updated"]
    later = wait_until(lambda: (lambda d: d if d and d["updated"] > first else None)(fresh_snapshot()), timeout=3)
    assert later is not None, "the snapshot was not rewritten within 3 s; publish it at least every PUBLISH_EVERY seconds"


def test_the_snapshot_lists_the_live_worker(snapshot):
    workers = need(snapshot).get("workers") or {}
    ours = {name: info for name, info in workers.items() if name.startswith("learner@")}
    assert ours, f"no worker named learner@... in snapshot['workers'] (found {sorted(workers)})"
    assert all(info.get("alive") is True for info in ours.values()), f"the worker is running but not shown alive: {ours}"


def test_the_snapshot_counts_tasks_by_state(snapshot):
    tasks = need(snapshot).get("tasks") or {}
    assert tasks.get("SUCCESS") == 4 and tasks.get("FAILURE") == 2, (
        f"sent 4 tasks that succeed and 2 that fail; snapshot['tasks'] is {tasks}")


def test_the_snapshot_reports_the_failure_rate(snapshot):
    rate = need(snapshot).get("failure_rate")
    assert isinstance(rate, (int, float)) and abs(rate - 2 / 6) < 0.01, f"2 of 6 finished tasks failed, so 0.333 expected; got {rate!r}"


def test_the_snapshot_breaks_tasks_down_by_type(snapshot):
    types = need(snapshot).get("task_types") or {}
    add, fail = types.get("tasks.add") or {}, types.get("tasks.fail") or {}
    assert (add.get("succeeded"), add.get("failed")) == (3, 0), f"task_types['tasks.add'] should count 3 successes: {add}"
    assert (fail.get("succeeded"), fail.get("failed")) == (0, 2), f"task_types['tasks.fail'] should count 2 failures: {fail}"


def test_the_snapshot_shows_the_average_run_time_per_type(snapshot):
    sleepy = (need(snapshot).get("task_types") or {}).get("tasks.sleepy") or {}
    runtime = sleepy.get("avg_runtime")
    assert isinstance(runtime, (int, float)) and 0.25 <= runtime < 3, (
        f"tasks.sleepy(0.3) ran about 0.3 s; task_types['tasks.sleepy']['avg_runtime'] is {runtime!r}")
