"""Alternative correct solution (module 37 throughput): settings as app.conf attributes, and the
benchmark's producer built explicitly on one write connection."""
from celery import Celery

app = Celery("throughput")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]
app.conf.worker_prefetch_multiplier = 256
app.conf.task_ignore_result = True
app.conf.worker_max_tasks_per_child = 50_000


@app.task(name="throughput.noop")
def noop(i=None):
    return None


@app.task(name="throughput.process_batch", ignore_result=False)
def process_batch(items):
    squares = 0
    for item in items:
        squares += item * item
    return {"count": len(items), "checksum": squares}
