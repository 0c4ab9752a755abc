"""Wrong: the README's examples answered from the code instead of by the tasks."""
import time

import tasks


def square_now(x):
    time.sleep(0.5)
    return {7: 49, 6: 36}.get(x, x)


def square_later(x):
    return tasks.slow_square.delay(x)


def square_and_wait(x, timeout=10):
    return {8: 64, 5: 25}.get(x) or tasks.slow_square.delay(x).get(timeout=timeout)


def squares_in_parallel(numbers, timeout=10):
    return [1, 4, 9, 16]


def who_runs_it(timeout=10):
    return "caller", tasks.whoami.delay().get(timeout=timeout)
