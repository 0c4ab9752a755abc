"""Module 20 lab: the two workloads to benchmark. See README.md in this folder."""
from celery import Celery

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def io_task(delay):
    """I/O-bound: wait `delay` seconds the way a network call waits, and return `delay`."""
    # TODO 1: wait with something the gevent and eventlet pools can patch (time.sleep, a socket read),
    #         never a busy loop; then return delay.
    raise NotImplementedError("io_task")


@app.task
def cpu_task(n):
    """CPU-bound: return how many primes are below n (cpu_task(100) == 25)."""
    # TODO 2: count them by trial division in pure Python: no sleep, no I/O, no C library doing the work.
    raise NotImplementedError("cpu_task")
