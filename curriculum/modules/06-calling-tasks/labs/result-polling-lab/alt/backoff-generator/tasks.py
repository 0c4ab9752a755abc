"""Alternative solution (tasks): settings as attributes, the expiry as a timedelta."""
from datetime import timedelta
from time import sleep

from celery import Celery

app = Celery("tasks")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]
app.conf.task_track_started = True
app.conf.result_expires = timedelta(minutes=10)


@app.task
def slow_add(x, y, seconds=1.0):
    sleep(seconds)
    return x + y


@app.task
def fail(message):
    raise ValueError(message)
