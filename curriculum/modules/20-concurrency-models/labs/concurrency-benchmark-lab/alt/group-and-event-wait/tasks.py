"""Module 20 lab, another way: an Event wait for the I/O task, a 6k +/- 1 trial division for the CPU task."""
import threading

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task(name="tasks.io_task")
def io_task(delay):
    # Event.wait blocks like a socket read would; gevent's monkey-patching makes it yield.
    threading.Event().wait(delay)
    return delay


def is_prime(k):
    if k < 4:
        return k > 1
    if k % 2 == 0 or k % 3 == 0:
        return False
    step = 5
    while step * step <= k:
        if k % step == 0 or k % (step + 2) == 0:
            return False
        step += 6
    return True


@app.task(name="tasks.cpu_task")
def cpu_task(n):
    return sum(1 for k in range(n) if is_prime(k))
