"""Hidden tests, module 20 benchmark lab: the learner's two workloads on the course's four workers.

Workers (started by the grader from lab.yml): solo (-c 1), prefork (-c 2), threads (-c 10) and
gevent (-c 16), consuming bench.solo, bench.prefork, bench.threads and bench.gevent.
"""
import os
import random
import time

from coursebot_lab import call, send, wait_until

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))


def primes_below(n):
    """The grader's own count (a sieve), to check the learner's trial division against."""
    if n < 3:
        return 0
    sieve = bytearray([1]) * n
    sieve[0:2] = b"\x00\x00"
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(range(i * i, n, i)))
    return sum(sieve)


def collect(results, timeout=30):
    """Waits by polling each result's state (a GET per result) rather than .get(): with a green-pool
    worker, Celery 5.2's pub/sub result consumer sometimes notices a burst of results a second or more
    late, which would distort the timings."""
    assert wait_until(lambda: all(r.ready() for r in results), timeout=timeout, interval=0.005), "tasks did not finish in time"
    return [r.get(timeout=1) for r in results]


def timed(queue, task, args, count):
    started = time.perf_counter()
    results = [send(task, *args, queue=queue) for _ in range(count)]
    values = collect(results)
    return time.perf_counter() - started, values


def test_cpu_task_counts_the_primes_below_n():
    assert call("tasks.cpu_task", 100, queue="bench.solo") == 25
    assert call("tasks.cpu_task", 2, queue="bench.solo") == 0
    rng = random.Random(SEED)
    for n in (rng.randrange(3, 500), rng.randrange(5_000, 30_000)):
        got = call("tasks.cpu_task", n, queue="bench.solo")
        assert got == primes_below(n), f"cpu_task({n}) returned {got}, there are {primes_below(n)} primes below {n} (seed {SEED})"


def test_io_task_waits_for_its_delay_and_returns_it():
    seconds, values = timed("bench.solo", "tasks.io_task", [0.4], 1)
    assert values == [0.4], f"io_task(0.4) should return 0.4, got {values}"
    assert seconds >= 0.38, f"io_task(0.4) came back after {seconds:.2f} s: it must really wait, like a network call"


def test_io_tasks_overlap_on_the_gevent_pool():
    seconds, values = timed("bench.gevent", "tasks.io_task", [0.5], 20)
    assert values == [0.5] * 20
    assert seconds < 2.5, (
        f"20 io_task(0.5) on the gevent pool (-c 16) took {seconds:.2f} s; run one after another they take 10 s. "
        "Wait with something gevent can patch (time.sleep, sockets), not a busy loop")


def test_io_tasks_overlap_on_the_threads_pool():
    seconds, values = timed("bench.threads", "tasks.io_task", [0.5], 10)
    assert values == [0.5] * 10
    assert seconds < 2.5, f"10 io_task(0.5) on the threads pool (-c 10) took {seconds:.2f} s instead of about 0.5 s"


def test_a_cpu_bound_task_blocks_the_gevent_loop():
    # How long the CPU task takes on this machine, then: does it stall an I/O task sent right after it?
    n = 200_000
    alone, _ = timed("bench.solo", "tasks.cpu_task", [n], 1)
    started = time.perf_counter()
    cpu = send("tasks.cpu_task", n, queue="bench.gevent")
    io = send("tasks.io_task", 0.05, queue="bench.gevent")
    collect([io])
    io_done = time.perf_counter() - started
    collect([cpu])
    assert alone >= 0.05, f"cpu_task({n}) took only {alone:.3f} s: it should compute, by trial division, in pure Python"
    assert io_done >= 0.5 * alone, (
        f"an io_task(0.05) sent right after cpu_task({n}) (about {alone:.2f} s of CPU) finished after {io_done:.2f} s: "
        "a pure CPU task never yields, so on the gevent pool it should hold up every other task; does cpu_task sleep or wait?")
