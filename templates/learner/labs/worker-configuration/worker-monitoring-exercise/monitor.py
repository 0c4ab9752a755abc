"""A small monitor for Celery workers (module 5 exercise). See README.md in this folder.

Run it with `python3 monitor.py` while a worker is running.
"""


def snapshot(app, timeout=1.0):
    """Asks every worker how it is doing; waits at most `timeout` seconds for each question.

    Returns one entry per worker that answered, keyed by its name:
        {"learner@host": {"concurrency": 3,         # size of its pool
                          "processed": 12,          # tasks it completed since it started
                          "active": 1,              # tasks running now
                          "reserved": 0,            # tasks it took from the queue, not started yet
                          "active_tasks": ["tasks.sleep_for"],   # names of the running tasks
                          "utilization": 0.33,      # active / concurrency, rounded to 2 decimals
                          "uptime": 42}}            # seconds since it started
    and {} when no worker answers.
    """
    # TODO 2: inspect = app.control.inspect(timeout=timeout); then inspect.stats(),
    #         inspect.active() and inspect.reserved() (each returns None when nobody answered).
    raise NotImplementedError


def busiest(snap):
    """The name of the worker with the highest utilization in a snapshot, or None when it is empty."""
    # TODO 3
    raise NotImplementedError


def format_report(snap):
    """One line per worker, sorted by name, exactly like
        learner@host: 1/3 busy, 0 reserved, 12 processed
    or "no workers answered" for an empty snapshot."""
    # TODO 4
    raise NotImplementedError


if __name__ == "__main__":
    from tasks import app

    current = snapshot(app)
    print(format_report(current))
    if current:
        print("busiest:", busiest(current))
