"""Minimize task latency (module 37 exercise). See README.md in this folder."""
import time

from celery import Celery

app = Celery("latency")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # TODO 1: task_routes, as a dict: latency.ping to the "urgent" queue,
    #         latency.crunch and latency.track to the "bulk" queue
)


# TODO 2: latency.crunch runs for seconds: have it acknowledged only after it ran
@app.task
def crunch(seconds):
    """A long report-style task."""
    time.sleep(seconds)
    return seconds


# TODO 3: latency.ping(sent_at): returns time.time() at once
# TODO 4: latency.track(event): fire and forget; declare it so that no result is stored
