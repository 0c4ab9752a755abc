"""Hidden tests for module 2's first lab: three tasks, called by name through the broker.

Inputs are drawn per run from COURSEBOT_SEED (reported with every failure), so a task that answers
the README's examples from a table fails; the README's own examples are checked too."""
import os
import random

from coursebot_lab import call, registered

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


def pairs(count=3):
    return [(RNG.randint(-10**6, 10**6), RNG.randint(-10**6, 10**6)) for _ in range(count)]


def test_add_returns_the_sum():
    assert call("tasks.add", 2, 3) == 5, "add(2, 3) should return 5"
    for x, y in pairs():
        assert call("tasks.add", x, y) == x + y, f"add({x}, {y}) should return {x + y} (seed {SEED})"


def test_add_works_with_negative_numbers():
    x, y = -RNG.randint(1, 1000), RNG.randint(1, 999)
    assert call("tasks.add", x, y) == x + y, f"add({x}, {y}) should return {x + y} (seed {SEED})"


def test_mul_returns_the_product():
    assert call("tasks.mul", 6, 7) == 42, "mul(6, 7) should return 42"
    for x, y in pairs():
        assert call("tasks.mul", x, y) == x * y, f"mul({x}, {y}) should return {x * y} (seed {SEED})"


def test_xsum_adds_a_list():
    for size in (1, 4, RNG.randint(5, 40)):
        numbers = [RNG.randint(-1000, 1000) for _ in range(size)]
        assert call("tasks.xsum", numbers) == sum(numbers), f"xsum({numbers}) should return {sum(numbers)} (seed {SEED})"


def test_xsum_of_an_empty_list_is_zero():
    assert call("tasks.xsum", []) == 0, "xsum([]) should return 0"


def test_the_three_tasks_are_registered_under_their_names():
    assert {"tasks.add", "tasks.mul", "tasks.xsum"} <= registered(), \
        "the worker started with -A tasks should register tasks.add, tasks.mul and tasks.xsum"
