"""The unoptimized baseline (module 29 exercise). Provided: do not change this file.

The grader runs it beside your tasks.py, on the same machine, and compares the two.
"""
import os
import time

import redis
from celery import Celery

app = Celery("baseline")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_default_queue="baseline",
)

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


@app.task(name="baseline.score")
def score(run, item):
    """The work for one item: a little arithmetic, and its score added to the run's total."""
    time.sleep(0.02)
    store.incrby(f"throughput-lab:{run}", sum(i * i for i in range(item % 100)))


@app.task(name="baseline.process")
def process(run, items):
    """Processes every item of a run: one task per item."""
    for item in items:
        score.delay(run, item)
