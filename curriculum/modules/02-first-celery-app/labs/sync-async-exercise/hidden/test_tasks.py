"""Hidden tests for module 2's sync/async exercise: the tasks, called by name through the broker.

Inputs are drawn per run from COURSEBOT_SEED (reported with every failure), so answers from a table fail."""
import os
import random
import time

from coursebot_lab import call, outcome, send, stats

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


def test_add_returns_the_sum():
    x, y = RNG.randint(-10**5, 10**5), RNG.randint(-10**5, 10**5)
    assert call("tasks.add", x, y) == x + y, f"add({x}, {y}) should return {x + y} (seed {SEED})"


def test_slow_square_returns_the_square():
    for x in (RNG.randint(-999, -1), RNG.randint(2, 10**4)):
        assert call("tasks.slow_square", x) == x * x, f"slow_square({x}) should return {x * x} (seed {SEED})"


def test_slow_square_takes_about_half_a_second():
    x = RNG.randint(2, 500)
    started = time.monotonic()
    assert call("tasks.slow_square", x) == x * x, f"slow_square({x}) should return {x * x} (seed {SEED})"
    assert time.monotonic() - started >= 0.45, "slow_square should sleep 0.5 s before it returns"


def test_slow_square_sleeps_without_holding_the_worker():
    numbers = [RNG.randint(2, 99) for _ in range(8)]  # 1 s on 4 threads, 4 s one after the other
    started = time.monotonic()
    pending = [send("tasks.slow_square", n) for n in numbers]
    assert [outcome(r).expect_success() for r in pending] == [n * n for n in numbers], f"squares of {numbers} (seed {SEED})"
    took = time.monotonic() - started
    assert took < 3.0, f"eight slow_squares on a 4-thread worker took {took:.2f} s (4 s one after the other): they should overlap"


def test_whoami_run_by_a_worker_returns_the_worker_name():
    name = call("tasks.whoami")
    workers = set(stats())
    assert isinstance(name, str) and name in workers, f"expected the name of the worker that ran it ({sorted(workers)}), got {name!r}"
