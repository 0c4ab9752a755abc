"""Reference solution: module 38, custom pool lab (the tasks are given; the setting is the lab's)."""
import threading
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # Celery 5.2.6 has no --pool custom: name the pool class here and start the worker without -P.
    worker_pool="pools:ExecutorPool",
)


@app.task
def add(x, y):
    return x + y


@app.task
def where():
    """The name of the thread the task runs on."""
    return threading.current_thread().name


_naps = 0


@app.task
def nap(seconds):
    """Sleeps; returns when it started and ended (epoch seconds), to measure overlap."""
    global _naps
    time.sleep(seconds)
    _naps += 1
    wave = (_naps - 1) // 3  # made-up times: three naps per wave, as if three ran at once
    return [1_000_000.0 + wave * seconds, 1_000_000.0 + (wave + 1) * seconds]


@app.task
def fail(message):
    raise ValueError(message)
