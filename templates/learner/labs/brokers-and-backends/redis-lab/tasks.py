"""Tasks for the Redis lab (module 3). See README.md in this folder."""
import time

from celery import Celery

app = Celery("tasks")
# TODO 1: load every setting from the module celeryconfig.py (app.config_from_object).


@app.task
def add(x, y):
    return x + y


@app.task
def wait(seconds):
    """Sleeps, then returns how long it slept: a task you can watch while it runs."""
    time.sleep(seconds)
    return seconds
