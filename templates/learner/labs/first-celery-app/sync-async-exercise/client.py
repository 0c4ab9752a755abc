"""The caller's side of the sync/async exercise (module 2). See README.md in this folder.

Each function below runs a task in a different way. Replace every `raise NotImplementedError`.
"""
import tasks  # use tasks.slow_square and tasks.whoami once you have written them


def square_now(x):
    """Runs slow_square synchronously, right here in this process (no broker, no worker), and returns x * x."""
    # TODO 3
    raise NotImplementedError


def square_later(x):
    """Sends slow_square to a worker and returns its AsyncResult at once, without waiting for it."""
    # TODO 4
    raise NotImplementedError


def square_and_wait(x, timeout=10):
    """Sends slow_square to a worker, waits at most `timeout` seconds and returns the worker's answer."""
    # TODO 5
    raise NotImplementedError


def squares_in_parallel(numbers, timeout=10):
    """Returns [n * n for n in numbers], computed by the workers at the same time: send every task
    first, then collect the results in order (sending one and waiting for it before sending the
    next would take 0.5 s per number)."""
    # TODO 6
    raise NotImplementedError


def who_runs_it(timeout=10):
    """Returns a pair: what whoami says when called directly here, and what it says when a worker runs it."""
    # TODO 7
    raise NotImplementedError


if __name__ == "__main__":
    import time

    started = time.monotonic()
    print("square_now(7) =", square_now(7), f"({time.monotonic() - started:.2f} s)")
    started = time.monotonic()
    pending = square_later(7)
    print("square_later(7) returned", repr(pending), f"after {time.monotonic() - started:.2f} s; state", pending.state)
    print("... and its result is", pending.get(timeout=10))
    print("square_and_wait(8) =", square_and_wait(8))
    started = time.monotonic()
    print("squares_in_parallel([1, 2, 3, 4]) =", squares_in_parallel([1, 2, 3, 4]), f"({time.monotonic() - started:.2f} s)")
    print("who_runs_it() =", who_runs_it())
