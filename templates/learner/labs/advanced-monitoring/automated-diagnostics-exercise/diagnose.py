"""Automated diagnostics for a Celery deployment (module 24 exercise). See README.md in this folder.

Each check returns a finding, a dict:
    {"check": "workers", "level": "OK" | "WARNING" | "CRITICAL", "detail": "what was found", "action": "what to do next"}
"""
import argparse
import sys
import time

OK, WARNING, CRITICAL = "OK", "WARNING", "CRITICAL"
EXIT_CODES = {OK: 0, WARNING: 1, CRITICAL: 2}


def finding(check, level, detail, action=""):
    return {"check": check, "level": level, "detail": detail, "action": action}


def check_workers(app, timeout=1.0):
    """"workers": OK when at least one worker answers a ping within `timeout` seconds, else CRITICAL."""
    # TODO 1: app.control.ping(timeout=timeout) returns one {worker name: reply} dict per worker that answered.
    raise NotImplementedError


def check_queue(app, queue, warning=10, critical=50):
    """"queue:<name>": how many messages wait in the queue; WARNING from `warning`, CRITICAL from `critical`."""
    # TODO 2: on Redis a queue is a list named after it: its length is the number of waiting messages.
    # With the app's own connection: app.connection_for_read().default_channel.client.llen(queue)
    raise NotImplementedError


def check_stuck_tasks(app, stuck_after=60.0, timeout=1.0):
    """"stuck-tasks": WARNING when a task has been running for more than `stuck_after` seconds, else OK."""
    # TODO 3: app.control.inspect(timeout=timeout).active() gives {worker: [task, ...]}, each task with
    # "id", "name" and "time_start" (a time.time() timestamp); None when no worker answered.
    raise NotImplementedError


def diagnose(app, queues=("celery",), queue_warning=10, queue_critical=50, stuck_after=60.0):
    """Every finding: workers, then one per queue, then stuck tasks."""
    # TODO 4
    raise NotImplementedError


def overall(findings):
    """The worst level among the findings."""
    # TODO 5
    raise NotImplementedError


def main(argv=None):
    parser = argparse.ArgumentParser(description="Diagnose the Celery deployment of tasks.app")
    parser.add_argument("--queue", action="append", dest="queues", help="a queue to watch (repeatable; default: celery)")
    parser.add_argument("--stuck-after", type=float, default=60.0, help="seconds after which a running task counts as stuck")
    args = parser.parse_args(argv)
    from tasks import app

    findings = diagnose(app, queues=args.queues or ["celery"], stuck_after=args.stuck_after)
    # TODO 6: print one line per finding, "LEVEL check: detail -> action" (no " -> action" when there is
    # none), then "overall: LEVEL", and return the exit code for the overall level (0, 1 or 2).
    return EXIT_CODES[overall(findings)]


if __name__ == "__main__":
    sys.exit(main())
