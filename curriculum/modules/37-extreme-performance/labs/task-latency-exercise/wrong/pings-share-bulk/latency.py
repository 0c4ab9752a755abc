"""Wrong on purpose: routes pings to the bulk queue with the long tasks"""
import time

from celery import Celery

app = Celery("latency")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # Latency-sensitive work has its own queue (and worker); long and background work another.
    task_routes={
        "latency.ping": {"queue": "bulk"},
        "latency.crunch": {"queue": "bulk"},
        "latency.track": {"queue": "bulk"},
    },
    # worker_prefetch_multiplier stays at its default: on Redis a one-process worker with a prefetch
    # of 1 stops polling while its message runs and resumes on a 1-2 s cycle, adding seconds to pings.
)


@app.task
def ping(sent_at):
    """Answers at once with when it ran: the caller computes how long it waited."""
    return time.time()


@app.task(acks_late=True)
def crunch(seconds):
    """A long report-style task: acknowledged after it ran, so a lost process means a redelivery."""
    time.sleep(seconds)
    return seconds


@app.task(ignore_result=True)
def track(event):
    """Fire and forget: nobody reads the result, so none is stored."""
    return None
