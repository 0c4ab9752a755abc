"""A scheduled sales-reporting system (module 8 exercise). See README.md in this folder."""
import json  # noqa: F401
import os
from datetime import datetime, timezone

import redis
from celery import Celery
from celery.schedules import crontab  # noqa: F401

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

# The shop's data lives in Redis, under these keys.
store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)
PENDING = "lab08:sales:pending"      # list: amounts of the sales not reported yet
LATEST = "lab08:report:latest"       # string: the newest report, as JSON
HISTORY = "lab08:report:history"     # list: every report, oldest first, as JSON


def now_iso():
    """The current time in UTC, as an ISO 8601 string with its offset."""
    return datetime.now(timezone.utc).isoformat()


# TODO 4: app.conf.beat_schedule with two entries:
#   "sales-report": tasks.sales_report every 2 seconds, with the option expires=2 (a report that
#                   could not start within its own period is dropped, not run late)
#   "daily-digest": tasks.daily_digest every day at 8:00 (crontab)


@app.task
def record_sale(amount):
    """TODO 1: append the amount to the PENDING list and return how many sales are pending."""
    raise NotImplementedError


@app.task
def sales_report():
    """TODO 2: take every pending sale, atomically (read and delete the list in one MULTI/EXEC
    transaction: store.pipeline() does that), and build the report
        {"count": number of sales, "total": their sum rounded to 2 places, "generated_at": now_iso()}
    Store it as JSON in LATEST, append it (as JSON) to HISTORY, and return it. A period without
    sales still produces a report, with count 0 and total 0."""
    raise NotImplementedError


@app.task
def daily_digest():
    """TODO 3: summarise HISTORY and return
        {"reports": number of reports, "count": sum of their counts, "total": sum of their totals, rounded to 2 places}"""
    raise NotImplementedError
