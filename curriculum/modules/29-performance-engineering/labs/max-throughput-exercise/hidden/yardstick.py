"""The grader's own copy of the exercise's baseline.py: the yardstick the learner's tasks.py is timed
against. It runs as a worker the hidden test starts (never from the learner's folder), on a queue named
per run, under task names of its own, so nothing the learner writes changes it."""
import os

import redis
from celery import Celery

app = Celery("yardstick")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_default_queue=os.environ.get("YARDSTICK_QUEUE", "yardstick"),
    worker_hijack_root_logger=False,
)

store = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])


@app.task(name="yardstick.score")
def score(run, item):
    """The work for one item, exactly as in baseline.py."""
    store.incrby(f"throughput-lab:{run}", sum(i * i for i in range(item % 100)))


@app.task(name="yardstick.process")
def process(run, items):
    """One task per item, exactly as in baseline.py."""
    for item in items:
        score.delay(run, item)
