"""Black-box tests: they reach the learner's worker only through the broker, by task name, JSON only."""
from coursebot_lab import call, registered


def test_add_returns_the_sum():
    assert call("tasks.add", 2, 3) == 5


def test_mul_returns_the_product():
    assert call("tasks.mul", 4, 5) == 20


def test_xsum_is_registered():
    assert "tasks.xsum" in registered()
