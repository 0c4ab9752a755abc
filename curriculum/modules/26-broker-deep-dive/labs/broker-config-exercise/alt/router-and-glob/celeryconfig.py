"""Alternative correct settings (module 26 broker configuration): routing by a glob pattern in an
ordered router list, settings written through a dict, and the per-worker prefetch set with
conf.update after parsing the worker name."""
from celery.signals import celeryd_init

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

# Every long_* task goes to the batch workers.
task_routes = ([("tasks.long_*", {"queue": "batch", "routing_key": "batch"})],)

# A message is acknowledged after its task ran, and handed back if the process running it dies.
task_acks_late = True
task_reject_on_worker_lost = True

# Half a day: longer than any countdown or ETA used here (two hours).
broker_transport_options = dict(visibility_timeout=12 * 60 * 60)


@celeryd_init.connect
def per_worker_prefetch(sender=None, conf=None, **kwargs):
    kind = (sender or "").partition("@")[0]
    if kind == "batch":
        conf.update(worker_prefetch_multiplier=1)
