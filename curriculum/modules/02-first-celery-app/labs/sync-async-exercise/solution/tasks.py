"""Reference solution: module 2, sync/async exercise (tasks)."""
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def add(x, y):
    return x + y


@app.task
def slow_square(x):
    time.sleep(0.5)
    return x * x


@app.task(bind=True)
def whoami(self):
    if self.request.called_directly:
        return "caller"
    return self.request.hostname
