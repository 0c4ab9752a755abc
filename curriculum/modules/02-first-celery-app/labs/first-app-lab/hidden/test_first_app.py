"""Hidden tests for module 2's first lab: three tasks, called by name through the broker."""
from coursebot_lab import call, registered


def test_add_returns_the_sum():
    assert call("tasks.add", 2, 3) == 5


def test_add_works_with_negative_numbers():
    assert call("tasks.add", -4, 1) == -3


def test_mul_returns_the_product():
    assert call("tasks.mul", 6, 7) == 42


def test_xsum_adds_a_list():
    assert call("tasks.xsum", [1, 2, 3, 4]) == 10


def test_xsum_of_an_empty_list_is_zero():
    assert call("tasks.xsum", []) == 0


def test_the_three_tasks_are_registered_under_their_names():
    assert {"tasks.add", "tasks.mul", "tasks.xsum"} <= registered()
