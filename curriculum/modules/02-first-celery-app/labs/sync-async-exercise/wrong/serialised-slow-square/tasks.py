"""Wrong: slow_square holds a lock for its half second, so calls never overlap on the worker's threads."""
import threading
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
ONE_AT_A_TIME = threading.Lock()


@app.task
def add(x, y):
    return x + y


@app.task
def slow_square(x):
    with ONE_AT_A_TIME:
        time.sleep(0.5)
    return x * x


@app.task(bind=True)
def whoami(self):
    return "caller" if self.request.called_directly else self.request.hostname
