"""Hidden tests for module 6's result polling lab, black-box: the tasks and the result settings
the worker applies (STARTED state, expiry), read through the broker and the Redis backend. Inputs
are drawn per run from COURSEBOT_SEED (reported in failures)."""
import os
import random

import redis
from coursebot_lab import call, outcome, send, wait_until

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


def test_slow_add_returns_the_sum():
    x, y = RNG.randint(-10**6, 10**6), RNG.randint(-10**6, 10**6)
    assert call("tasks.slow_add", x, y, 0.1) == x + y, f"slow_add({x}, {y}, 0.1) (seed {SEED})"


def test_fail_fails_with_value_error():
    message = f"boom {RNG.randrange(10**6)}"
    outcome(send("tasks.fail", message)).expect_failure("ValueError", contains=message)


def test_running_tasks_report_started():
    result = send("tasks.slow_add", 1, 1, 3)
    # the first state after PENDING, while the 3-second task runs
    seen = wait_until(lambda: result.state if result.state != "PENDING" else None, timeout=2.5, interval=0.05)
    assert seen == "STARTED", f"while the task ran its state was {seen or 'PENDING'}; set task_track_started"
    assert outcome(result).expect_success() == 2


def test_results_expire_after_ten_minutes():
    result = send("tasks.slow_add", 4, 4, 0)
    assert outcome(result).expect_success() == 8
    ttl = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"]).ttl(f"celery-task-meta-{result.id}")
    assert 500 < ttl <= 600, f"the result expires in {ttl} s; result_expires should be 600"
