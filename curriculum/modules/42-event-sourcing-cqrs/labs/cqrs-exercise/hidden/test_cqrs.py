"""Hidden tests for module 42's CQRS exercise.

The tests play the write side: they append each account's events to its log in Redis
(cqrs-lab:log:<id>, as writemodel.py describes) and then deliver them to cqrs.project as they
choose: in order, twice, out of order, or with some never delivered. The learner's worker (one
process) keeps the read models; the tests compare them with a fold of the log.
"""
import json
import os
import uuid

import redis
from coursebot_lab import call, send

log_store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)


def new_account(owner, amounts):
    """Writes a log: AccountOpened, then one deposit (positive) or withdrawal (negative) per amount."""
    account = "acct-" + uuid.uuid4().hex[:10]
    events = [{"aggregate_id": account, "version": 1, "type": "AccountOpened", "data": {"owner": owner}}]
    for amount in amounts:
        kind = "MoneyDeposited" if amount > 0 else "MoneyWithdrawn"
        events.append({"aggregate_id": account, "version": len(events) + 1, "type": kind, "data": {"amount": abs(amount)}})
    log_store.rpush(f"cqrs-lab:log:{account}", *[json.dumps(e) for e in events])
    return account, events


def expected(owner, amounts):
    return {"owner": owner, "balance": sum(amounts), "transactions": len(amounts), "version": len(amounts) + 1}


def deliver(events, order):
    """Delivers events[i] for each (1-based) version in `order`, then waits for all of them."""
    results = [send("cqrs.project", events[v - 1]) for v in order]
    for result in results:
        result.get(timeout=10)


def summary(account):
    return call("cqrs.get_summary", account, timeout=10)


def test_events_in_order_build_the_summary():
    account, events = new_account("ada", [50, 20, -30])
    deliver(events, [1, 2, 3, 4])
    assert summary(account) == expected("ada", [50, 20, -30])


def test_duplicates_are_applied_once():
    account, events = new_account("bob", [10, 5])
    deliver(events, [1, 1, 2, 2, 3, 2, 3, 1])
    assert summary(account) == expected("bob", [10, 5])


def test_events_out_of_order_end_in_the_same_state():
    account, events = new_account("cy", [10, -4, 7, 100])
    deliver(events, [3, 1, 5, 2, 4])
    assert summary(account) == expected("cy", [10, -4, 7, 100])


def test_a_gap_is_filled_from_the_log():
    account, events = new_account("dee", [5, 6, 7])
    deliver(events, [4])  # versions 1-3 were never delivered
    assert summary(account) == expected("dee", [5, 6, 7])


def test_a_late_old_event_changes_nothing():
    account, events = new_account("eli", [40, 10])
    deliver(events, [1, 2, 3])
    deliver(events, [2])  # a retry of version 2 arrives long after
    assert summary(account) == expected("eli", [40, 10])


def test_an_unknown_account_has_no_summary():
    assert summary("acct-unknown-" + uuid.uuid4().hex[:6]) is None


def test_the_balances_read_model_answers_who_holds_more():
    rich, rich_events = new_account("fay", [900, 100])
    middle, middle_events = new_account("gus", [600])
    poor, poor_events = new_account("hal", [50])
    deliver(rich_events, [1, 2, 3])
    deliver(middle_events, [1, 2])
    deliver(poor_events, [1, 2])
    found = call("cqrs.accounts_over", 500, timeout=10)
    ours = [a for a in found if a in (rich, middle, poor)]
    assert ours == [rich, middle], f"accounts over 500, richest first: expected [{rich}, {middle}], got {ours}"


def test_a_rebuild_replays_the_whole_log():
    account, events = new_account("ivy", [3, 4, 5, -2])
    deliver(events, [1, 2])
    assert call("cqrs.rebuild", account, timeout=10) == 5
    assert summary(account) == expected("ivy", [3, 4, 5, -2])
    assert call("cqrs.rebuild", account, timeout=10) == 5, "a second rebuild must give the same result"
    assert summary(account) == expected("ivy", [3, 4, 5, -2])
