"""Hidden tests, module 18 dashboard lab: the event consumer's snapshot in Redis.

Runs first, so the worker's event State holds exactly what is sent here: a workload of random size
(seeded: COURSEBOT_SEED), and events that only an event consumer can know about: a probe worker's
heartbeats and a probe task type's received/started/succeeded/failed events, sent straight to the
event exchange. No task of that type exists in the learner's worker, so a snapshot built from
anything but the event stream (signals, the metrics keys, a hard-coded worker) cannot show them.
"""
import json
import os
import random
import socket
import time
import uuid

import pytest
import redis

from coursebot_lab import app, send, wait_until

SNAPSHOT_KEY = "dashboard:snapshot"
store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
STARTED = time.time()
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)

ADDS = RANDOM.randint(2, 5)
FAILS = RANDOM.randint(1, 3)
SLEEP = round(RANDOM.uniform(0.2, 0.5), 2)
PROBE_WORKER = f"probe-{RANDOM.randrange(10**6)}@{socket.gethostname()}"
PROBE_TASK = f"probe.report_{RANDOM.randrange(10**6)}"
PROBE_OK, PROBE_FAILED, PROBE_PENDING = RANDOM.randint(1, 3), RANDOM.randint(1, 2), RANDOM.randint(1, 2)
PROBE_RUNTIME = round(RANDOM.uniform(5, 9), 3)
SUCCESS = ADDS + 1 + PROBE_OK  # adds, one sleepy, the probe's successes
FAILURE = FAILS + PROBE_FAILED
WORKLOAD = (f"seed {SEED}: {ADDS} tasks.add, 1 tasks.sleepy({SLEEP}), {FAILS} tasks.fail, and events for {PROBE_OK} "
            f"{PROBE_TASK} succeeded, {PROBE_FAILED} failed, {PROBE_PENDING} received only")


def read_snapshot():
    raw = store.get(SNAPSHOT_KEY)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def fresh_snapshot():
    data = read_snapshot()
    return data if isinstance(data, dict) and isinstance(data.get("updated"), (int, float)) and data["updated"] >= STARTED - 1 else None


def settled(data):
    tasks = data.get("tasks") or {}
    return tasks.get("SUCCESS", 0) >= SUCCESS and tasks.get("FAILURE", 0) >= FAILURE


def send_probe_events():
    """Events as a worker would send them, for a worker and a task type that do not exist."""
    with app.events.default_dispatcher(hostname=PROBE_WORKER) as dispatcher:
        dispatcher.send("worker-online", freq=30.0, active=0, processed=0, sw_ident="probe", sw_ver="1", sw_sys="Linux")
        dispatcher.send("worker-heartbeat", freq=30.0, active=0, processed=PROBE_OK + PROBE_FAILED)
        # Received-only first: once the snapshot shows the finished ones, it has seen these too.
        for outcome, count in (("pending", PROBE_PENDING), ("failed", PROBE_FAILED), ("succeeded", PROBE_OK)):
            for _ in range(count):
                task_id = str(uuid.uuid4())
                dispatcher.send("task-received", uuid=task_id, name=PROBE_TASK, args="()", kwargs="{}", retries=0,
                                eta=None, root_id=task_id, parent_id=None)
                if outcome == "pending":
                    continue
                dispatcher.send("task-started", uuid=task_id)
                if outcome == "succeeded":
                    dispatcher.send("task-succeeded", uuid=task_id, result="'ok'", runtime=PROBE_RUNTIME)
                else:
                    dispatcher.send("task-failed", uuid=task_id, exception="RuntimeError('probe')", traceback="")


@pytest.fixture(scope="module")
def snapshot():
    """Waits for the consumer, sends the workload and the probe events, and returns the snapshot once it shows them."""
    if wait_until(fresh_snapshot, timeout=6) is None:
        return None
    results = [send("tasks.add", i, i) for i in range(ADDS)] + [send("tasks.sleepy", SLEEP)]
    results += [send("tasks.fail", f"boom {i}") for i in range(FAILS)]
    send_probe_events()
    for result in results:
        result.get(timeout=10, propagate=False)
    return wait_until(lambda: (lambda d: d if d and settled(d) else None)(fresh_snapshot()), timeout=6) or fresh_snapshot()


def need(snapshot):
    assert snapshot is not None, (
        f"no fresh JSON snapshot at the Redis key {SNAPSHOT_KEY!r} within 6 s of the worker starting: "
        "is your event consumer started from install(app), and does it write at least every 0.5 s?")
    return snapshot


def test_the_consumer_publishes_a_fresh_snapshot_every_half_second(snapshot):
    first = need(snapshot)["updated"]
    later = wait_until(lambda: (lambda d: d if d and d["updated"] > first else None)(fresh_snapshot()), timeout=3)
    assert later is not None, "the snapshot was not rewritten within 3 s; publish it at least every PUBLISH_EVERY seconds"


def test_the_snapshot_lists_the_live_worker(snapshot):
    workers = need(snapshot).get("workers") or {}
    ours = {name: info for name, info in workers.items() if name.startswith("learner@")}
    assert ours, f"no worker named learner@... in snapshot['workers'] (found {sorted(workers)})"
    assert all(info.get("alive") is True for info in ours.values()), f"the worker is running but not shown alive: {ours}"


def test_workers_come_from_the_event_stream(snapshot):
    workers = need(snapshot).get("workers") or {}
    probe = workers.get(PROBE_WORKER)
    assert isinstance(probe, dict) and probe.get("alive") is True, (
        f"a worker {PROBE_WORKER} sent worker-online and worker-heartbeat events, but snapshot['workers'] shows "
        f"{probe!r} for it: list state.workers from the events, with their alive flag (seed {SEED})")
    with app.events.default_dispatcher(hostname=PROBE_WORKER) as dispatcher:
        dispatcher.send("worker-offline")
    gone = wait_until(lambda: (lambda d: d if d and (d.get("workers") or {}).get(PROBE_WORKER, {}).get("alive") is not True
                               else None)(fresh_snapshot()), timeout=3)
    assert gone is not None, f"{PROBE_WORKER} sent worker-offline but is still shown alive 3 s later (seed {SEED})"


def test_the_snapshot_counts_tasks_by_state(snapshot):
    tasks = need(snapshot).get("tasks") or {}
    assert tasks.get("SUCCESS") == SUCCESS and tasks.get("FAILURE") == FAILURE and tasks.get("RECEIVED") == PROBE_PENDING, (
        f"{WORKLOAD}: expected SUCCESS {SUCCESS}, FAILURE {FAILURE}, RECEIVED {PROBE_PENDING}; snapshot['tasks'] is {tasks}")


def test_the_snapshot_reports_the_failure_rate(snapshot):
    rate = need(snapshot).get("failure_rate")
    expected = FAILURE / (SUCCESS + FAILURE)
    assert isinstance(rate, (int, float)) and abs(rate - expected) < 0.001, (
        f"{WORKLOAD}: {FAILURE} of {SUCCESS + FAILURE} finished tasks failed, so {expected:.3f} expected; got {rate!r}")


def test_the_snapshot_breaks_tasks_down_by_type(snapshot):
    types = need(snapshot).get("task_types") or {}
    expected = {"tasks.add": (ADDS, 0), "tasks.fail": (0, FAILS), PROBE_TASK: (PROBE_OK, PROBE_FAILED)}
    for name, counts in expected.items():
        entry = types.get(name) or {}
        assert (entry.get("succeeded"), entry.get("failed")) == counts, (
            f"{WORKLOAD}: task_types[{name!r}] should count {counts[0]} succeeded and {counts[1]} failed; got {entry}")


def test_the_snapshot_shows_the_average_run_time_per_type(snapshot):
    types = need(snapshot).get("task_types") or {}
    sleepy = (types.get("tasks.sleepy") or {}).get("avg_runtime")
    assert isinstance(sleepy, (int, float)) and SLEEP - 0.05 <= sleepy < SLEEP + 2.5, (
        f"tasks.sleepy({SLEEP}) ran about {SLEEP} s; task_types['tasks.sleepy']['avg_runtime'] is {sleepy!r} (seed {SEED})")
    probe = (types.get(PROBE_TASK) or {}).get("avg_runtime")
    assert isinstance(probe, (int, float)) and abs(probe - PROBE_RUNTIME) < 0.001, (
        f"the task-succeeded events of {PROBE_TASK} said runtime={PROBE_RUNTIME}; its avg_runtime is {probe!r} (seed {SEED})")
