"""Helpers for hidden Celery lab tests (written next to them by the grader).

Hidden tests run as the grader's user, in their own process. They never import learner code: they
reach the learner's worker only through the broker, by task name, with the JSON serializer, so
nothing the learner's code produced is ever unpickled here.
"""
import os
import time

from celery import Celery

app = Celery(
    "coursebot-grader",
    broker=os.environ["COURSEBOT_BROKER_URL"],
    backend=os.environ["COURSEBOT_BACKEND_URL"],
)
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    result_accept_content=["json"],
)


def send(name, *args, **options):
    """Sends task `name` with positional `args`; `options` go to send_task (queue, countdown, kwargs, ...)."""
    return app.send_task(name, args=list(args), **options)


def call(name, *args, timeout=10, **options):
    """Sends task `name` and waits for its result."""
    return send(name, *args, **options).get(timeout=timeout)


def inspect(timeout=2.0):
    return app.control.inspect(timeout=timeout)


def registered():
    """Every task name the running workers have registered."""
    replies = inspect().registered() or {}
    return {name.split(" ")[0] for names in replies.values() for name in names}


def active_queues():
    """Queue names each worker consumes from: {worker: {queue, ...}}."""
    replies = inspect().active_queues() or {}
    return {worker: {queue["name"] for queue in queues} for worker, queues in replies.items()}


def stats():
    return inspect().stats() or {}


def wait_until(predicate, timeout=10.0, interval=0.1):
    """Polls `predicate` until it returns something truthy; returns it, or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return None
