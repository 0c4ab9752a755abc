"""Wrong on purpose: sends no task at all and writes a summary that is consistent with itself."""
import argparse
import json


def profile(count):
    wall = count / 1500.0
    return {
        "tasks": count, "completed": count, "wall_seconds": wall,
        "publish_per_second": 4000.0, "throughput_per_second": count / wall,
        "queue_wait_ms": {"p50": 40.0, "p95": 180.0, "max": 260.0},
        "runtime_ms": {"p50": 0.4, "p95": 0.9, "max": 3.1},
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--out", default="profile.json")
    args = parser.parse_args(argv)
    summary = profile(args.tasks)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=2)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
