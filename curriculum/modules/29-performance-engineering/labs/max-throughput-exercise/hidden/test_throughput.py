"""Hidden tests for module 29's throughput exercise. The learner's tasks.py runs as the lab's worker
(queue "throughput", two processes). The yardstick is the grader's: hidden/yardstick.py (the starter's
baseline.py under other task names), run by a worker this test starts from the hidden folder, so the
learner's baseline.py plays no part. While the yardstick is timed every process of the learner's user is
paused (SIGSTOP), so nothing of theirs can load the machine or the yardstick's queue; then it is resumed
and the learner's worker is timed alone. The workload is drawn from COURSEBOT_SEED per run (how many
items, which values), so no precomputed total fits, and a Redis counter per run id says when every item
was scored and whether correctly."""
import os
import random
import signal
import subprocess
import sys
import time
import uuid

import pytest
import redis
from coursebot_lab import app, send, wait_until

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
rng = random.Random(SEED)
broker = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
results = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"])
HIDDEN = os.path.dirname(os.path.abspath(__file__))
LEARNER_UIDS = range(1_000_000_000, 2_000_000_000)  # the grader's per-lab learner users


def workload():
    items = [rng.randrange(1_000_000) for _ in range(rng.randint(1800, 2400))]
    return items, sum(sum(i * i for i in range(item % 100)) for item in items)


def run_workload(task, queue, items, expected, timeout=40):
    """Sends task(run, items); returns the seconds until every item was scored."""
    run = uuid.uuid4().hex
    started = time.monotonic()
    send(task, run, items, queue=queue)
    progress = {"total": -1, "changed": started}

    def finished_or_stalled():
        total = int(broker.get(f"throughput-lab:{run}") or 0)
        now = time.monotonic()
        if total != progress["total"]:
            progress.update(total=total, changed=now)
        # No progress for 5 s once scores arrive (15 s before the first): the total will not add up.
        return total >= expected or now - progress["changed"] > (5 if total else 15)

    wait_until(finished_or_stalled, timeout=timeout, interval=0.01)
    elapsed = time.monotonic() - started
    total = int(broker.get(f"throughput-lab:{run}") or 0)
    done = total >= expected
    assert done and total == expected, (
        f"{task}: the scores of {len(items)} items add up to {total} after {elapsed:.1f} s, expected {expected} (seed {SEED})")
    return elapsed


def learner_worker():
    replies = app.control.ping(timeout=1)
    names = [name for reply in replies for name in reply if name.startswith("learner@")]
    assert names, f"the learner's worker does not answer ping (answered: {replies})"
    return names[0]


def executed(worker):
    stats = app.control.inspect(destination=[worker], timeout=2).stats() or {}
    return sum((stats.get(worker) or {}).get("total", {}).values())


def learner_pids():
    if os.geteuid() != 0:
        return []  # a local run without the user switch: nothing to tell apart
    pids = []
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and os.stat(f"/proc/{entry}").st_uid in LEARNER_UIDS:
                pids.append(int(entry))
        except OSError:
            pass
    return pids


def signal_learner(signum):
    for _ in range(3):  # a process forked while we looked is caught by the next look
        for pid in learner_pids():
            try:
                os.kill(pid, signum)
            except OSError:
                pass


def time_yardstick(items, expected):
    queue = f"yardstick-{uuid.uuid4().hex}"
    env = {"PATH": "/usr/bin:/bin", "HOME": HIDDEN, "CELERY_BROKER_URL": os.environ["COURSEBOT_BROKER_URL"],
           "CELERY_RESULT_BACKEND": os.environ["COURSEBOT_BACKEND_URL"], "YARDSTICK_QUEUE": queue}
    name = f"yardstick-{uuid.uuid4().hex[:8]}@%h"
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "yardstick", "worker", "-Q", queue, "-c", "2",
                               "-P", "prefork", "-n", name, "--loglevel=WARNING", "--without-gossip", "--without-mingle"],
                              cwd=HIDDEN, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ready = wait_until(lambda: app.control.ping(destination=[name.replace("%h", os.uname().nodename)], timeout=0.5),
                           timeout=30, interval=0.1)
        assert ready, "the grader's yardstick worker did not start: tell your instructor"
        return min(run_workload("yardstick.process", queue, items, expected) for _ in range(2))
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()


@pytest.fixture(scope="module")
def timings():
    items, expected = workload()
    signal_learner(signal.SIGSTOP)
    try:
        baseline = time_yardstick(items, expected)
    finally:
        signal_learner(signal.SIGCONT)
    learner = min(run_workload("throughput.process", "throughput", items, expected) for _ in range(2))
    return len(items), baseline, learner


def test_the_workload_is_processed_completely():
    run_workload("throughput.process", "throughput", *workload())


def test_the_work_runs_as_a_few_parallel_batches():
    worker = learner_worker()
    before = executed(worker)
    items, expected = workload()
    run_workload("throughput.process", "throughput", items, expected)
    time.sleep(0.3)
    tasks = executed(worker) - before
    most = len(items) // 10 + 1
    assert tasks <= most, f"{len(items)} items took {tasks} tasks (at most {most}): send fewer, larger messages (batches of items)"
    assert tasks >= 3, f"{len(items)} items took {tasks} task(s): split the work into batches so both processes share it"


def test_results_nobody_reads_are_not_stored():
    before = results.dbsize()
    run_workload("throughput.process", "throughput", *workload())
    time.sleep(0.3)
    added = results.dbsize() - before
    assert added <= 2, f"the workload added {added} results to the result store, though nobody reads them"


def test_at_least_three_times_the_baseline_throughput(timings):
    count, baseline, learner = timings
    print(f"baseline {count / baseline:.0f} items/s, yours {count / learner:.0f} items/s")
    assert baseline / learner >= 3, (
        f"{count} items took {learner:.2f} s here and {baseline:.2f} s with the grader's baseline: "
        f"{baseline / learner:.1f} times as fast, at least 3 needed (seed {SEED})"
    )
