"""Alternative solution: every entry added in code (add_periodic_task, on_after_finalize), crontabs
with named days and explicit month lists, timezone through conf.update."""
import os
from datetime import timedelta

import redis
from celery import Celery
from celery.schedules import crontab

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"],
                timezone="Europe/London")

counters = redis.Redis.from_url(os.getenv("CELERY_BROKER_URL", "redis://localhost:6379/0"))


@app.on_after_finalize.connect
def schedule_everything(sender, **_):
    sender.add_periodic_task(1, heartbeat.s(), name="heartbeat-every-second")
    sender.add_periodic_task(timedelta(seconds=2), record.s("tick"), name="tick-every-2-seconds")
    sender.add_periodic_task(crontab(minute="0,15,30,45"), cleanup.s(older_than_days=7), name="cleanup-every-15-minutes")
    sender.add_periodic_task(crontab(minute="30", hour="7", day_of_week="monday"), weekly_report.s(),
                             name="weekly-report", expires=3600)
    sender.add_periodic_task(crontab(minute=0, hour=0, day_of_month=1, month_of_year="1,4,7,10"), send_invoices.s(),
                             name="quarterly-invoices")


@app.task
def heartbeat():
    return counters.incr("lab08:heartbeat")


@app.task
def record(label):
    return counters.hincrby("lab08:records", label, 1)


@app.task
def cleanup(older_than_days):
    return "removed files older than %d days" % older_than_days


@app.task
def weekly_report():
    return "weekly report sent"


@app.task
def send_invoices():
    return "invoices sent"
