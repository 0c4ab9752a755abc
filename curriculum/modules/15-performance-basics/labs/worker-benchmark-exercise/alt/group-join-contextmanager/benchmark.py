"""Worker benchmark (module 15 exercise), written another way: a context manager owns each worker,
each batch goes out as one Celery group and is collected with GroupResult.join()."""
import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from celery import group

from bench_tasks import app

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Config:
    name: str
    pool: str
    concurrency: int


CONFIGS = [
    {"name": "solo-1", "pool": "solo", "concurrency": 1},
    {"name": "prefork-2", "pool": "prefork", "concurrency": 2},
    {"name": "threads-8", "pool": "threads", "concurrency": 8},
]


@contextmanager
def worker(config, queue, ready_within=45):
    """A worker for this configuration, consuming only `queue`; always stopped on the way out."""
    node = f"wb-{queue}@{socket.gethostname()}"
    argv = [sys.executable, "-m", "celery", "-A", "bench_tasks", "worker", f"--pool={config.pool}",
            f"--concurrency={config.concurrency}", f"--queues={queue}", f"--hostname={node}",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=ERROR"]
    process = subprocess.Popen(argv, cwd=HERE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        give_up = time.monotonic() + ready_within
        while not app.control.inspect(destination=[node], timeout=0.3).ping():
            if process.poll() is not None or time.monotonic() > give_up:
                raise RuntimeError(f"worker {node} did not come up (exit code {process.poll()})")
        yield node
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def measure(task_name, args, count, queue):
    batch = group(app.signature(task_name, args=tuple(args), queue=queue) for _ in range(count))
    t0 = time.monotonic()
    sent = batch.apply_async()
    sent.join(timeout=120)
    elapsed = time.monotonic() - t0
    return {"tasks": count, "seconds": elapsed, "throughput": count / elapsed}


def run_benchmark(configs, count, seconds):
    table = []
    for config in map(lambda c: Config(c["name"], c["pool"], int(c["concurrency"])), configs):
        with worker(config, f"bench-{config.name}") as _:
            numbers = measure("bench_tasks.io_bound", (seconds,), count, f"bench-{config.name}")
        table.append({**asdict(config), **numbers})
    return table


def main():
    table = run_benchmark(CONFIGS, 16, 0.1)
    print(f"{'config':<10} {'tasks':>5} {'seconds':>8} {'tasks/s':>8}")
    for row in table:
        print(f"{row['name']:<10} {row['tasks']:>5} {row['seconds']:>8.2f} {row['throughput']:>8.1f}")
    winner = sorted(table, key=lambda row: row["throughput"], reverse=True)[0]
    print(f"fastest: {winner['name']}")
    Path(HERE, "results.json").write_text(json.dumps(table, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
