"""Wrong: slow_square answers the README's examples from a table."""
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
    return {9: 81, 3: 9, 7: 49, 6: 36, 8: 64, 5: 25, 1: 1, 2: 4, 4: 16}.get(x, 0)


@app.task(bind=True)
def whoami(self):
    return "caller" if self.request.called_directly else self.request.hostname
