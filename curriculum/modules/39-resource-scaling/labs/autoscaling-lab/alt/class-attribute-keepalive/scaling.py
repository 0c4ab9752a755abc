"""Alternative correct autoscaling (module 39): the keepalive passed by an explicit keyword in the
subclass's signature, settings as app.conf attributes, and info() built by update()."""
import os
import time

from celery import Celery
from celery.worker.autoscale import Autoscaler

app = Celery("scaling")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]
app.conf.worker_autoscaler = "scaling:ShortKeepaliveAutoscaler"
app.conf.worker_prefetch_multiplier = 1

IDLE_SECONDS = 1.5


class ShortKeepaliveAutoscaler(Autoscaler):
    def __init__(self, pool, max_concurrency, min_concurrency=0, worker=None, keepalive=None, mutex=None):
        super().__init__(pool, max_concurrency, min_concurrency, worker=worker, keepalive=IDLE_SECONDS, mutex=mutex)

    def info(self):
        described = super().info()
        described.update(keepalive=self.keepalive)
        return described


@app.task(name="scaling.work")
def work(seconds):
    time.sleep(seconds)
    return os.getpid()
