"""Alternative solution: settings as attributes; the worker also announces sent tasks."""
from time import sleep

from celery import Celery

app = Celery("tasks")
app.conf.accept_content = ["json"]
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.worker_send_task_events = True
app.conf.task_send_sent_event = True


@app.task
def add(a, b):
    return a + b


@app.task
def sleep_for(seconds):
    sleep(seconds)
    return seconds
