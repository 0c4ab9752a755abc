"""Alternative correct solution (module 37 latency): routes as a list of (pattern, route) pairs with a
glob for the long work, and the per-task options (late acknowledgement, no result) as annotations."""
import time

from celery import Celery

app = Celery("latency")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]
app.conf.task_routes = ([
    ("latency.ping", {"queue": "urgent"}),
    ("latency.*", {"queue": "bulk"}),
],)
app.conf.task_annotations = {
    "latency.crunch": {"acks_late": True},
    "latency.track": {"ignore_result": True},
}


@app.task(name="latency.ping")
def ping(sent_at):
    return time.time()


@app.task(name="latency.crunch")
def crunch(seconds):
    time.sleep(seconds)
    return seconds


@app.task(name="latency.track")
def track(event):
    return None
