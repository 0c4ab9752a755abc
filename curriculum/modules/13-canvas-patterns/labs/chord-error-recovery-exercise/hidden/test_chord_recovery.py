"""Hidden tests for module 13's chord error recovery exercise.

The learner's build_workflow task returns the basket's chord as JSON; the tests run it on the
learner's worker and read the dead letters the errback leaves in the result backend (Redis): they are
the exercise's output. SKUs and prices are drawn from COURSEBOT_SEED.
"""
import json
import os
import random
import time
import uuid

import pytest
import redis

from coursebot_lab import app, call, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"])
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)


def sku():
    return f"{RANDOM.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}-{RANDOM.randint(1, 9999)}"


def price():
    """Whole cents, in quarters so that sums are exact in binary floating point."""
    return RANDOM.randint(1, 4000) / 4


def item(outages=0, cost=None):
    entry = {"sku": sku(), "price": price() if cost is None else cost}
    return dict(entry, outages=outages) if outages else entry


def run_basket(items):
    job_id = f"grader-{uuid.uuid4().hex[:12]}"
    sig = call("recovery.build_workflow", items, job_id)
    assert isinstance(sig, dict) and sig.get("subtask_type") == "chord", (
        f"build_workflow should return a chord signature, got {sig!r:.200}")
    return job_id, app.signature(sig).apply_async()


def dead_letter(job_id, timeout=5.0):
    raw = wait_until(lambda: store.get(f"dead-letter:{job_id}"), timeout=timeout)
    return json.loads(raw) if raw else None


def test_a_healthy_basket_returns_its_total():
    items = [item() for _ in range(RANDOM.randint(2, 6))]
    job_id, result = run_basket(items)
    expected = round(sum(i["price"] for i in items), 2)
    assert result.get(timeout=10) == expected, f"the basket {items} costs {expected} (seed {SEED})"


def test_a_healthy_basket_leaves_no_dead_letter():
    job_id, result = run_basket([item()])
    result.get(timeout=10)
    time.sleep(0.3)
    assert store.get(f"dead-letter:{job_id}") is None


def test_transient_outages_are_retried_and_the_chord_completes():
    items = [item(), item(outages=RANDOM.randint(1, 2))]
    job_id, result = run_basket(items)
    assert result.get(timeout=10) == items[0]["price"] + items[1]["price"], f"{items} (seed {SEED})"


def test_three_retries_are_enough_for_three_outages():
    items = [item(outages=3)]
    job_id, result = run_basket(items)
    assert result.get(timeout=10) == items[0]["price"], f"{items} (seed {SEED})"


def test_retrying_stops_after_three_retries():
    started = time.monotonic()
    items = [item(), item(outages=4)]
    job_id, result = run_basket(items)
    with pytest.raises(Exception) as failure:
        result.get(timeout=10)
    assert items[1]["sku"] in str(failure.value), f"{items}: the chord failed with {failure.value!r} (seed {SEED})"
    assert time.monotonic() - started < 8, "retries should give up after three quick attempts"


def test_a_failed_chord_leaves_a_dead_letter_naming_the_item():
    bad = item(cost=-RANDOM.randint(1, 99) / 4)
    job_id, result = run_basket([item(), bad])
    with pytest.raises(Exception):
        result.get(timeout=10)
    record = dead_letter(job_id)
    assert record is not None, f"no dead letter was stored under dead-letter:{job_id}"
    assert record.get("job_id") == job_id
    assert bad["sku"] in str(record.get("error")), f"the dead letter's error should name the sku {bad['sku']}: {record!r}"


def test_an_outage_that_never_ends_leaves_a_dead_letter_too():
    down = item(outages=99)
    job_id, result = run_basket([down])
    with pytest.raises(Exception):
        result.get(timeout=10)
    record = dead_letter(job_id)
    assert record is not None, f"no dead letter was stored under dead-letter:{job_id}"
    assert down["sku"] in str(record.get("error")), f"the dead letter's error should name the sku {down['sku']}: {record!r}"
