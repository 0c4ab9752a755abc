"""Reference solution: the benchmark harness (module 37 lab).

    python3 bench.py --tasks 20000            # publish, then wait until a running worker has started them all
    python3 bench.py --publish-only 2000      # publish to a throwaway queue, report, purge it
"""
import argparse
import time
import uuid

from throughput import app


def publish(count, queue):
    """Sends `count` noop tasks through one producer (one connection, one channel); returns seconds."""
    from throughput import noop

    start = time.perf_counter()
    with app.connection_for_write() as connection:
        producer = app.amqp.Producer(connection)
        for i in range(count):
            noop.apply_async(args=(i,), queue=queue, producer=producer)
    return time.perf_counter() - start


def started_total():
    replies = app.control.inspect(timeout=2, limit=1).stats() or {}
    return sum(sum(r.get("total", {}).values()) for r in replies.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--publish-only", type=int, metavar="N")
    args = parser.parse_args()

    if args.publish_only is not None:
        queue = "bench-" + uuid.uuid4().hex[:8]
        seconds = publish(args.publish_only, queue)
        print(f"published {args.publish_only} tasks in {seconds:.2f} s ({args.publish_only / seconds:.0f} tasks/s)")
        with app.connection_for_write() as connection:
            connection.default_channel.queue_purge(queue)
            connection.default_channel.queue_delete(queue)
        return

    before = started_total()
    start = time.monotonic()
    seconds = publish(args.tasks, app.conf.task_default_queue)
    print(f"published {args.tasks} tasks in {seconds:.2f} s ({args.tasks / seconds:.0f} tasks/s)")
    while started_total() - before < args.tasks:
        time.sleep(0.2)
    elapsed = time.monotonic() - start
    print(f"processed {args.tasks} tasks in {elapsed:.2f} s ({args.tasks / elapsed:.0f} tasks/s)")


if __name__ == "__main__":
    main()
