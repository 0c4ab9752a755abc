"""Wrong on purpose: recycles the child after every task, forking more than it works."""
from celery import Celery

app = Celery("throughput")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # Many tiny tasks: reserve plenty of messages per process so the pool never waits on the broker.
    worker_prefetch_multiplier=128,
    # Nobody reads a noop's result: do not pay a backend write per task.
    task_ignore_result=True,
    # Bound memory growth without spending the day forking new children.
    worker_max_tasks_per_child=1,  # a fresh child for every task: no leak can build up
)


@app.task
def noop(i=None):
    """The smallest possible unit of work: measures per-message overhead."""
    return None


@app.task(ignore_result=False)
def process_batch(items):
    """Many items per message: the per-message overhead is paid once per batch."""
    return {"count": len(items), "checksum": sum(i * i for i in items)}
