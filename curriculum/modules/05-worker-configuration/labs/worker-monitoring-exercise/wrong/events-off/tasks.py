"""Wrong: task events never turned on (worker_send_task_events left out)."""
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
)


@app.task
def add(x, y):
    return x + y


@app.task
def sleep_for(seconds):
    time.sleep(seconds)
    return seconds
