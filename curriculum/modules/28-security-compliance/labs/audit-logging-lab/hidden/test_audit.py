"""Hidden tests for module 28's audit logging lab: tasks are sent by name (with a "principal" header, as
an authenticated front end would), succeed, fail, are revoked or name no task at all, and the
records the learner's signal handlers appended to the stream audit-lab:log are read back."""
import os
import time
import uuid

import redis
from coursebot_lab import app, call, send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
STREAM = "audit-lab:log"
START = f"{int(time.time() * 1000) - 5000}-0"


def records(task_id):
    return [fields for _, fields in store.xrange(STREAM, min=START) if fields.get("task_id") == task_id]


def events(task_id, until, timeout=3):
    wait_until(lambda: until in [r.get("event") for r in records(task_id)], timeout=timeout)
    found = records(task_id)
    assert until in [r.get("event") for r in found], f"no {until!r} record for task {task_id}; its records: {[r.get('event') for r in found]}"
    return found


def principal():
    return "user-" + uuid.uuid4().hex[:8] + "@example.com"


def test_a_successful_task_is_received_started_and_succeeded():
    who = principal()
    result = send("tasks.add", 2, 3, headers={"principal": who})
    assert result.get(timeout=10) == 5
    found = events(result.id, "succeeded")
    assert [r["event"] for r in found] == ["received", "started", "succeeded"]
    for r in found:
        assert r.get("task") == "tasks.add" and r.get("principal") == who and r.get("root_id") == result.id, r
        assert abs(time.time() - float(r.get("time", 0))) < 60, f"time should be the time.time() of the event: {r}"


def test_a_task_sent_without_a_principal_is_recorded_as_anonymous():
    result = send("tasks.add", 1, 1)
    result.get(timeout=10)
    assert {r.get("principal") for r in events(result.id, "succeeded")} == {"anonymous"}


def test_a_failing_task_records_the_exception_type():
    who = principal()
    result = send("tasks.divide", 1, 0, headers={"principal": who})
    result.get(timeout=10, propagate=False)
    failed = [r for r in events(result.id, "failed") if r["event"] == "failed"]
    assert failed[0].get("error") == "ZeroDivisionError" and failed[0].get("principal") == who, failed[0]
    assert "succeeded" not in [r["event"] for r in records(result.id)]


def test_a_revoked_task_is_recorded():
    task_id = str(uuid.uuid4())
    assert app.control.revoke(task_id, reply=True, timeout=2), "the worker did not acknowledge the revoke"
    who = principal()
    send("tasks.add", 4, 4, task_id=task_id, headers={"principal": who})
    revoked = [r for r in events(task_id, "revoked") if r["event"] == "revoked"]
    assert revoked[0].get("principal") == who and revoked[0].get("task") == "tasks.add", revoked[0]
    assert "started" not in [r["event"] for r in records(task_id)], "a revoked task must not start"


def test_an_unknown_task_is_recorded():
    who = principal()
    secret = "acct-" + uuid.uuid4().hex
    unknown = send("tasks.transfer_all_funds", secret, headers={"principal": who})
    found = [r for r in events(unknown.id, "unknown") if r["event"] == "unknown"]
    assert found[0].get("task") == "tasks.transfer_all_funds" and found[0].get("principal") == who, found[0]
    leaked = [r for r in records(unknown.id) if any(secret in value for value in r.values())]
    assert not leaked, "the unknown task's argument was written to the audit log (from the message body?): record its name only"


def test_task_arguments_never_reach_the_audit_log():
    card = "4" + str(uuid.uuid4().int)[:15]
    result = send("tasks.charge", card, 25, headers={"principal": principal()})
    assert result.get(timeout=10) == f"charged 25 to card ending {card[-4:]}"
    found = events(result.id, "succeeded")
    leaked = [r for r in found if any(card in value for value in r.values())]
    assert not leaked, "the card number was written to the audit log; record who did what, never the arguments"


def test_the_principal_follows_the_work_into_the_tasks_it_starts():
    who = principal()
    root = send("tasks.approve", "invoice-7", headers={"principal": who})
    root.get(timeout=10)
    published = wait_until(lambda: [r for r in store.xrange(STREAM, min=START)
                                    if r[1].get("event") == "published" and r[1].get("root_id") == root.id], timeout=5)
    assert published, "approve sent notify, but no 'published' record has approve's task id as root_id"
    child = published[0][1]
    assert child.get("task") == "tasks.notify" and child.get("principal") == who, child
    found = events(child["task_id"], "succeeded")
    assert {r.get("principal") for r in found} == {who}, "notify ran on behalf of the same principal as approve"
    assert {r.get("root_id") for r in found} == {root.id}
