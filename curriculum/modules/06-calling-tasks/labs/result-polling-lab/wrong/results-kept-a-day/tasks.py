"""Wrong: result_expires left out: results stay a day"""
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_track_started=True,
)


@app.task
def slow_add(x, y, seconds=1.0):
    time.sleep(seconds)
    return x + y


@app.task
def fail(message):
    raise ValueError(message)
