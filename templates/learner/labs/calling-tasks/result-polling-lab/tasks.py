"""Tasks whose results you will poll (module 6 lab). See README.md in this folder."""
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
# TODO 1: two result settings in the app.conf.update above:
#   - report STARTED while a task runs (task_track_started), so that a poller can tell
#     "waiting in the queue" (PENDING) from "running" (STARTED);
#   - keep results for 10 minutes (result_expires), not the default day: nobody polls longer.


@app.task
def slow_add(x, y, seconds=1.0):
    time.sleep(seconds)
    return x + y


@app.task
def fail(message):
    raise ValueError(message)
