"""Hidden tests for module 13's chord error recovery exercise.

The learner's build_workflow task returns the basket's chord as JSON; the tests run it on the
learner's worker and read the dead letters the errback leaves in the result backend (Redis).
"""
import json
import os
import time
import uuid

import pytest
import redis

from coursebot_lab import app, call, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"])


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
    job_id, result = run_basket([{"sku": "A-1", "price": 4.5}, {"sku": "B-2", "price": 2.25}, {"sku": "C-3", "price": 1}])
    assert result.get(timeout=10) == 7.75


def test_a_healthy_basket_leaves_no_dead_letter():
    job_id, result = run_basket([{"sku": "A-1", "price": 3}])
    result.get(timeout=10)
    time.sleep(0.3)
    assert store.get(f"dead-letter:{job_id}") is None


def test_transient_outages_are_retried_and_the_chord_completes():
    job_id, result = run_basket([{"sku": "A-1", "price": 4.5}, {"sku": "B-2", "price": 2.5, "outages": 2}])
    assert result.get(timeout=10) == 7.0


def test_three_retries_are_enough_for_three_outages():
    job_id, result = run_basket([{"sku": "A-1", "price": 1.25, "outages": 3}])
    assert result.get(timeout=10) == 1.25


def test_retrying_stops_after_three_retries():
    started = time.monotonic()
    job_id, result = run_basket([{"sku": "A-1", "price": 1}, {"sku": "Z-9", "price": 2, "outages": 4}])
    with pytest.raises(Exception) as failure:
        result.get(timeout=10)
    assert "Z-9" in str(failure.value), f"the chord failed with {failure.value!r}"
    assert time.monotonic() - started < 8, "retries should give up after three quick attempts"


def test_a_failed_chord_leaves_a_dead_letter_naming_the_item():
    job_id, result = run_basket([{"sku": "A-1", "price": 4.5}, {"sku": "BAD-7", "price": -1}])
    with pytest.raises(Exception):
        result.get(timeout=10)
    record = dead_letter(job_id)
    assert record is not None, f"no dead letter was stored under dead-letter:{job_id}"
    assert record.get("job_id") == job_id
    assert "BAD-7" in str(record.get("error")), f"the dead letter's error should name the sku: {record!r}"


def test_an_outage_that_never_ends_leaves_a_dead_letter_too():
    job_id, result = run_basket([{"sku": "DOWN-1", "price": 3, "outages": 99}])
    with pytest.raises(Exception):
        result.get(timeout=10)
    record = dead_letter(job_id)
    assert record is not None, f"no dead letter was stored under dead-letter:{job_id}"
    assert "DOWN-1" in str(record.get("error")), f"the dead letter's error should name the sku: {record!r}"
