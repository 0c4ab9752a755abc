"""Wrong: whoami always returns self.request.hostname, which is None when it is called directly."""
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
    return self.request.hostname
