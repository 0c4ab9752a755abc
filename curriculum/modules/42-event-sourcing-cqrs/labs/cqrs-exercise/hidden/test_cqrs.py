"""Hidden tests for module 42's CQRS exercise.

The tests play the write side: they append each account's events to its log in Redis
(cqrs-lab:log:<id>, as writemodel.py describes) and then deliver them to cqrs.project as they
choose: in order, twice, out of order, with some never delivered, or only the first few. The
learner's worker (one process) keeps the read models; the tests compare them with a fold of the
events delivered so far (never more: the summary must come from the projection, not from reading the
whole log). Amounts, owners and delivery orders are drawn from COURSEBOT_SEED.
"""
import json
import os
import random
import uuid

import redis
from coursebot_lab import call, send

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
rng = random.Random(SEED)
store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)


def amounts(count):
    """Deposits and withdrawals that keep the balance positive."""
    values, balance = [], 0
    for _ in range(count):
        amount = rng.randint(1, 500) if balance < 50 or rng.random() < 0.6 else -rng.randint(1, balance)
        values.append(amount)
        balance += amount
    return values


def new_account(values, owner=None):
    """Writes a log: AccountOpened, then one deposit (positive) or withdrawal (negative) per amount."""
    account = "acct-" + uuid.uuid4().hex[:10]
    owner = owner or rng.choice(["ada", "bob", "cy", "dee", "eli", "fay", "gus"]) + str(rng.randint(1, 99))
    events = [{"aggregate_id": account, "version": 1, "type": "AccountOpened", "data": {"owner": owner}}]
    for amount in values:
        kind = "MoneyDeposited" if amount > 0 else "MoneyWithdrawn"
        events.append({"aggregate_id": account, "version": len(events) + 1, "type": kind, "data": {"amount": abs(amount)}})
    store.rpush(f"cqrs-lab:log:{account}", *[json.dumps(e) for e in events])
    return account, owner, events


def expected(owner, values):
    return {"owner": owner, "balance": sum(values), "transactions": len(values), "version": len(values) + 1}


def deliver(events, order):
    """Delivers events[i] for each (1-based) version in `order`, then waits for all of them."""
    results = [send("cqrs.project", events[v - 1]) for v in order]
    for result in results:
        result.get(timeout=10)


def summary(account):
    return call("cqrs.get_summary", account, timeout=10)


def check(account, owner, values, what):
    got = summary(account)
    assert got == expected(owner, values), f"{what} (seed {SEED}): expected {expected(owner, values)}, got {got}"


def test_events_in_order_build_the_summary():
    values = amounts(rng.randint(3, 6))
    account, owner, events = new_account(values)
    deliver(events, range(1, len(events) + 1))
    check(account, owner, values, "every event delivered once, in order")


def test_duplicates_are_applied_once():
    values = amounts(rng.randint(2, 4))
    account, owner, events = new_account(values)
    order = [v for v in range(1, len(events) + 1) for _ in range(rng.randint(1, 3))]
    order += [rng.randint(1, len(events)) for _ in range(4)]
    deliver(events, order)
    check(account, owner, values, f"delivered as versions {order}")


def test_events_out_of_order_end_in_the_same_state():
    values = amounts(rng.randint(4, 7))
    account, owner, events = new_account(values)
    order = list(range(1, len(events) + 1))
    while order == sorted(order):
        rng.shuffle(order)
    deliver(events, order)
    check(account, owner, values, f"delivered as versions {order}")


def test_a_gap_is_filled_from_the_log():
    values = amounts(rng.randint(3, 5))
    account, owner, events = new_account(values)
    deliver(events, [len(events)])  # the earlier versions were never delivered
    check(account, owner, values, f"only version {len(events)} delivered")


def test_only_what_was_delivered_is_applied():
    values = amounts(rng.randint(4, 6))
    account, owner, events = new_account(values)
    upto = rng.randint(2, len(events) - 2)
    deliver(events, [upto, 1])  # versions 1..upto are due (the gap from the log); later ones were not delivered
    check(account, owner, values[:upto - 1], f"version {upto} of {len(events)} delivered: nothing after it is applied yet")
    deliver(events, range(1, len(events) + 1))
    check(account, owner, values, "the rest delivered")


def test_a_late_old_event_changes_nothing():
    values = amounts(rng.randint(2, 4))
    account, owner, events = new_account(values)
    deliver(events, range(1, len(events) + 1))
    late = rng.randint(2, len(events))
    deliver(events, [late])  # a retry arrives long after
    check(account, owner, values, f"version {late} delivered again after all the others")


def test_an_unknown_account_has_no_summary():
    assert summary("acct-unknown-" + uuid.uuid4().hex[:6]) is None


def test_the_balances_read_model_answers_who_holds_more():
    floor = rng.randint(300, 900)
    richest, _, rich_events = new_account([floor + rng.randint(300, 600)])
    above, _, above_events = new_account([floor + rng.randint(1, 200)])
    at, _, at_events = new_account([floor])
    below, _, below_events = new_account([rng.randint(1, floor - 1)])
    for events in (rich_events, above_events, at_events, below_events):
        deliver(events, [1, 2])
    found = call("cqrs.accounts_over", floor, timeout=10)
    ours = [a for a in found if a in (richest, above, at, below)]
    assert ours == [richest, above], (
        f"accounts with a balance above {floor}, richest first: expected [{richest}, {above}], got {ours} "
        f"(one holds exactly {floor}: not above it; seed {SEED})")


def test_accounts_over_reads_the_balances_read_model():
    # An entry only the balances sorted set holds: found by a query of that read model, by nothing else.
    ghost = "acct-ghost-" + uuid.uuid4().hex[:8]
    store.zadd("cqrs-lab:read:balances", {ghost: 10**12})
    try:
        found = call("cqrs.accounts_over", 10**12 - 1, timeout=10)
        assert found == [ghost] or ghost in found, (
            f"accounts_over must answer from the cqrs-lab:read:balances sorted set; it did not return {ghost} that it holds")
    finally:
        store.zrem("cqrs-lab:read:balances", ghost)


def test_a_rebuild_replays_the_whole_log():
    values = amounts(rng.randint(3, 5))
    account, owner, events = new_account(values)
    deliver(events, [1, 2])
    assert call("cqrs.rebuild", account, timeout=10) == len(events)
    check(account, owner, values, "after a rebuild")
    assert call("cqrs.rebuild", account, timeout=10) == len(events), "a second rebuild must give the same result"
    check(account, owner, values, "after a second rebuild")


def test_a_rebuild_repairs_a_damaged_projection():
    values = amounts(rng.randint(3, 5))
    account, owner, events = new_account(values)
    deliver(events, range(1, len(events) + 1))
    # The read model is damaged (a bad deploy, a lost write): throw it away and replay the log.
    store.hset(f"cqrs-lab:read:summary:{account}", mapping={"balance": 123456789, "transactions": 99})
    store.zadd("cqrs-lab:read:balances", {account: 123456789})
    assert call("cqrs.rebuild", account, timeout=10) == len(events)
    check(account, owner, values, "a rebuild after the read model was damaged")
    score = store.zscore("cqrs-lab:read:balances", account)
    assert score == sum(values), f"after the rebuild the balances read model should hold {sum(values)} for the account, not {score}"
