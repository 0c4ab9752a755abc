"""Five periodic tasks, five kinds of schedule (module 8 lab). See README.md in this folder."""
import os
from datetime import timedelta  # noqa: F401  (for TODO 3)

import redis
from celery import Celery
from celery.schedules import crontab  # noqa: F401  (for TODO 2)

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

# The two fast tasks count their runs in Redis, so you (and the grader) can watch beat at work.
store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))

# TODO 1: the crontab entries below mean London time: set the app's timezone to "Europe/London".

# TODO 2: app.conf.beat_schedule with four entries (the keys are the entry names):
#   "heartbeat-every-second":   tasks.heartbeat every 1 second, written as a plain number
#   "cleanup-every-15-minutes": tasks.cleanup at minutes 0, 15, 30 and 45 of every hour (crontab),
#                               called with the keyword argument older_than_days=7
#   "weekly-report":            tasks.weekly_report on Mondays at 7:30 (crontab), with the
#                               option expires=3600 (a run that waited an hour is dropped)
#   "quarterly-invoices":       tasks.send_invoices at midnight on the first day of January,
#                               April, July and October (crontab: day_of_month, month_of_year)

# TODO 3: add the fifth entry in code, not in the dictionary: connect a handler to
#   app.on_after_configure and call sender.add_periodic_task(...) to run record("tick") every
#   2 seconds, given as a timedelta, under the name "tick-every-2-seconds".


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
