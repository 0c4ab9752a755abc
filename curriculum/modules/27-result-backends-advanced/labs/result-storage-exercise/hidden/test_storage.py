"""Hidden tests for module 27's result storage exercise: a workload (inputs drawn from COURSEBOT_SEED)
is sent by name, then the result store (the Redis database of the result backend) is inspected key by
key."""
import json
import os
import random
import uuid

import redis
from coursebot_lab import call, send, wait_until

results = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"], decode_responses=True)
broker = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
rng = random.Random(SEED)


def meta_key(task_id):
    return f"celery-task-meta-{task_id}"


def test_fire_and_forget_events_leave_nothing_in_the_result_store():
    marker = uuid.uuid4().hex
    sent = [send("tasks.record_event", {"type": "login", "marker": marker, "n": i}) for i in range(20)]
    recorded = wait_until(lambda: sum(marker in e for e in broker.lrange("storage-lab:events", -200, -1)) >= 20, timeout=10)
    assert recorded, "the 20 events were not all recorded in storage-lab:events"
    call("tasks.compute", 1)  # the worker has finished the events before this one
    left = [r.id for r in sent if results.exists(meta_key(r.id))]
    assert not left, f"{len(left)} of 20 record_event results were stored, though nobody reads them (ignore_result)"


def test_a_failing_event_is_still_stored():
    failed = send("tasks.record_event", "not an event")
    raw = wait_until(lambda: results.get(meta_key(failed.id)), timeout=8)
    assert raw, "a failing record_event left no trace: store failures even of tasks whose results are ignored"
    assert json.loads(raw)["status"] == "FAILURE"


def test_computed_results_can_still_be_read():
    x = rng.randint(2, 10_000)
    assert call("tasks.compute", x) == x * x + 1, f"compute({x}) should return {x * x + 1} (seed {SEED})"


def test_stored_results_expire_within_an_hour():
    done = send("tasks.compute", 3)
    assert done.get(timeout=10) == 10
    ttl = results.ttl(meta_key(done.id))
    assert 0 < ttl <= 3600, f"the result's time to live is {ttl} s (-1 means never): set result_expires to an hour or less"


def test_stored_results_do_not_repeat_the_arguments():
    done = send("tasks.compute", 5)
    done.get(timeout=10)
    meta = json.loads(results.get(meta_key(done.id)))
    extra = sorted({"args", "kwargs", "name", "worker", "queue"} & set(meta))
    assert not extra, f"each result also stores {extra}: turn result_extended off"


def test_a_large_report_is_stored_by_reference():
    count = rng.randint(1500, 3000)
    report = send("tasks.build_report", count)
    value = report.get(timeout=10)
    size = len(results.get(meta_key(report.id)) or "")
    assert size < 1000, f"the stored result of build_report({count}) is {size} bytes: store the report elsewhere and return a reference"
    assert isinstance(value, dict) and value.get("rows") == count, (
        f"build_report should return {{'report_key': ..., 'rows': {count}}}, got {str(value)[:200]}")
    key = value.get("report_key")
    assert key == f"storage-lab:report:{report.id}"
    rows = json.loads(broker.get(key) or "[]")
    row = rng.randrange(count)
    assert len(rows) == count and rows[row] == {"row": row, "customer": f"customer-{row}", "total": row * 3.5}, (
        f"the stored report should hold {count} rows, row {row} being {{'row': {row}, 'customer': 'customer-{row}', 'total': {row * 3.5}}}")
    assert 0 < broker.ttl(key) <= 3600, "the report should expire within an hour, like the results"
