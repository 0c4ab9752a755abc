"""Hidden tests, module 18 dashboard lab: custom metrics written to Redis by signal handlers.

How many runs are sent, and how long tasks.sleepy sleeps, vary per run (seeded: COURSEBOT_SEED).
"""
import os
import random

import redis

from coursebot_lab import call, send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
IN_PROGRESS = "metrics:in_progress"
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)


def field(task, name):
    value = store.hget(f"metrics:task:{task}", name)
    return float(value) if value is not None else 0.0


def gauge():
    value = store.get(IN_PROGRESS)
    return int(float(value)) if value is not None else 0


def test_each_start_and_success_is_counted_under_the_task_name():
    started, succeeded = field("tasks.add", "started"), field("tasks.add", "succeeded")
    runs = RANDOM.randint(2, 6)
    for i in range(runs):
        assert call("tasks.add", i, i) == 2 * i
    ok = wait_until(lambda: field("tasks.add", "succeeded") - succeeded >= runs, timeout=3)
    assert ok and field("tasks.add", "succeeded") - succeeded == runs, (
        f"{runs} runs of tasks.add succeeded; metrics:task:tasks.add 'succeeded' rose by "
        f"{field('tasks.add', 'succeeded') - succeeded:g} (seed {SEED})")
    assert field("tasks.add", "started") - started == runs, (
        f"{runs} runs of tasks.add started; the 'started' field rose by {field('tasks.add', 'started') - started:g} (seed {SEED})")


def test_each_failure_is_counted_under_the_task_name():
    failed, succeeded, in_progress = field("tasks.fail", "failed"), field("tasks.fail", "succeeded"), gauge()
    runs = RANDOM.randint(1, 4)
    for i in range(runs):
        send("tasks.fail", f"metrics {i}").get(timeout=10, propagate=False)
    wait_until(lambda: field("tasks.fail", "failed") - failed >= runs, timeout=3)
    # The result is stored, and task_failure sent, before task_postrun runs: wait for every run's postrun
    # (the gauge is back) so a handler that counts a failed run as succeeded there is seen doing it.
    wait_until(lambda: gauge() == in_progress, timeout=3)
    assert field("tasks.fail", "failed") - failed == runs, (
        f"{runs} runs of tasks.fail failed; metrics:task:tasks.fail 'failed' rose by "
        f"{field('tasks.fail', 'failed') - failed:g} (seed {SEED})")
    assert field("tasks.fail", "succeeded") == succeeded, "a failed run must not count as succeeded"


def test_run_time_is_added_up_per_task():
    before = field("tasks.sleepy", "runtime_total")
    first, second = round(RANDOM.uniform(0.1, 0.4), 2), round(RANDOM.uniform(0.1, 0.4), 2)
    assert call("tasks.sleepy", first) == first
    assert call("tasks.sleepy", second) == second
    total = first + second
    wait_until(lambda: field("tasks.sleepy", "runtime_total") - before >= total - 0.05, timeout=3)
    added = field("tasks.sleepy", "runtime_total") - before
    assert total - 0.05 <= added < total + 2.5, (
        f"two runs of tasks.sleepy took {total:.2f} s together; runtime_total rose by {added:.3f} (seed {SEED})")


def test_the_in_progress_gauge_rises_while_a_task_runs_and_falls_after():
    before = gauge()
    result = send("tasks.sleepy", 1.5)
    rose = wait_until(lambda: gauge() > before, timeout=1.4)
    assert rose, f"{IN_PROGRESS} stayed at {gauge()} while tasks.sleepy(1.5) was running"
    result.get(timeout=10)
    fell = wait_until(lambda: gauge() == before, timeout=3)
    assert fell, f"{IN_PROGRESS} should be back to {before} after the task ended; it is {gauge()}"
