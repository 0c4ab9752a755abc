"""Hidden tests, module 19 error recovery exercise.

One batch of records is sent at the start (retries wait in the worker at the same time), then each
test looks at one aspect of how it was handled. The replay test runs last.

The partner system is served here, on loopback: it counts attempts and keeps the imported records
itself, so nothing the learner's code writes decides them. The dead-letter list is the learner's
own output and is read from Redis.
"""
import json
import os
import threading
import urllib.parse

import pytest
import redis

from coursebot_lab import app, call, send, serve, wait_until
from coursebot_lab import outcome as ended

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
DEAD_LETTERS = "recovery:dead-letters"

OK = {"id": "ok-1", "fail_times": 2}
BAD = {"id": "bad-1", "valid": False}
STUCK = {"id": "stuck-1", "fail_times": 5}  # fails 4 attempts, so it is parked; succeeds on the 6th (after a replay)


class Partner:
    """Fails a record's first `fail_times` attempts with 503 (an invalid one with 422), then imports it."""

    def __init__(self):
        self.script = {r["id"]: (r.get("valid", True), r.get("fail_times", 0)) for r in (OK, BAD, STUCK)}
        self.attempts = {}
        self.imported = set()
        self.lock = threading.Lock()

    def handle(self, method, path, body):
        if method != "POST" or not path.startswith("/store/"):
            return 404, {"error": "no such path"}
        ident = urllib.parse.unquote(path[len("/store/"):])
        with self.lock:
            if ident not in self.script:
                return 404, {"error": f"unknown record {ident}"}
            self.attempts[ident] = count = self.attempts.get(ident, 0) + 1
            valid, fail_times = self.script[ident]
            if not valid:
                return 422, {"error": f"record {ident} is invalid"}
            if count <= fail_times:
                return 503, {"error": f"partner timed out on record {ident} (attempt {count})"}
            self.imported.add(ident)
            return 200, {"attempts": count}


PARTNER = Partner()


def attempts(record):
    with PARTNER.lock:
        return PARTNER.attempts.get(record["id"], 0)


def parked():
    entries = []
    for raw in store.lrange(DEAD_LETTERS, 0, -1):
        try:
            entries.append(json.loads(raw))
        except ValueError:
            pass
    return [e for e in entries if isinstance(e, dict)]


def parked_for(record):
    return [e for e in parked() if any(isinstance(a, dict) and a.get("id") == record["id"] for a in e.get("args") or [])]


def outcome(result):
    done = ended(result, timeout=30)
    return ("ok", done.value) if done.succeeded else (done.error_type, done.error_message)


@pytest.fixture(scope="module")
def batch():
    for key in store.scan_iter("recovery:*"):
        store.delete(key)
    server = serve(PARTNER.handle)
    for record in (OK, BAD, STUCK):
        record["partner_url"] = server.url
    sent = {name: send("tasks.import_record", record) for name, record in (("ok", OK), ("bad", BAD), ("stuck", STUCK))}
    outcomes = {name: outcome(result) for name, result in sent.items()}
    wait_until(lambda: len(parked()) >= 2, timeout=2)  # on_failure runs after the failure is stored
    return sent, outcomes


def test_a_record_that_fails_twice_is_imported_on_its_third_attempt(batch):
    _, outcomes = batch
    assert outcomes["ok"] == ("ok", {"id": "ok-1", "attempts": 3}), (
        f"{OK} should be retried after each TransientError and imported on attempt 3; got {outcomes['ok']}")


def test_an_invalid_record_fails_at_once_without_retries(batch):
    _, outcomes = batch
    assert outcomes["bad"][0] == "PermanentError", f"{BAD} should fail with PermanentError; got {outcomes['bad']}"
    assert attempts(BAD) == 1, f"a PermanentError must not be retried, but {BAD['id']} was tried {attempts(BAD)} times"


def test_a_record_that_keeps_failing_stops_after_three_retries(batch):
    _, outcomes = batch
    assert outcomes["stuck"][0] == "TransientError", f"{STUCK} should fail for good with TransientError; got {outcomes['stuck']}"
    assert attempts(STUCK) == 4, f"expected 4 attempts (1 + max_retries=3) for {STUCK['id']}, counted {attempts(STUCK)}"


def test_failed_records_are_parked_with_task_arguments_and_error(batch):
    sent, _ = batch
    for name, record, exc_type in (("bad", BAD, "PermanentError"), ("stuck", STUCK, "TransientError")):
        entries = parked_for(record)
        assert len(entries) == 1, f"expected one entry for {record['id']} in {DEAD_LETTERS}, found {len(entries)}: {parked()}"
        entry = entries[0]
        assert entry.get("task") == "tasks.import_record", f"'task' should be the task name: {entry}"
        assert entry.get("task_id") == sent[name].id, f"'task_id' should be the failed task's id {sent[name].id}: {entry}"
        assert entry.get("args") == [record] and entry.get("kwargs") in ({}, None), f"args/kwargs should let the job be re-sent: {entry}"
        assert entry.get("exc_type") == exc_type and entry.get("error"), f"exc_type should be {exc_type}, with the error message: {entry}"
    assert parked_for(OK) == [], f"{OK['id']} was imported: it must not be parked"


def test_replaying_resends_every_parked_job(batch):
    ids = call("tasks.replay_dead_letters", timeout=10)
    assert isinstance(ids, list) and len(ids) == 2, f"replay_dead_letters should return the 2 new task ids, got {ids!r}"
    results = [outcome(app.AsyncResult(task_id)) for task_id in ids]
    assert ("ok", {"id": "stuck-1", "attempts": 6}) in results, (
        f"the replayed {STUCK['id']} should fail once more, be retried, and be imported on attempt 6; replay results: {results}")
    assert "stuck-1" in PARTNER.imported
    wait_until(lambda: parked_for(BAD), timeout=2)
    assert parked_for(STUCK) == [], f"{STUCK['id']} succeeded after the replay: it must have left {DEAD_LETTERS}"
    assert len(parked_for(BAD)) == 1, f"{BAD['id']} fails again when replayed, so it should be parked again (once): {parked()}"
