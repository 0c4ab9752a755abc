"""Wrong on purpose: scores every item inside process itself: one task, no parallel batches"""
import os

import redis
from celery import Celery

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_default_queue="throughput",
    task_ignore_result=True,         # nobody reads these results: don't write them
    worker_prefetch_multiplier=64,   # many short tasks: keep the processes fed
)

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
BATCH = 100


@app.task(name="throughput.score")
def score(run, item):
    """The work for one item: a little arithmetic, and its score added to the run's total."""
    store.incrby(f"throughput-lab:{run}", sum(i * i for i in range(item % 100)))


@app.task(name="throughput.process")
def process(run, items):
    """Processes every item of a run in batches of BATCH items, one message per batch."""
    store.incrby(f"throughput-lab:{run}", sum(sum(i * i for i in range(item % 100)) for item in items))
