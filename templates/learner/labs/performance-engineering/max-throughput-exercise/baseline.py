"""The unoptimized baseline (module 29 exercise), for measuring your tasks.py against it yourself.

The grader times your tasks.py against its own copy of this file, not this one.
"""
import os

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
    store.incrby(f"throughput-lab:{run}", sum(i * i for i in range(item % 100)))


@app.task(name="baseline.process")
def process(run, items):
    """Processes every item of a run: one task per item."""
    for item in items:
        score.delay(run, item)
