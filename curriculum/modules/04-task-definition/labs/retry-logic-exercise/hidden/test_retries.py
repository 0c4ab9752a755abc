"""Hidden tests for module 4's retry exercise. Every scenario is sent at once when the module
starts (retries wait in the worker, so they overlap); each test then waits for its own. The
attempts are read from what flaky_service.py recorded in the result backend's Redis."""
import os
import uuid

import pytest
import redis
from coursebot_lab import send

RUN = uuid.uuid4().hex[:8]
STORE = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"])

SCENARIOS = {
    "charge-ok": ("tasks.charge_payment", [f"pay-ok-{RUN}", 10], {}),
    "charge-flaky": ("tasks.charge_payment", [f"pay-flaky-{RUN}", 20], {"fail_times": 2}),
    "charge-down": ("tasks.charge_payment", [f"pay-down-{RUN}", 30], {"fail_times": 99}),
    "charge-declined": ("tasks.charge_payment", [f"pay-declined-{RUN}", 40], {"declined": True}),
    "stock-flaky": ("tasks.reserve_stock", [f"sku-flaky-{RUN}"], {"fail_times": 2}),
    "stock-down": ("tasks.reserve_stock", [f"sku-down-{RUN}"], {"fail_times": 99}),
}


@pytest.fixture(scope="module")
def sent():
    return {key: send(name, *args, kwargs=kwargs) for key, (name, args, kwargs) in SCENARIOS.items()}


def attempts(key):
    """The times of the calls the task made to the service, oldest first."""
    return [float(t) for t in STORE.lrange(f"flaky:{SCENARIOS[key][1][0]}", 0, -1)]


def gaps(times):
    return [round(b - a, 2) for a, b in zip(times, times[1:])]


def outcome(sent, key):
    result = sent[key]
    value = result.get(timeout=20, propagate=False)
    return result.state, value


def failed_with(sent, key, expected):
    state, error = outcome(sent, key)
    assert state == "FAILURE", f"the task should have failed, but its state is {state} ({error!r})"
    assert type(error).__name__ == expected, f"expected the task to fail with {expected}, got {type(error).__name__}: {error}"


def test_charge_succeeds_at_once_when_the_gateway_is_up(sent):
    state, receipt = outcome(sent, "charge-ok")
    assert state == "SUCCESS", f"{state}: {receipt!r}"
    assert receipt == {"payment_id": f"pay-ok-{RUN}", "amount": 10, "attempt": 1, "retries": 0}


def test_charge_retries_a_timeout_until_it_succeeds(sent):
    state, receipt = outcome(sent, "charge-flaky")
    assert state == "SUCCESS", f"after two gateway timeouts the third attempt should succeed; got {state}: {receipt!r}"
    assert receipt["attempt"] == 3 and receipt["retries"] == 2, f"receipt {receipt}: use self.retry, not a loop in the task"


def test_charge_waits_half_a_second_between_attempts(sent):
    outcome(sent, "charge-flaky")
    between = gaps(attempts("charge-flaky"))
    assert len(between) == 2 and all(0.4 <= gap <= 2.0 for gap in between), f"seconds between attempts: {between}"


def test_charge_gives_up_after_three_retries(sent):
    failed_with(sent, "charge-down", "GatewayTimeout")
    count = len(attempts("charge-down"))
    assert count == 4, f"{count} attempts: expected the first one plus 3 retries"


def test_charge_never_retries_a_declined_card(sent):
    failed_with(sent, "charge-declined", "CardDeclined")
    count = len(attempts("charge-declined"))
    assert count == 1, f"{count} attempts: a declined card must not be retried"


def test_reserve_stock_retries_automatically(sent):
    state, answer = outcome(sent, "stock-flaky")
    assert state == "SUCCESS", f"after two failures the third attempt should succeed; got {state}: {answer!r}"
    assert answer["attempt"] == 3 and answer["retries"] == 2, f"answer {answer}"


def test_reserve_stock_backs_off_exponentially(sent):
    outcome(sent, "stock-flaky")
    between = gaps(attempts("stock-flaky"))
    assert len(between) == 2, f"seconds between attempts: {between}"
    assert 0.8 <= between[0] <= 1.9 and 1.7 <= between[1] <= 3.5, f"expected about 1 s, then 2 s; got {between}"


def test_reserve_stock_gives_up_after_three_retries(sent):
    failed_with(sent, "stock-down", "ServiceUnavailable")
    count = len(attempts("stock-down"))
    assert count == 4, f"{count} attempts: expected the first one plus 3 retries"
