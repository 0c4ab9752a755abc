"""Module 18 exercise: the tasks your alerting watches. See README.md in this folder.

You do not need to change this file: your work goes into alerts.py.
"""
import time

from celery import Celery

import alerts  # noqa: F401  (importing it connects your signal handlers)

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


class UpstreamError(Exception):
    """The partner API we sync with answered with an error."""


@app.task
def sync_inventory(fail):
    if fail:
        raise UpstreamError("inventory API answered 503")
    return "synced"


@app.task
def send_email(fail):
    if fail:
        raise UpstreamError("SMTP relay refused the connection")
    return "sent"


@app.task
def build_report(seconds):
    time.sleep(seconds)
    return seconds
