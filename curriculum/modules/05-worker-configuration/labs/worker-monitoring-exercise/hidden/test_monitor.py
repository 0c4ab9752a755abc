"""White-box tests for module 5's monitoring exercise: monitor.py runs in the learner's process,
so these import it and call it while the lab's worker (prefork, 3 processes) is still up."""
import importlib
import os
import random
import time
from urllib.parse import urlparse

import pytest
from celery import Celery

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)
WORKER = {"concurrency": 3, "processed": 12, "active": 1, "reserved": 0,
          "active_tasks": ["tasks.sleep_for"], "utilization": 0.33, "uptime": 42}


def random_worker():
    concurrency = RNG.randint(2, 16)
    active = RNG.randint(0, concurrency)
    return dict(WORKER, concurrency=concurrency, active=active, reserved=RNG.randint(0, 9),
                processed=RNG.randint(0, 10**5), utilization=round(active / concurrency, 2))


@pytest.fixture(scope="module")
def monitor():
    return importlib.import_module("monitor")


@pytest.fixture(scope="module")
def tasks():
    return importlib.import_module("tasks")


@pytest.fixture(scope="module")
def idle(monitor, tasks):
    """A snapshot taken after five add tasks, with nothing running."""
    for result in [tasks.add.delay(i, i) for i in range(5)]:
        result.get(timeout=10)
    time.sleep(0.3)
    return monitor.snapshot(tasks.app, timeout=1.0)


@pytest.fixture(scope="module")
def one_running(monitor, tasks, idle):
    """A snapshot taken while one 3-second task runs on one of the three processes."""
    tasks.sleep_for.delay(3)
    time.sleep(0.5)
    snap = monitor.snapshot(tasks.app, timeout=1.0)
    time.sleep(3)
    return snap


@pytest.fixture(scope="module")
def busy(monitor, tasks, one_running):
    """A snapshot taken while five 6-second tasks keep the three processes busy."""
    for _ in range(5):
        tasks.sleep_for.delay(6)
    time.sleep(0.5)
    return monitor.snapshot(tasks.app, timeout=1.0)


def the_worker(snap):
    names = [name for name in snap if name.startswith("learner@")]
    assert len(names) == 1, f"expected the lab's worker (learner@...) in the snapshot, found {sorted(snap)}"
    return snap[names[0]]


def test_snapshot_has_an_entry_for_the_running_worker(idle):
    assert isinstance(idle, dict) and len(idle) == 1, f"snapshot returned {idle!r}"
    the_worker(idle)


def test_snapshot_reports_concurrency_and_uptime(idle):
    worker = the_worker(idle)
    assert worker["concurrency"] == 3
    assert isinstance(worker["uptime"], (int, float)) and worker["uptime"] >= 0


def test_snapshot_counts_processed_tasks(idle, tasks):
    processed = the_worker(idle)["processed"]
    replies = tasks.app.control.inspect(timeout=3, limit=1).stats() or {}
    expected = sum(next(iter(replies.values()))["total"].values())
    assert processed == expected >= 5, f"processed is {processed}; the worker's stats say {expected}"


def test_idle_worker_has_nothing_running(idle):
    worker = the_worker(idle)
    found = {key: worker[key] for key in ("active", "reserved", "active_tasks", "utilization")}
    assert found == {"active": 0, "reserved": 0, "active_tasks": [], "utilization": 0.0}, f"found {found}"


def test_one_running_task_uses_a_third_of_the_worker(one_running):
    worker = the_worker(one_running)
    found = {key: worker[key] for key in ("active", "active_tasks", "utilization")}
    assert found == {"active": 1, "active_tasks": ["tasks.sleep_for"], "utilization": 0.33}, f"one task on 3 processes: {found}"


def test_busy_worker_shows_running_and_reserved_tasks(busy):
    worker = the_worker(busy)
    found = {key: worker[key] for key in ("active", "reserved", "active_tasks", "utilization")}
    expected = {"active": 3, "reserved": 2, "active_tasks": ["tasks.sleep_for"] * 3, "utilization": 1.0}
    assert found == expected, f"five 6-second tasks on 3 processes: found {found}"


def test_busiest_picks_the_highest_utilization(monitor):
    names = [f"w{RNG.randrange(10**6)}-{n}@h" for n in range(4)]
    levels = RNG.sample([0.0, 0.25, 0.33, 0.5, 0.67, 0.75, 1.0], 4)
    snap = {name: dict(WORKER, utilization=level) for name, level in zip(names, levels)}
    expected = names[levels.index(max(levels))]
    assert monitor.busiest(snap) == expected, f"busiest({snap}) should be {expected} (seed {SEED})"
    assert monitor.busiest({}) is None


def test_format_report_prints_one_line_per_worker(monitor):
    snap = {f"{prefix}{RNG.randrange(1000)}@h": random_worker() for prefix in ("zed", "alpha", "mid")}
    expected = [f"{name}: {w['active']}/{w['concurrency']} busy, {w['reserved']} reserved, {w['processed']} processed"
                for name, w in sorted(snap.items())]
    assert monitor.format_report(snap).strip().splitlines() == expected, f"format_report({snap}) (seed {SEED})"


def test_snapshot_without_workers_is_empty(monitor, monkeypatch):
    lab = urlparse(os.environ["CELERY_BROKER_URL"])
    nobody = lab._replace(path="/9").geturl()  # the same Redis, a database no worker listens on
    monkeypatch.delenv("CELERY_BROKER_URL")  # Celery would prefer it to broker=...
    assert monitor.snapshot(Celery("nobody", broker=nobody), timeout=0.5) == {}
    assert monitor.format_report({}) == "no workers answered"
