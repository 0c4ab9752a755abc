"""The reporting service you deploy (module 23 lab). See README.md: the settings go in celeryconfig.py."""
import os
import signal

import redis
from celery import Celery

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables: the grader sets them, and so does docker-compose.yml for local runs.
app = Celery("tasks")
app.config_from_object("celeryconfig")

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


@app.task
def ping():
    return "pong"


@app.task(bind=True)
def generate_report(self, customer):
    """A slow report; returns the queue it was delivered through."""
    return (self.request.delivery_info or {}).get("routing_key")


@app.task
def request_report(customer):
    """What the web app calls: starts generate_report (routed by your settings) and returns its id."""
    return generate_report.delay(customer).id


@app.task
def crash_once(key):
    """Simulates a machine dying mid-task: the first attempt kills its own process."""
    attempt = store.incr(f"ha-lab:attempts:{key}")
    if attempt == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return attempt
