"""Hidden tests for module 6's result polling lab, black-box: the tasks and the result settings
the worker applies (STARTED state, expiry), read through the broker and the Redis backend."""
import os

import redis
from coursebot_lab import call, outcome, send, wait_until


def test_slow_add_returns_the_sum():
    assert call("tasks.slow_add", 2, 3, 0.1) == 5


def test_fail_fails_with_value_error():
    outcome(send("tasks.fail", "boom")).expect_failure("ValueError")


def test_running_tasks_report_started():
    result = send("tasks.slow_add", 1, 1, 3)
    # the first state after PENDING, while the 3-second task runs
    seen = wait_until(lambda: result.state if result.state != "PENDING" else None, timeout=2.5, interval=0.05)
    assert seen == "STARTED", f"while the task ran its state was {seen or 'PENDING'}; set task_track_started"
    assert result.get(timeout=10) == 2


def test_results_expire_after_ten_minutes():
    result = send("tasks.slow_add", 4, 4, 0)
    assert result.get(timeout=10) == 8
    ttl = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"]).ttl(f"celery-task-meta-{result.id}")
    assert 500 < ttl <= 600, f"the result expires in {ttl} s; result_expires should be 600"
