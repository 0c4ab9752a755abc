"""Benchmark Celery's pools on an I/O-bound and a CPU-bound workload (module 20 lab), another way."""
import argparse
import json
import os
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass

from celery import Celery, group


@dataclass(frozen=True)
class Pool:
    name: str
    concurrency: int

    @property
    def queue(self):
        return f"bench.{self.name}"


@dataclass(frozen=True)
class Workload:
    name: str
    task: str
    args: tuple
    count: int


POOLS = (Pool("solo", 1), Pool("prefork", 2), Pool("threads", 20), Pool("gevent", 100))
FULL = (Workload("io", "tasks.io_task", (0.25,), 80), Workload("cpu", "tasks.cpu_task", (250_000,), 6))
QUICK = (Workload("io", "tasks.io_task", (0.1,), 16), Workload("cpu", "tasks.cpu_task", (120_000,), 4))

bench = Celery("bench-driver")
bench.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
HERE = os.path.dirname(os.path.abspath(__file__))


class Workers:
    """One worker process per pool, stopped when the with-block ends."""

    def __init__(self, pools):
        self.pools = pools
        self.processes = []

    def __enter__(self):
        for pool in self.pools:
            argv = [sys.executable, "-m", "celery", "-A", "tasks", "worker", "-P", pool.name, "-c", str(pool.concurrency),
                    "-Q", pool.queue, "-n", f"driver-{pool.name}@%h", "--without-gossip", "--without-mingle",
                    "--without-heartbeat", "--loglevel=ERROR"]
            self.processes.append(subprocess.Popen(argv, cwd=HERE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        # Ready when each queue has answered one no-op task.
        for pool in self.pools:
            collect([bench.send_task("tasks.io_task", args=(0,), queue=pool.queue)], limit=90)
        return self

    def __exit__(self, *exc):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        return False


def collect(results, limit=120):
    """Polls each result's state (not .get(), whose pub/sub consumer can lag behind a green pool)."""
    give_up = time.monotonic() + limit
    pending = list(results)
    while pending:
        pending = [r for r in pending if not r.ready()]
        if pending and time.monotonic() > give_up:
            raise TimeoutError(f"{len(pending)} tasks still running after {limit} s")
        time.sleep(0.005)
    return [r.result for r in results]


def time_batch(pool, workload):
    batch = group(bench.signature(workload.task, args=workload.args, queue=pool.queue) for _ in range(workload.count))
    t0 = time.monotonic()
    sent = batch.apply_async()
    collect(sent.results)
    elapsed = time.monotonic() - t0
    return {"tasks": workload.count, "seconds": round(elapsed, 4), "per_second": round(workload.count / elapsed, 2)}


def benchmark(workloads):
    with ExitStack() as stack:
        stack.enter_context(Workers(POOLS))
        return {w.name: {p.name: time_batch(p, w) for p in POOLS} for w in workloads}


def main():
    cli = argparse.ArgumentParser(description="Benchmark Celery's pools.")
    cli.add_argument("--quick", action="store_true")
    cli.add_argument("--json", action="store_true")
    flags = cli.parse_args()
    report = benchmark(QUICK if flags.quick else FULL)
    if flags.json:
        print(json.dumps(report))
        return
    for workload, rows in report.items():
        for pool, row in rows.items():
            print(f"{workload:<5} {pool:<8} {row['tasks']:>4} tasks {row['seconds']:>8.3f} s {row['per_second']:>8.1f}/s")


if __name__ == "__main__":
    main()
