"""Hidden tests for module 30's split-brain exercise.

Two real workers, alpha and beta, each consume their own queue, so a test decides which worker runs
what: the same payment is delivered twice (one after the other, and to both workers at once), and
two workers hold the same lease (the first one's lease expires during a pause, as in a GC pause or
a network partition), so the stale owner's late write must be rejected by its fencing token.

The grader owns what it measures: the payment provider is served by this module on loopback and
keeps the balances and charge lists in its own memory, so no key the learner can write decides
whether a customer was charged twice. The fenced record is the learner's own output (the hash
their writes produce) and is read from Redis.
"""
import os
import threading
import time
import uuid

import pytest
import redis
from coursebot_lab import call, send, serve

data = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)


def fresh(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


class Bank:
    """The payment provider: slow, non-idempotent, and the only keeper of balances and charge lists."""

    def __init__(self):
        self.balances = {}
        self.charges = {}
        self.lock = threading.Lock()

    def handle(self, method, path, body):
        if method != "POST" or path != "/charge" or not isinstance(body, dict):
            return 404, {"error": "no such service"}
        time.sleep(0.3)  # the network call: long enough for two workers to overlap
        account = str(body.get("account"))
        with self.lock:
            self.balances[account] = self.balances.get(account, 0) + int(body.get("amount") or 0)
            self.charges.setdefault(account, []).append(str(body.get("payment_id")))
        return 200, {"charged": True}


@pytest.fixture(scope="module")
def bank():
    state = Bank()
    server = serve(state.handle)
    state.url = server.url
    yield state
    server.shutdown()


def account_state(bank, account):
    with bank.lock:
        return bank.balances.get(account, 0), list(bank.charges.get(account, []))


def record(record_id):
    return data.hgetall(f"split-lab:record:{record_id}")


def test_a_redelivered_charge_is_applied_once(bank):
    account, payment = fresh("acct"), fresh("pay")
    task_id = str(uuid.uuid4())
    assert send("splitbrain.charge", bank.url, payment, account, 25, queue="alpha", task_id=task_id).get(timeout=10) == "applied"
    # The broker delivers the very same message again (same task id), as after a lost acknowledgement.
    send("splitbrain.charge", bank.url, payment, account, 25, queue="alpha", task_id=task_id)
    # alpha runs one task at a time, in order: once this one is done, the redelivery has run too.
    send("splitbrain.charge", bank.url, fresh("pay"), fresh("acct"), 1, queue="alpha").get(timeout=10)
    assert account_state(bank, account) == (25, [payment]), "the redelivered message charged the customer again"


def test_the_same_charge_on_two_workers_at_once_is_applied_once(bank):
    account, payment = fresh("acct"), fresh("pay")
    on_alpha = send("splitbrain.charge", bank.url, payment, account, 40, queue="alpha")
    on_beta = send("splitbrain.charge", bank.url, payment, account, 40, queue="beta")
    outcomes = sorted([on_alpha.get(timeout=10), on_beta.get(timeout=10)])
    assert account_state(bank, account) == (40, [payment]), "both workers charged the customer"
    assert outcomes == ["applied", "duplicate"]


def test_different_payments_are_all_applied(bank):
    account = fresh("acct")
    payments = [fresh("pay") for _ in range(3)]
    results = [send("splitbrain.charge", bank.url, p, account, 10, queue=q) for p, q in zip(payments, ["alpha", "beta", "alpha"])]
    assert [r.get(timeout=10) for r in results] == ["applied"] * 3
    balance, charges = account_state(bank, account)
    assert balance == 30 and sorted(charges) == sorted(payments)


def test_tokens_grow_with_every_lease():
    record_id = fresh("rec")
    tokens = [call("splitbrain.update_record", record_id, f"v{i}", 0, 500, queue="alpha")["token"] for i in range(3)]
    assert tokens[0] < tokens[1] < tokens[2], f"fencing tokens must increase: {tokens}"
    assert record(record_id) == {"value": "v2", "token": str(tokens[2])}


def test_a_lease_is_exclusive_while_it_is_held():
    record_id = fresh("rec")
    on_alpha = send("splitbrain.update_record", record_id, "from-alpha", 0.4, 3000, queue="alpha")
    on_beta = send("splitbrain.update_record", record_id, "from-beta", 0.4, 3000, queue="beta")
    a, b = on_alpha.get(timeout=10), on_beta.get(timeout=10)
    assert a["written"] and b["written"], f"one worker waits while the other holds the lease, so both writes land: {a}, {b}"
    assert a["token"] != b["token"]
    newest = max((a, "from-alpha"), (b, "from-beta"), key=lambda pair: pair[0]["token"])
    assert record(record_id) == {"value": newest[1], "token": str(newest[0]["token"])}


def test_a_stale_lease_holder_cannot_overwrite_the_new_owner():
    record_id = fresh("rec")
    # alpha takes a 500 ms lease, then stalls for 1.5 s: its lease expires while it is paused.
    stale = send("splitbrain.update_record", record_id, "stale", 1.5, 500, queue="alpha")
    time.sleep(0.4)
    # beta gets the lease once it expires and writes first; alpha wakes up and tries to write.
    fresh_write = send("splitbrain.update_record", record_id, "fresh", 0, 500, queue="beta")
    new_owner, old_owner = fresh_write.get(timeout=10), stale.get(timeout=10)
    assert new_owner["written"] is True
    assert new_owner["token"] > old_owner["token"], "the lease taken later must carry the higher fencing token"
    assert old_owner["written"] is False, "the stale owner's late write was accepted"
    assert record(record_id)["value"] == "fresh"


def test_a_stale_owner_does_not_release_the_new_owners_lease():
    record_id = fresh("rec")
    # alpha: 300 ms lease, 1 s pause. beta takes over once it expires and holds its 3 s lease for 1.5 s.
    stale = send("splitbrain.update_record", record_id, "stale", 1.0, 300, queue="alpha")
    time.sleep(0.2)
    holder = send("splitbrain.update_record", record_id, "holder", 1.5, 3000, queue="beta")
    stale.get(timeout=10)  # beta has not written yet, so alpha's late write may still land: that is fine
    # alpha is done; if it deleted beta's lease on its way out, this write gets in ahead of beta.
    time.sleep(0.1)
    late = send("splitbrain.update_record", record_id, "late", 0, 3000, queue="alpha")
    assert holder.get(timeout=10)["written"] is True, "beta lost its write: another worker took the lease it still held"
    assert late.get(timeout=10)["written"] is True
    assert record(record_id)["value"] == "late"
