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


@app.task
def nap(seconds):
    """Sleeps; returns when it started and ended (epoch seconds), to measure overlap."""
    start = time.time()
    time.sleep(seconds)
    return [start, time.time()]


@app.task
def fail(message):
    raise ValueError(message)
