"""Alternative correct solution (module 27 result storage): ignore_result through task_annotations,
result_expires as a timedelta, and the report written with a pipeline (SET then EXPIRE)."""
import json
import os
from datetime import timedelta

import redis
from celery import Celery

app = Celery("tasks")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]
app.conf.result_expires = timedelta(minutes=45)
app.conf.task_store_errors_even_if_ignored = True
app.conf.task_annotations = {"tasks.record_event": {"ignore_result": True}}

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


@app.task(name="tasks.record_event")
def record_event(event):
    if not (isinstance(event, dict) and "type" in event):
        raise ValueError("not an event: %r" % (event,))
    store.rpush("storage-lab:events", json.dumps(event))
    return event


@app.task(name="tasks.compute")
def compute(x):
    return x ** 2 + 1


@app.task(name="tasks.build_report", bind=True)
def build_report(self, rows):
    key = "storage-lab:report:" + self.request.id
    pipe = store.pipeline()
    pipe.set(key, json.dumps([{"row": n, "customer": "customer-%d" % n, "total": n * 3.5} for n in range(rows)]))
    pipe.expire(key, timedelta(minutes=45))
    pipe.execute()
    return {"report_key": key, "rows": rows}
