"""Wrong on purpose: reads every result but never forgets it, so a million results pile up in the backend.

    python3 profile_workload.py --tasks 1000000 --out profile-1m.json
"""
import argparse
import json
import math
import time

from celery.result import ResultSet


def percentiles(values):
    ordered = sorted(values)
    if not ordered:
        return {"p50": 0.0, "p95": 0.0, "max": 0.0}

    def at(fraction):
        return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]

    return {"p50": at(0.50), "p95": at(0.95), "max": ordered[-1]}


def profile(count, batch=10_000):
    from tasks import app, work

    started = time.monotonic()
    publishing = 0.0
    waits, runtimes = [], []
    completed = 0
    # Publish and collect in batches, so a million results never sit in memory at once.
    for first in range(0, count, batch):
        t = time.monotonic()
        with app.producer_or_acquire() as producer:
            pending = [work.apply_async((i, time.time()), producer=producer) for i in range(first, min(count, first + batch))]
        publishing += time.monotonic() - t
        for value in ResultSet(pending).join_native(timeout=600):
            waits.append((value["started"] - value["sent"]) * 1000)
            runtimes.append((value["finished"] - value["started"]) * 1000)
            completed += 1
    wall = time.monotonic() - started
    return {
        "tasks": count,
        "completed": completed,
        "wall_seconds": wall,
        "publish_per_second": count / publishing if publishing else 0.0,
        "throughput_per_second": completed / wall if wall else 0.0,
        "queue_wait_ms": percentiles(waits),
        "runtime_ms": percentiles(runtimes),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Profiles a workload of N tasks.work tasks end to end")
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--out", default="profile.json")
    args = parser.parse_args(argv)
    summary = profile(args.tasks)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=2)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
