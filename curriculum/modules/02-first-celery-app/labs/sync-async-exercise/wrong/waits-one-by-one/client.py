"""Wrong (the README's warning): squares_in_parallel sends one task and waits for it before the next."""
from tasks import slow_square, whoami


def square_now(x):
    return slow_square(x)


def square_later(x):
    return slow_square.delay(x)


def square_and_wait(x, timeout=10):
    return slow_square.delay(x).get(timeout=timeout)


def squares_in_parallel(numbers, timeout=10):
    return [slow_square.delay(n).get(timeout=timeout) for n in numbers]


def who_runs_it(timeout=10):
    return whoami(), whoami.delay().get(timeout=timeout)
