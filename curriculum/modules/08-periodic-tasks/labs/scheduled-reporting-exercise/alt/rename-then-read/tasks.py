"""Alternative solution: the pending sales are taken by an atomic RENAME to a per-report key (no
MULTI/EXEC), the schedule as a timedelta, the report stored with one pipeline."""
import json
import os
import uuid
from datetime import datetime, timedelta, timezone

import redis
from celery import Celery
from celery.schedules import crontab

app = Celery("tasks")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]

store = redis.Redis.from_url(os.getenv("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)
PENDING, LATEST, HISTORY = "lab08:sales:pending", "lab08:report:latest", "lab08:report:history"


def now_iso():
    return datetime.now(tz=timezone.utc).isoformat(timespec="seconds")


app.conf.beat_schedule = dict(
    [
        ("sales-report", dict(task="tasks.sales_report", schedule=timedelta(seconds=2), options=dict(expires=2))),
        ("daily-digest", dict(task="tasks.daily_digest", schedule=crontab(minute="0", hour="8"))),
    ]
)


@app.task
def record_sale(amount):
    return store.rpush(PENDING, amount)


def take_pending():
    taken = f"lab08:sales:taken:{uuid.uuid4().hex}"
    try:
        store.rename(PENDING, taken)  # atomic: later sales go to a fresh pending list
    except redis.ResponseError:  # no such key: nothing was sold
        return []
    amounts = store.lrange(taken, 0, -1)
    store.delete(taken)
    return [float(a) for a in amounts]


@app.task
def sales_report():
    amounts = take_pending()
    report = dict(count=len(amounts), total=round(sum(amounts), 2), generated_at=now_iso())
    text = json.dumps(report)
    pipe = store.pipeline()
    pipe.set(LATEST, text).rpush(HISTORY, text)
    pipe.execute()
    return report


@app.task
def daily_digest():
    reports = list(map(json.loads, store.lrange(HISTORY, 0, -1)))
    return {"reports": len(reports), "count": sum(r["count"] for r in reports),
            "total": round(sum(r["total"] for r in reports), 2)}
