"""Benchmark harness (module 37 lab). See README.md in this folder.

    python3 bench.py --tasks 20000            # publish, then wait until a running worker has started them all
    python3 bench.py --publish-only 2000      # publish to a throwaway queue, report, purge it
"""
import argparse

from throughput import app


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--publish-only", type=int, metavar="N")
    args = parser.parse_args()
    # TODO 5: publish the tasks through ONE producer, checked out once from the app's producer pool
    #         and passed to every send_task, and time it (see README.md).
    # TODO 6: --publish-only N: publish to a throwaway queue, print
    #         "published N tasks in X.XX s (Y tasks/s)", then purge and delete that queue.
    # TODO 7: otherwise publish to the default queue and wait until a running worker has started them
    #         all (the sum of inspect().stats()[worker]["total"] grows by N), then print tasks/s.
    raise SystemExit("bench.py is not written yet")


if __name__ == "__main__":
    main()
