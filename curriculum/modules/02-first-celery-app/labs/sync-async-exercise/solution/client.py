"""Reference solution: module 2, sync/async exercise (the caller's side)."""
from tasks import slow_square, whoami


def square_now(x):
    return slow_square(x)  # a plain call: runs here, like any function


def square_later(x):
    return slow_square.delay(x)


def square_and_wait(x, timeout=10):
    return slow_square.delay(x).get(timeout=timeout)


def squares_in_parallel(numbers, timeout=10):
    pending = [slow_square.delay(n) for n in numbers]
    return [result.get(timeout=timeout) for result in pending]


def who_runs_it(timeout=10):
    return whoami(), whoami.delay().get(timeout=timeout)


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
