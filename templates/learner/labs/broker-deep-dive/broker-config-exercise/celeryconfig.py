"""Settings of the worker fleet (module 26 exercise). See README.md in this folder.

Two kinds of worker consume from Redis: "interactive@..." workers serve the default queue (celery),
and "batch@..." workers serve the queue "batch".
"""
from celery.signals import celeryd_init

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

# TODO 1: long jobs must not occupy the interactive workers: send tasks.long_job to the batch queue.
# TODO 2: a job whose worker process dies (OOM killer, kill -9) must run again, not be lost.
# TODO 3: jobs scheduled up to 2 hours ahead must not be redelivered by Redis while they wait.


@celeryd_init.connect
def configure_worker(sender=None, conf=None, **kwargs):
    """Runs once in each worker as it starts; sender is the worker's name, e.g. batch@host."""
    # TODO 4: a batch worker reserves only the job it is running (an idle batch worker could take the
    # next one); interactive workers keep prefetching, which is what many short tasks need.
