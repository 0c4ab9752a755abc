"""Reference solution: module 3, Redis lab (tasks)."""
import time

from celery import Celery

app = Celery("tasks")
app.config_from_object("celeryconfig")


@app.task
def add(x, y):
    return x + y


@app.task
def wait(seconds):
    """Sleeps, then returns how long it slept: a task you can watch while it runs."""
    time.sleep(seconds)
    return seconds
