"""Wrong: the heartbeat every 60 s (a number is seconds, not minutes... or the other way round)"""
import os
from datetime import timedelta

import redis
from celery import Celery
from celery.schedules import crontab

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))

app.conf.timezone = "Europe/London"

app.conf.beat_schedule = {
    "heartbeat-every-second": {"task": "tasks.heartbeat", "schedule": 60.0},
    "cleanup-every-15-minutes": {
        "task": "tasks.cleanup",
        "schedule": crontab(minute="*/15"),
        "kwargs": {"older_than_days": 7},
    },
    "weekly-report": {
        "task": "tasks.weekly_report",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon"),
        "options": {"expires": 3600},
    },
    "quarterly-invoices": {
        "task": "tasks.send_invoices",
        "schedule": crontab(minute=0, hour=0, day_of_month=1, month_of_year="*/3"),
    },
}


@app.on_after_configure.connect
def add_schedules(sender, **kwargs):
    sender.add_periodic_task(timedelta(seconds=2), record.s("tick"), name="tick-every-2-seconds")


@app.task
def heartbeat():
    return store.incr("lab08:heartbeat")


@app.task
def record(label):
    return store.hincrby("lab08:records", label, 1)


@app.task
def cleanup(older_than_days):
    return f"removed files older than {older_than_days} days"


@app.task
def weekly_report():
    return "weekly report sent"


@app.task
def send_invoices():
    return "invoices sent"
