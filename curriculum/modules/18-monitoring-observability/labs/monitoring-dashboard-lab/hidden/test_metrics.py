"""Hidden tests, module 18 dashboard lab: custom metrics written to Redis by signal handlers."""
import os

import redis

from coursebot_lab import call, send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
IN_PROGRESS = "metrics:in_progress"


def field(task, name):
    value = store.hget(f"metrics:task:{task}", name)
    return float(value) if value is not None else 0.0


def gauge():
    value = store.get(IN_PROGRESS)
    return int(float(value)) if value is not None else 0


def test_each_start_and_success_is_counted_under_the_task_name():
    started, succeeded = field("tasks.add", "started"), field("tasks.add", "succeeded")
    for i in range(3):
        assert call("tasks.add", i, i) == 2 * i
    ok = wait_until(lambda: field("tasks.add", "succeeded") - succeeded >= 3, timeout=3)
    assert ok and field("tasks.add", "succeeded") - succeeded == 3, (
        f"3 runs of tasks.add succeeded; metrics:task:tasks.add 'succeeded' rose by {field('tasks.add', 'succeeded') - succeeded:g}")
    assert field("tasks.add", "started") - started == 3, "3 runs of tasks.add started; the 'started' field did not rise by 3"


def test_each_failure_is_counted_under_the_task_name():
    failed, succeeded = field("tasks.fail", "failed"), field("tasks.fail", "succeeded")
    for i in range(2):
        send("tasks.fail", f"metrics {i}").get(timeout=10, propagate=False)
    wait_until(lambda: field("tasks.fail", "failed") - failed >= 2, timeout=3)
    assert field("tasks.fail", "failed") - failed == 2, (
        f"2 runs of tasks.fail failed; metrics:task:tasks.fail 'failed' rose by {field('tasks.fail', 'failed') - failed:g}")
    assert field("tasks.fail", "succeeded") == succeeded, "a failed run must not count as succeeded"


def test_run_time_is_added_up_per_task():
    before = field("tasks.sleepy", "runtime_total")
    assert call("tasks.sleepy", 0.3) == 0.3
    assert call("tasks.sleepy", 0.2) == 0.2
    wait_until(lambda: field("tasks.sleepy", "runtime_total") - before >= 0.45, timeout=3)
    added = field("tasks.sleepy", "runtime_total") - before
    assert 0.45 <= added < 3, f"two runs of tasks.sleepy took 0.5 s together; runtime_total rose by {added:.3f}"


def test_the_in_progress_gauge_rises_while_a_task_runs_and_falls_after():
    before = gauge()
    result = send("tasks.sleepy", 1.5)
    rose = wait_until(lambda: gauge() > before, timeout=1.4)
    assert rose, f"{IN_PROGRESS} stayed at {gauge()} while tasks.sleepy(1.5) was running"
    result.get(timeout=10)
    fell = wait_until(lambda: gauge() == before, timeout=3)
    assert fell, f"{IN_PROGRESS} should be back to {before} after the task ended; it is {gauge()}"
