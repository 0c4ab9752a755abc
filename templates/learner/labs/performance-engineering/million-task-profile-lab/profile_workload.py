"""Profiles a workload of N tasks.work tasks end to end (module 29 lab). See README.md in this folder.

    python3 profile_workload.py --tasks 1000000 --out profile-1m.json

writes a JSON summary:
    {"tasks": N, "completed": N, "wall_seconds": ..., "publish_per_second": ..., "throughput_per_second": ...,
     "queue_wait_ms": {"p50": ..., "p95": ..., "max": ...}, "runtime_ms": {"p50": ..., "p95": ..., "max": ...}}
"""
import argparse
import json
import time


def percentiles(values):
    """{"p50": ..., "p95": ..., "max": ...} of a list of numbers."""
    # TODO 1
    raise NotImplementedError


def profile(count):
    """Sends `count` tasks.work tasks, waits for all of them, and returns the summary dict."""
    from tasks import work

    # TODO 2: publish every task (work.apply_async((i, time.time()))), timing the publishing;
    # TODO 3: wait for every result, timing the whole run (wall_seconds: first publish to last result);
    # TODO 4: queue wait = started - sent, runtime = finished - started (in milliseconds), per task.
    raise NotImplementedError


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--out", default="profile.json")
    args = parser.parse_args(argv)
    summary = profile(args.tasks)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=2)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
