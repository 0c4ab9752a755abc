"""Benchmark Celery's pools on an I/O-bound and a CPU-bound workload (module 20 lab).

    python3 benchmark.py                 # full run, prints a table
    python3 benchmark.py --quick --json  # a run of seconds, prints only the JSON report

The JSON report:

    {"io":  {"solo": {"tasks": 20, "seconds": 2.05, "per_second": 9.75}, "prefork": {...}, "threads": {...}, "gevent": {...}},
     "cpu": {"solo": {...}, "prefork": {...}, "threads": {...}, "gevent": {...}}}
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

from celery import Celery

# pool -> concurrency. Try other values and note in REPORT.md what changes.
POOLS = {"solo": 1, "prefork": 2, "threads": 10, "gevent": 50}
# workload -> (task name, arguments, how many tasks to send at once)
FULL = {"io": ("tasks.io_task", [0.2], 100), "cpu": ("tasks.cpu_task", [300_000], 8)}
QUICK = {"io": ("tasks.io_task", [0.1], 20), "cpu": ("tasks.cpu_task", [150_000], 4)}

# The benchmark's own client; broker and backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
client = Celery("benchmark")
client.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


def node(pool):
    return f"bench-{pool}@{socket.gethostname()}"


@contextmanager
def start_workers(pools=POOLS, timeout=60):
    """Given: starts one worker per pool, each consuming the queue bench.<pool>, waits until all
    answer a ping, and stops them when the with-block ends."""
    here = os.path.dirname(os.path.abspath(__file__))
    processes = []
    try:
        for pool, concurrency in pools.items():
            command = [sys.executable, "-m", "celery", "-A", "tasks", "worker", "-P", pool, "-c", str(concurrency),
                       "-Q", f"bench.{pool}", "-n", f"bench-{pool}@%h", "--without-gossip", "--without-mingle",
                       "--loglevel=WARNING"]
            processes.append(subprocess.Popen(command, cwd=here, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        waiting = {node(pool) for pool in pools}
        deadline = time.monotonic() + timeout
        while waiting and time.monotonic() < deadline:
            for reply in client.control.ping(timeout=0.5):
                waiting -= set(reply)
        if waiting:
            raise RuntimeError(f"workers not ready after {timeout} s: {sorted(waiting)}")
        yield
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_all(results, timeout=120):
    """Given: waits until every result is ready by polling its state, and returns their values.

    Polling (one GET per result) rather than result.get(): with a green-pool worker, Celery 5.2's
    pub/sub result consumer sometimes notices a burst of results a second or more late, which would
    distort your timings.
    """
    deadline = time.monotonic() + timeout
    while not all(result.ready() for result in results):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{sum(not r.ready() for r in results)} of {len(results)} tasks not done after {timeout} s")
        time.sleep(0.005)
    return [result.get(timeout=1) for result in results]


def measure(pool, task, args, count):
    """Send `count` tasks to the queue bench.<pool> at once and time until the last result is back.

    Returns {"tasks": count, "seconds": elapsed, "per_second": count / elapsed}.
    """
    # TODO 3: client.send_task(task, args=args, queue=f"bench.{pool}") `count` times, then wait_all(results);
    #         time it with time.perf_counter().
    raise NotImplementedError("measure")


def run(workloads):
    """Start the workers, warm each pool up with one task, and measure every workload on every pool."""
    # TODO 4: with start_workers(): ... return {"io": {"solo": measure(...), ...}, "cpu": {...}}
    raise NotImplementedError("run")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run (seconds, not minutes)")
    parser.add_argument("--json", action="store_true", help="print only the JSON report")
    options = parser.parse_args()
    report = run(QUICK if options.quick else FULL)
    if options.json:
        print(json.dumps(report))
        return
    print(f"{'workload':<9}{'pool':<9}{'tasks':>6}{'seconds':>10}{'tasks/s':>10}")
    for workload, pools in report.items():
        for pool, row in pools.items():
            print(f"{workload:<9}{pool:<9}{row['tasks']:>6}{row['seconds']:>10.3f}{row['per_second']:>10.1f}")


if __name__ == "__main__":
    main()
