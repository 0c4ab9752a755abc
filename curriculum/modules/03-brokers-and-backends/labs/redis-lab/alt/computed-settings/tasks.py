"""Alternative solution: the settings module named when the app is made (config_source)."""
from time import sleep

from celery import Celery

app = Celery("tasks", config_source="celeryconfig")


@app.task
def add(a, b):
    return a + b


@app.task
def wait(seconds):
    sleep(seconds)
    return seconds
