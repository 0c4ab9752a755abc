"""Tasks to watch (module 5 exercise). See README.md in this folder."""
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
# TODO 1: make the worker send task events (received, started, succeeded, failed...) so that
#         monitors such as `celery events` and Flower can follow it, without the -E option:
#         the setting is worker_send_task_events.


@app.task
def add(x, y):
    return x + y


@app.task
def sleep_for(seconds):
    time.sleep(seconds)
    return seconds
