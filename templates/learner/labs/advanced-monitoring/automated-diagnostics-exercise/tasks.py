"""The app your diagnostics watch (module 24 exercise). You should not need to change this file."""
import time

from celery import Celery

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables: the grader sets them, and so does docker-compose.yml for local runs.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def add(x, y):
    return x + y


@app.task
def sleepy(seconds):
    """Stands in for a task that hangs: it just takes a long time."""
    time.sleep(seconds)
    return seconds
