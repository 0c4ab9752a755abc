"""Hidden tests for module 26's broker configuration exercise. Two workers consume from Redis with
the learner's settings: interactive (queue celery, two prefork processes) and batch (queue batch,
one process). Long jobs are started by tasks.start_batch inside the worker, so the learner's own
routing decides where they go."""
import os
import signal
import time
import uuid

import redis
from coursebot_lab import app, call, send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)


def worker_named(prefix):
    replies = app.control.ping(timeout=1)
    names = [name for reply in replies for name in reply if name.startswith(prefix)]
    assert names, f"no {prefix}... worker answered ping ({replies})"
    return names[0]


def conf_of(worker):
    return (app.control.inspect(destination=[worker], timeout=1).conf() or {}).get(worker) or {}


def active_task(task_name):
    for worker, tasks in (app.control.inspect(timeout=0.5).active() or {}).items():
        for task in tasks:
            if task.get("name") == task_name:
                return worker, task
    return None


def test_long_jobs_run_on_the_batch_worker_and_leave_short_tasks_alone():
    prefix = "job-" + uuid.uuid4().hex[:8]
    jobs = call("tasks.start_batch", prefix, 2, 2.0)
    time.sleep(0.3)
    sent = time.time()
    quick = [send("tasks.quick", n) for n in range(12)]
    late = [round(r.get(timeout=10)[1] - sent, 1) for r in quick]
    late = [t for t in late if t > 1.5]
    assert wait_until(lambda: all(store.hget("broker-lab:ran-on", j) for j in jobs), timeout=8), "the long jobs never started"
    hosts = {store.hget("broker-lab:ran-on", j) for j in jobs}
    assert all(h.startswith("batch@") for h in hosts), f"the long jobs ran on {hosts}: route tasks.long_job to the batch queue"
    assert not late, f"{len(late)} of 12 short tasks waited {late} s behind long jobs"


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
    (job,) = call("tasks.start_batch", prefix, 1, 1.5)
    running = wait_until(lambda: active_task("tasks.long_job"), timeout=5)
    assert running, "the job never started"
    worker, task = running
    os.kill(task["worker_pid"], signal.SIGKILL)  # what the OOM killer does
    finished = wait_until(lambda: store.sismember("broker-lab:done", job), timeout=15, interval=0.2)
    attempts = store.get(f"broker-lab:attempts:{job}")
    assert finished, f"the job was lost when its process was killed on {worker} (attempts: {attempts}); it should run again"
    assert int(attempts) >= 2


def test_redis_will_not_redeliver_jobs_scheduled_two_hours_ahead():
    for worker in (worker_named("batch@"), worker_named("interactive@")):
        options = conf_of(worker).get("broker_transport_options") or {}
        timeout = options.get("visibility_timeout") if isinstance(options, dict) else None
        assert isinstance(timeout, (int, float)) and timeout > 2 * 3600, (
            f"{worker}: visibility_timeout is {timeout!r} (default 3600 s); a message waiting unacknowledged "
            "longer than that is delivered again"
        )
    assert call("tasks.nightly_export", "2024-01-01") == "exported 2024-01-01"
