"""A live Celery dashboard built on the event stream (module 18 lab).

Two halves:

1. install(app) starts, inside the worker, an event consumer: a thread that receives every event
   (app.events.Receiver with the "*" handler), merges it into a celery.events.State, and at least
   every PUBLISH_EVERY seconds writes a JSON snapshot of that state to the Redis key SNAPSHOT_KEY
   (the Redis at CELERY_BROKER_URL). The worker must send events: it runs with -E.
2. `python3 dashboard.py` reads the latest snapshot from Redis and prints it for a human.

The snapshot (the grader reads these fields):

    {
      "updated": 1718000000.0,                  time.time() when it was written
      "workers": {"learner@host": {"alive": true, "active": 0, "processed": 6}},
      "tasks": {"SUCCESS": 4, "FAILURE": 2},    how many tasks the State holds in each state
      "task_types": {"tasks.sleepy": {"succeeded": 1, "failed": 0, "avg_runtime": 0.3}},
      "failure_rate": 0.333                     failed / (succeeded + failed); 0.0 before any task finished
    }
"""
import json  # noqa: F401
import os
import threading  # noqa: F401
import time  # noqa: F401

import redis
from celery.signals import worker_ready  # noqa: F401

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
SNAPSHOT_KEY = "dashboard:snapshot"
PUBLISH_EVERY = 0.5


def install(app):
    """Called by tasks.py: start the event consumer once the worker is ready."""
    # TODO 1: connect a worker_ready handler (worker_ready.connect(handler, weak=False)) that starts
    #         a daemon thread running consume(app).


def consume(app):
    """Receive events forever, keep a State, publish snapshots."""
    # TODO 2: state = app.events.State(); guard it with a threading.Lock (the publisher reads it
    #         from another thread). With app.connection() as conn, build
    #         app.events.Receiver(conn, handlers={"*": on_event}) and call
    #         receiver.capture(limit=None, timeout=None, wakeup=True).
    # TODO 3: a second daemon thread that every PUBLISH_EVERY seconds stores
    #         json.dumps(snapshot(state)) at SNAPSHOT_KEY.


def snapshot(state):
    """The JSON-ready summary described at the top of this file."""
    # TODO 4: count state.tasks by task.state; per task name count SUCCESS and FAILURE and average
    #         task.runtime of the successful ones; list state.workers with alive, active, processed.
    return {}


def main():
    """Print the latest snapshot: workers online, tasks by state, failure rate, per task type."""
    client = redis.Redis.from_url(BROKER_URL)
    raw = client.get(SNAPSHOT_KEY)
    if raw is None:
        print("no snapshot yet: is a worker running with -E and your consumer started?")
        return
    # TODO 5: print, at least, these lines:
    #           workers online: <number of workers alive>
    #           failure rate: <percent, one decimal>%
    #         and then whatever else helps (tasks by state, a row per task type).
    print(raw.decode())


if __name__ == "__main__":
    main()
