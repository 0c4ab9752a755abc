"""The workloads to benchmark (module 15 exercise). Leave this file as it is."""
import time

from celery import Celery

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("bench_tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def io_bound(seconds):
    """Waits like a call to a slow remote service."""
    time.sleep(seconds)
    return seconds


@app.task
def cpu_bound(n):
    """Keeps one CPU core busy."""
    return sum(i * i for i in range(n))
