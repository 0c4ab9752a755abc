"""Wrong on purpose: long jobs are not routed: they land on the interactive workers"""
from celery.signals import celeryd_init

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

# Long jobs get workers of their own, so they never hold up short interactive tasks.

# Acknowledge after the task has run, and give the message back if its pool process dies
# mid-task (OOM killer, kill -9), so another process runs it again.
task_acks_late = True
task_reject_on_worker_lost = True

# Redis redelivers a message not acknowledged within the visibility timeout; ETA and countdown
# tasks wait unacknowledged, so the timeout must exceed the longest delay (2 hours) with a margin.
broker_transport_options = {"visibility_timeout": 3 * 3600}


@celeryd_init.connect
def configure_worker(sender=None, conf=None, **kwargs):
    """Per-worker settings: batch workers reserve one job at a time; interactive ones keep prefetching."""
    if sender and sender.startswith("batch@"):
        conf.worker_prefetch_multiplier = 1
