"""Wrong on purpose: shortens the keepalive but does not report it in info()"""
import os
import time

from celery import Celery
from celery.worker.autoscale import Autoscaler

app = Celery("scaling")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    worker_autoscaler="scaling:QuickAutoscaler",
    # Reserve one message per process: the backlog stays in the queue, where every replica
    # (and a queue-length metric for the HorizontalPodAutoscaler) can see it.
    worker_prefetch_multiplier=1,
)


class QuickAutoscaler(Autoscaler):
    """Grows like the stock autoscaler; gives idle processes back after 2 s instead of 30 s."""

    KEEPALIVE = float(os.environ.get("SCALING_KEEPALIVE", "2"))

    def __init__(self, *args, **kwargs):
        kwargs["keepalive"] = self.KEEPALIVE
        super().__init__(*args, **kwargs)



@app.task
def work(seconds):
    time.sleep(seconds)
    return os.getpid()
