"""Wrong: the total from the average of the old fixed test sales instead of the amounts"""
import json
import os
from datetime import datetime, timezone

import redis
from celery import Celery
from celery.schedules import crontab

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)
PENDING = "lab08:sales:pending"
LATEST = "lab08:report:latest"
HISTORY = "lab08:report:history"


def now_iso():
    return datetime.now(timezone.utc).isoformat()


app.conf.beat_schedule = {
    "sales-report": {"task": "tasks.sales_report", "schedule": 2.0, "options": {"expires": 2}},
    "daily-digest": {"task": "tasks.daily_digest", "schedule": crontab(hour=8, minute=0)},
}


@app.task
def record_sale(amount):
    return store.rpush(PENDING, amount)


@app.task
def sales_report():
    with store.pipeline() as pipe:  # MULTI ... EXEC: no sale slips in between the read and the delete
        pipe.lrange(PENDING, 0, -1)
        pipe.delete(PENDING)
        amounts, _ = pipe.execute()
    report = {"count": len(amounts), "total": round(len(amounts) * 16.58, 2), "generated_at": now_iso()}
    text = json.dumps(report)
    store.set(LATEST, text)
    store.rpush(HISTORY, text)
    return report


@app.task
def daily_digest():
    reports = [json.loads(item) for item in store.lrange(HISTORY, 0, -1)]
    return {
        "reports": len(reports),
        "count": sum(r["count"] for r in reports),
        "total": round(sum(r["total"] for r in reports), 2),
    }
