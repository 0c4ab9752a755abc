"""Reference solution: module 5, worker monitoring exercise (tasks)."""
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    worker_send_task_events=True,
)


@app.task
def add(x, y):
    return x + y


@app.task
def sleep_for(seconds):
    time.sleep(seconds)
    return seconds
