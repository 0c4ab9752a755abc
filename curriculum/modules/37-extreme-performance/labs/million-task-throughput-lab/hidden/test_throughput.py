"""Hidden tests for module 37's throughput lab (instructor-reviewed; these give the automated part).

The worker (prefork, 2 processes) runs the learner's app. Throughput is measured on the worker
alone: a burst of tiny tasks is queued on a fresh queue nobody consumes, then the worker is told
to consume it, and the tests count what it has started through `inspect().stats()["total"]`.
Floors are a fraction of what a 2-core runner reaches, so a tuned worker passes with margin.
"""
import os
import random
import time
import uuid

from coursebot_lab import app, call, registered, send

BURST = 3000
BURST_FLOOR = 400          # tasks per second; a 2-core runner drains about 1,000-1,400
BATCHES, BATCH_SIZE = 100, 500
BATCH_FLOOR = 10000        # items per second


def one_worker(method, **kwargs):
    replies = getattr(app.control.inspect(timeout=2, limit=1), method)(**kwargs) or {}
    assert replies, "no worker answered"
    return next(iter(replies.items()))


def stats():
    return one_worker("stats")[1]


def started(task_name):
    return stats().get("total", {}).get(task_name, 0)


def test_noop_and_process_batch_are_registered():
    assert {"throughput.noop", "throughput.process_batch"} <= registered()


def test_process_batch_returns_count_and_checksum():
    rng = random.Random(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
    items = [rng.randint(-1000, 1000) for _ in range(rng.randint(5, 50))]
    want = {"count": len(items), "checksum": sum(i * i for i in items)}
    assert call("throughput.process_batch", items) == want, f"process_batch({items}) should return {want}"
    assert call("throughput.process_batch", []) == {"count": 0, "checksum": 0}


def test_each_process_reserves_at_least_64_messages():
    info = stats()
    processes = info.get("pool", {}).get("max-concurrency") or 2
    prefetch = info.get("prefetch_count")
    assert prefetch and prefetch >= 64 * processes, (
        f"the worker reserves {prefetch} messages for {processes} processes: set worker_prefetch_multiplier to 64 or more")


def test_children_are_recycled_but_not_too_often():
    limit = stats().get("pool", {}).get("max-tasks-per-child")
    assert isinstance(limit, int) and 1000 <= limit <= 1_000_000, (
        f"max-tasks-per-child is {limit!r}: recycle prefork children (worker_max_tasks_per_child) "
        "to bound memory growth, but after 1,000 tasks or more")


def test_results_of_tiny_tasks_are_not_stored():
    conf = one_worker("conf")[1]
    assert conf.get("task_ignore_result") is True, "set task_ignore_result = True: nobody reads the result of a noop"
    before = started("throughput.noop")
    task_id = str(uuid.uuid4())
    send("throughput.noop", 1, task_id=task_id)
    deadline = time.monotonic() + 10
    while started("throughput.noop") <= before and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)
    meta = app.backend.get_task_meta(task_id)
    assert meta["status"] == "PENDING", f"throughput.noop stored a result ({meta['status']}): results nobody reads cost a write per task"


def test_a_burst_of_3000_tiny_tasks_drains_fast():
    queue = "burst-" + uuid.uuid4().hex[:8]
    before = started("throughput.noop")
    with app.producer_or_acquire() as producer:
        for i in range(BURST):
            app.send_task("throughput.noop", args=[i], queue=queue, producer=producer)
    worker, _ = one_worker("stats")
    start = time.monotonic()
    app.control.add_consumer(queue, destination=[worker], reply=True, timeout=2)
    try:
        deadline = start + BURST / BURST_FLOOR
        done = 0
        while time.monotonic() < deadline:
            done = started("throughput.noop") - before
            if done >= BURST:
                break
            time.sleep(0.05)
        elapsed = time.monotonic() - start
    finally:
        app.control.cancel_consumer(queue, destination=[worker], reply=True, timeout=2)
    assert done >= BURST, (
        f"the worker started {done} of {BURST} queued tasks in {elapsed:.1f} s, under {BURST_FLOOR} tasks/s")
    print(f"{BURST} tasks in {elapsed:.2f} s: {BURST / elapsed:.0f} tasks/s")


def test_batched_work_beats_10000_items_per_second():
    items = list(range(BATCH_SIZE))
    expected = {"count": BATCH_SIZE, "checksum": sum(i * i for i in items)}
    start = time.monotonic()
    with app.producer_or_acquire() as producer:
        results = [app.send_task("throughput.process_batch", args=[items], producer=producer) for _ in range(BATCHES)]
    outcomes = [r.get(timeout=20) for r in results]
    elapsed = time.monotonic() - start
    assert all(o == expected for o in outcomes), f"a batch returned {next(o for o in outcomes if o != expected)}"
    rate = BATCHES * BATCH_SIZE / elapsed
    assert rate >= BATCH_FLOOR, f"{BATCHES * BATCH_SIZE} items in {elapsed:.1f} s is {rate:.0f} items/s, under {BATCH_FLOOR}"
