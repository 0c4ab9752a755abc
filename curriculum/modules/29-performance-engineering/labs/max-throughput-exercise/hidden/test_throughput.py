"""Hidden tests for module 29's throughput exercise. Two workers run on this machine: the provided
baseline (queue "baseline") and the learner's tasks.py (queue "throughput"), each with two
processes. The same workload (2,000 items) runs through both, and the run's Redis counter says when
every item was scored, and whether correctly."""
import os
import time
import uuid

import pytest
import redis
from coursebot_lab import app, send, wait_until

broker = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
results = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"])
ITEMS = list(range(2000))
EXPECTED = sum(sum(i * i for i in range(item % 100)) for item in ITEMS)


def run_workload(prefix, timeout=30):
    """Sends prefix.process(run, ITEMS); returns the seconds until every item was scored."""
    run = uuid.uuid4().hex
    started = time.monotonic()
    send(f"{prefix}.process", run, ITEMS, queue="baseline" if prefix == "baseline" else "throughput")
    done = wait_until(lambda: int(broker.get(f"throughput-lab:{run}") or 0) >= EXPECTED, timeout=timeout, interval=0.01)
    elapsed = time.monotonic() - started
    total = int(broker.get(f"throughput-lab:{run}") or 0)
    assert done and total == EXPECTED, f"{prefix}: the items' scores add up to {total} after {elapsed:.1f} s, expected {EXPECTED}"
    return elapsed


def learner_worker():
    replies = app.control.ping(timeout=1)
    names = [name for reply in replies for name in reply if name.startswith("learner@")]
    assert names, f"the learner's worker does not answer ping (answered: {replies})"
    return names[0]


def executed(worker):
    stats = app.control.inspect(destination=[worker], timeout=2).stats() or {}
    return sum((stats.get(worker) or {}).get("total", {}).values())


@pytest.fixture(scope="module")
def timings():
    baseline = min(run_workload("baseline") for _ in range(2))
    learner = min(run_workload("throughput") for _ in range(2))
    return baseline, learner


def test_the_workload_is_processed_completely():
    run_workload("throughput")


def test_the_work_runs_as_a_few_parallel_batches():
    worker = learner_worker()
    before = executed(worker)
    run_workload("throughput")
    time.sleep(0.3)
    tasks = executed(worker) - before
    assert tasks <= 201, f"2,000 items took {tasks} tasks: send fewer, larger messages (batches of items)"
    assert tasks >= 3, f"2,000 items took {tasks} task(s): split the work into batches so both processes share it"


def test_results_nobody_reads_are_not_stored():
    before = results.dbsize()
    run_workload("throughput")
    time.sleep(0.3)
    added = results.dbsize() - before
    assert added <= 2, f"the workload added {added} results to the result store, though nobody reads them"


def test_at_least_three_times_the_baseline_throughput(timings):
    baseline, learner = timings
    print(f"baseline {len(ITEMS) / baseline:.0f} items/s, yours {len(ITEMS) / learner:.0f} items/s")
    assert baseline / learner >= 3, (
        f"2,000 items took {learner:.2f} s here and {baseline:.2f} s with the baseline: "
        f"{baseline / learner:.1f} times as fast, at least 3 needed"
    )
