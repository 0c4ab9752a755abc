"""Alternative correct harness (module 29 profile lab): sends each slice as a group through send_task
by name, reads the group's results with GroupResult.get, forgets them, and takes percentiles with
statistics.quantiles; the clock is perf_counter."""
import argparse
import json
import statistics
import time

from celery import group


def summary_of(values):
    if not values:
        return {"p50": 0.0, "p95": 0.0, "max": 0.0}
    if len(values) == 1:
        return {"p50": values[0], "p95": values[0], "max": values[0]}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    top = max(values)
    return {"p50": min(cuts[49], top), "p95": min(cuts[94], top), "max": top}


def profile(count, slice_size=5000):
    from tasks import work

    queue_wait, runtime = [], []
    publish_time = 0.0
    done = 0
    first_publish = time.perf_counter()
    for low in range(0, count, slice_size):
        high = min(count, low + slice_size)
        before = time.perf_counter()
        sent = group(work.si(n, time.time()) for n in range(low, high)).apply_async()
        publish_time += time.perf_counter() - before
        for reply in sent.get(timeout=600, propagate=True):
            queue_wait.append(1000.0 * (reply["started"] - reply["sent"]))
            runtime.append(1000.0 * (reply["finished"] - reply["started"]))
            done += 1
        sent.forget()
    wall = time.perf_counter() - first_publish
    return {
        "tasks": count,
        "completed": done,
        "wall_seconds": wall,
        "publish_per_second": count / publish_time if publish_time > 0 else 0.0,
        "throughput_per_second": done / wall if wall > 0 else 0.0,
        "queue_wait_ms": summary_of(queue_wait),
        "runtime_ms": summary_of(runtime),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Profiles N tasks.work tasks end to end")
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--out", default="profile.json")
    options = parser.parse_args()
    result = profile(options.tasks)
    with open(options.out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2)
    print(json.dumps(result, indent=2))
