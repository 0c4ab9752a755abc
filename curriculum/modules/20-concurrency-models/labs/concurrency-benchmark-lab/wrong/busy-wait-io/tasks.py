"""Reference solution: module 20 benchmark lab, the two workloads."""
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def io_task(delay):
    """I/O-bound: waits `delay` seconds the way a network call waits (time.sleep is patched by gevent/eventlet)."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        pass
    return delay


@app.task
def cpu_task(n):
    """CPU-bound: counts the primes below n by trial division, in pure Python, never yielding."""
    count = 0
    for candidate in range(2, n):
        divisor = 2
        while divisor * divisor <= candidate:
            if candidate % divisor == 0:
                break
            divisor += 1
        else:
            count += 1
    return count
