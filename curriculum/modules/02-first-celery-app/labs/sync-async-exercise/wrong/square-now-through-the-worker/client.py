"""Wrong: square_now goes through the broker and a worker instead of running the task here."""
from tasks import slow_square, whoami


def square_now(x):
    return slow_square.delay(x).get(timeout=10)


def square_later(x):
    return slow_square.delay(x)


def square_and_wait(x, timeout=10):
    return slow_square.delay(x).get(timeout=timeout)


def squares_in_parallel(numbers, timeout=10):
    pending = [slow_square.delay(n) for n in numbers]
    return [p.get(timeout=timeout) for p in pending]


def who_runs_it(timeout=10):
    return whoami(), whoami.delay().get(timeout=timeout)
