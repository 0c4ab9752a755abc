"""Wrong (the step most often forgotten): celeryconfig.py is written but never loaded into the app."""
import time

from celery import Celery

app = Celery("tasks")


@app.task
def add(x, y):
    return x + y


@app.task
def wait(seconds):
    time.sleep(seconds)
    return seconds
