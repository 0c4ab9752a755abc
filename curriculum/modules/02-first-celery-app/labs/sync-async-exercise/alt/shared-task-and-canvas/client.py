"""Alternative solution: .apply() for the local run, apply_async and a group for the worker runs."""
from celery import group

import tasks


def square_now(x):
    return tasks.slow_square.apply(args=(x,)).get()


def square_later(x):
    return tasks.slow_square.apply_async(args=(x,))


def square_and_wait(x, timeout=10):
    return tasks.slow_square.apply_async((x,)).get(timeout=timeout)


def squares_in_parallel(numbers, timeout=10):
    return group(tasks.slow_square.s(n) for n in numbers).apply_async().get(timeout=timeout)


def who_runs_it(timeout=10):
    local = tasks.whoami()  # a plain call: request.called_directly
    remote = tasks.whoami.apply_async().get(timeout=timeout)
    return local, remote


if __name__ == "__main__":
    print(square_now(7), square_and_wait(8), squares_in_parallel([1, 2, 3, 4]), who_runs_it())
