"""Reference solution: module 20 benchmark lab, the benchmark driver."""
import argparse
import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

from celery import Celery

# pool -> concurrency: one process per core for prefork, many green threads for gevent.
POOLS = {"solo": 1, "prefork": 2, "threads": 10, "gevent": 50}
FULL = {"io": ("tasks.io_task", [0.2], 100), "cpu": ("tasks.cpu_task", [300_000], 8)}
QUICK = {"io": ("tasks.io_task", [0.1], 20), "cpu": ("tasks.cpu_task", [150_000], 4)}

client = Celery("benchmark")
client.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


def node(pool):
    return f"bench-{pool}@{socket.gethostname()}"


@contextmanager
def start_workers(pools=POOLS, timeout=60):
    """Starts one worker per pool, each on the queue bench.<pool>; stops them all afterwards."""
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
    """Sends `count` tasks to the pool's queue at once and times until the last result is back."""
    started = time.perf_counter()
    for _ in range(count):
        wait_all([client.send_task(task, args=args, queue=f"bench.{pool}")])
    seconds = time.perf_counter() - started
    return {"tasks": count, "seconds": round(seconds, 4), "per_second": round(count / seconds, 2)}


def run(workloads):
    report = {}
    with start_workers():
        for pool in POOLS:  # warm-up: connections open, children forked
            wait_all([client.send_task("tasks.io_task", args=[0], queue=f"bench.{pool}")])
        for workload, (task, args, count) in workloads.items():
            report[workload] = {pool: measure(pool, task, args, count) for pool in POOLS}
    return report


def main():
    parser = argparse.ArgumentParser(description="Benchmark Celery's pools on an I/O-bound and a CPU-bound workload.")
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
