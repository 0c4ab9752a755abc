"""Alternative correct solution (module 29 throughput): instead of chunks, process splits the items into
slices itself and sends one score_batch task per slice (a group), each adding its slice's total in one
INCRBY; results are ignored per task and prefetch is raised."""
import os

import redis
from celery import Celery, group

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_default_queue="throughput",
    worker_prefetch_multiplier=16,
)

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
SLICES = 16


def item_score(item):
    return sum(i * i for i in range(item % 100))


@app.task(name="throughput.score", ignore_result=True)
def score(run, item):
    """The work for one item: a little arithmetic, and its score added to the run's total."""
    store.incrby(f"throughput-lab:{run}", item_score(item))


@app.task(name="throughput.score_batch", ignore_result=True)
def score_batch(run, items):
    """The same work for a slice of items, added to the run's total in one step."""
    store.incrby(f"throughput-lab:{run}", sum(item_score(item) for item in items))


@app.task(name="throughput.process", ignore_result=True)
def process(run, items):
    """Sends the items as SLICES batches that the worker's processes share."""
    size = max(1, -(-len(items) // SLICES))
    group(score_batch.s(run, items[start:start + size]) for start in range(0, len(items), size)).apply_async()
