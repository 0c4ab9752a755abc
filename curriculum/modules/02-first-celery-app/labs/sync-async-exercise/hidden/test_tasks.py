"""Hidden tests for module 2's sync/async exercise: the tasks, called by name through the broker."""
import time

from coursebot_lab import call


def test_add_returns_the_sum():
    assert call("tasks.add", 2, 3) == 5


def test_slow_square_returns_the_square():
    assert call("tasks.slow_square", 9) == 81


def test_slow_square_takes_about_half_a_second():
    started = time.monotonic()
    call("tasks.slow_square", 3)
    assert time.monotonic() - started >= 0.45, "slow_square should sleep 0.5 s before it returns"


def test_whoami_run_by_a_worker_returns_the_worker_name():
    name = call("tasks.whoami")
    assert isinstance(name, str) and name.startswith("learner@"), f"expected the worker's name (learner@...), got {name!r}"
