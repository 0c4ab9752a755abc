"""Hidden tests for module 26's broker configuration exercise. Two workers consume from Redis with
the learner's settings: interactive (queue celery, two prefork processes) and batch (queue batch,
one process). Long jobs are started by tasks.start_batch inside the worker, so the learner's own
routing decides where they go. What happened is observed by the grader, never read from the records
tasks.py writes (the learner could change those): which worker runs a job comes from inspect
active(), how long short tasks take from this test's own clock, and whether a killed job runs again
from its task id (active again under the same id, and its result a success). Counts and durations are
drawn from COURSEBOT_SEED."""
import os
import random
import signal
import time
import uuid

import redis
from coursebot_lab import app, call, send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
rng = random.Random(SEED)


def worker_named(prefix):
    replies = app.control.ping(timeout=1)
    names = [name for reply in replies for name in reply if name.startswith(prefix)]
    assert names, f"no {prefix}... worker answered ping ({replies})"
    return names[0]


def conf_of(worker):
    return (app.control.inspect(destination=[worker], timeout=1).conf() or {}).get(worker) or {}


def active_tasks(task_name):
    """[(worker, task)] for every running task of that name."""
    return [(worker, task) for worker, tasks in (app.control.inspect(timeout=0.5).active() or {}).items()
            for task in tasks if task.get("name") == task_name]


def test_long_jobs_run_on_the_batch_worker_and_leave_short_tasks_alone():
    prefix = "job-" + uuid.uuid4().hex[:8]
    count, seconds = 2, round(rng.uniform(2.5, 3.5), 1)
    call("tasks.start_batch", prefix, count, seconds)
    running = wait_until(lambda: active_tasks("tasks.long_job"), timeout=5)
    assert running, "the long jobs never started"
    hosts = {worker for worker, _ in running}
    assert all(h.startswith("batch@") for h in hosts), f"the long jobs run on {sorted(hosts)}: route tasks.long_job to the batch queue"
    shorts = rng.randint(8, 16)
    sent = time.monotonic()
    quick = [send("tasks.quick", n) for n in range(shorts)]
    done = wait_until(lambda: all(r.ready() for r in quick), timeout=10, interval=0.05)
    took = time.monotonic() - sent
    assert done and took <= 2.0, (
        f"{shorts} short tasks sent while long jobs ran took {took:.1f} s (at most 2 s): keep long jobs off the interactive workers")
    assert [r.get(timeout=1)[0] for r in quick] == list(range(shorts))


def test_a_burst_of_short_tasks_is_processed_quickly():
    started = time.monotonic()
    pending = [send("tasks.quick", n) for n in range(300)]
    finished = wait_until(lambda: all(r.ready() for r in pending), timeout=10, interval=0.25)
    elapsed = time.monotonic() - started
    done = sum(r.ready() for r in pending)
    assert finished, f"only {done} of 300 short tasks finished in {elapsed:.0f} s: do interactive workers still prefetch?"
    assert [r.get(timeout=1)[0] for r in pending] == list(range(300))


def test_the_batch_worker_reserves_one_job_at_a_time():
    batch, interactive = worker_named("batch@"), worker_named("interactive@")
    assert conf_of(batch).get("worker_prefetch_multiplier") == 1, "the batch worker's worker_prefetch_multiplier should be 1"
    assert conf_of(interactive).get("worker_prefetch_multiplier", 4) >= 4, "interactive workers should keep prefetching (4 or more)"


def test_a_job_survives_its_worker_process_being_killed():
    prefix = "job-" + uuid.uuid4().hex[:8]
    (job,) = call("tasks.start_batch", prefix, 1, round(rng.uniform(1.5, 2.5), 1))
    # Jobs of the earlier test may still be running: find this one by its argument.
    running = wait_until(lambda: [(w, t) for w, t in active_tasks("tasks.long_job") if job in str(t.get("args"))], timeout=15)
    assert running, "the job never started"
    worker, task = running[0]
    os.kill(task["worker_pid"], signal.SIGKILL)  # what the OOM killer does
    again = wait_until(lambda: [t for _, t in active_tasks("tasks.long_job")
                                if t["id"] == task["id"] and t["worker_pid"] != task["worker_pid"]], timeout=10, interval=0.2)
    outcome = app.AsyncResult(task["id"])
    assert again, (
        f"the job was lost when its process was killed on {worker}: it never ran again (its result: {outcome.state}); "
        "acknowledge late and give the message back when the process dies")
    assert wait_until(lambda: outcome.state == "SUCCESS", timeout=10, interval=0.2), (
        f"the job ran again but did not finish: its state is {outcome.state}")


def test_redis_will_not_redeliver_jobs_scheduled_two_hours_ahead():
    for worker in (worker_named("batch@"), worker_named("interactive@")):
        options = conf_of(worker).get("broker_transport_options") or {}
        timeout = options.get("visibility_timeout") if isinstance(options, dict) else None
        assert isinstance(timeout, (int, float)) and timeout > 2 * 3600, (
            f"{worker}: visibility_timeout is {timeout!r} (default 3600 s); a message waiting unacknowledged "
            "longer than that is delivered again"
        )
    assert call("tasks.nightly_export", "2024-01-01") == "exported 2024-01-01"
