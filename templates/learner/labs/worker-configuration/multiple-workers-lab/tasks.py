"""The tasks both workers know (module 5 lab). See README.md in this folder; you should not need
to change this file."""
import os
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task(bind=True)
def crunch(self, n):
    """CPU-bound: the sum of the squares below n."""
    total = sum(i * i for i in range(n))
    return {"result": total, "worker": self.request.hostname, "pid": os.getpid()}


@app.task(bind=True)
def fetch(self, item, seconds=0.5):
    """I/O-bound: waits `seconds` as if for a remote API."""
    time.sleep(seconds)
    return {"item": item, "worker": self.request.hostname, "pid": os.getpid()}
