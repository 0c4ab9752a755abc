"""Hidden tests for module 4's retry exercise.

The grader owns what it measures: this module serves the payment gateway and the inventory
service itself, on loopback, and counts and times every request they receive. Which keys fail
how often, and the receipts they hand out, are chosen here per run, so no file or key the
learner's code can write decides the score. Every scenario is sent at once when the module
starts (retries wait in the worker, so they overlap); each test then waits for its own.
Amounts are drawn per run from COURSEBOT_SEED (reported in failures). A probe charge sent while the
inventory backs off must finish at once: a retry loop with time.sleep inside the task (which can fake
"retries") holds the one worker process, a retry through the broker does not."""
import os
import random
import secrets
import threading
import time
import urllib.parse

import pytest
from coursebot_lab import outcome, send, serve

RUN = secrets.token_hex(4)
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)

# key: (task, id, how many times the service fails first, whether the card is declined)
SCENARIOS = {
    "charge-ok": ("tasks.charge_payment", f"pay-ok-{RUN}", RNG.randint(1, 10**5), 0, False),
    "charge-flaky": ("tasks.charge_payment", f"pay-flaky-{RUN}", RNG.randint(1, 10**5), 2, False),
    "charge-down": ("tasks.charge_payment", f"pay-down-{RUN}", RNG.randint(1, 10**5), 99, False),
    "charge-declined": ("tasks.charge_payment", f"pay-declined-{RUN}", RNG.randint(1, 10**5), 0, True),
    "probe": ("tasks.charge_payment", f"pay-probe-{RUN}", RNG.randint(1, 10**5), 0, False),
    "stock-flaky": ("tasks.reserve_stock", f"sku-flaky-{RUN}", None, 2, False),
    "stock-down": ("tasks.reserve_stock", f"sku-down-{RUN}", None, 99, False),
}


class Services:
    """The two flaky services: what each id is scripted to do, and every request each id received."""

    def __init__(self):
        self.script = {ident: (fails, declined) for _, ident, _, fails, declined in SCENARIOS.values()}
        self.requests = {ident: [] for ident in self.script}
        self.answers = {}
        self.lock = threading.Lock()

    def handle(self, method, path, body):
        parts = path.strip("/").split("/")
        if method != "POST" or len(parts) != 2 or parts[0] not in ("charge", "reserve"):
            return 404, {"error": "no such service"}
        kind, ident = parts[0], urllib.parse.unquote(parts[1])
        with self.lock:
            if ident not in self.script:
                return 404, {"error": "unknown id"}
            self.requests[ident].append(time.monotonic())
            attempt = len(self.requests[ident])
            fails, declined = self.script[ident]
        if declined:
            return 402, {"error": f"card declined for payment {ident}"}
        if attempt <= fails:
            return (504, {"error": f"gateway timed out (attempt {attempt})"}) if kind == "charge" else (
                503, {"error": f"inventory unavailable (attempt {attempt})"})
        token = secrets.token_hex(8)
        with self.lock:
            self.answers[ident] = token
        if kind == "charge":
            return 200, {"payment_id": ident, "amount": body.get("amount") if isinstance(body, dict) else None, "attempt": attempt, "receipt": token}
        return 200, {"sku": ident, "attempt": attempt, "reservation": token}


@pytest.fixture(scope="module")
def services():
    state = Services()
    server = serve(state.handle)
    state.url = server.url
    yield state
    server.shutdown()


@pytest.fixture(scope="module")
def sent(services):
    results = {}
    for key, (name, ident, amount, _, _) in SCENARIOS.items():
        if key == "probe":
            continue  # sent by its own test, while the inventory backs off
        args = [services.url, ident] + ([amount] if amount is not None else [])
        results[key] = send(name, *args)
    return results


def attempts(services, key):
    """The times of the requests the service received for this scenario, oldest first."""
    with services.lock:
        return list(services.requests[SCENARIOS[key][1]])


def gaps(times):
    return [round(b - a, 2) for a, b in zip(times, times[1:])]


def finished(sent, key):
    return outcome(sent[key], timeout=20)


def assert_the_worker_is_free_while_a_retry_waits(services):
    """While reserve_stock waits to retry, the one worker process must be free to run another task."""
    first = time.monotonic() + 10
    while not attempts(services, "stock-down") and time.monotonic() < first:
        time.sleep(0.02)
    assert attempts(services, "stock-down"), "reserve_stock never reached the inventory"
    _, ident, amount, _, _ = SCENARIOS["probe"]
    started = time.monotonic()
    probe = send("tasks.charge_payment", services.url, ident, amount)
    receipt = outcome(probe, timeout=20).expect_success()
    took = time.monotonic() - started
    assert receipt.get("receipt") == services.answers.get(ident), f"receipt {receipt!r} is not the gateway's"
    assert took < 0.9, (f"a charge sent while reserve_stock was backing off took {took:.2f} s: retry through "
                        "Celery (self.retry, autoretry_for), not by sleeping in the task, so the worker is free meanwhile")


# First, while the scenarios are still running (the number of tests stays 8: the probe is part of this one).
def test_charge_succeeds_at_once_even_while_another_task_waits_to_retry(sent, services):
    assert_the_worker_is_free_while_a_retry_waits(services)
    receipt = finished(sent, "charge-ok").expect_success()
    ident = SCENARIOS["charge-ok"][1]
    expected = {"payment_id": ident, "amount": SCENARIOS["charge-ok"][2], "attempt": 1, "receipt": services.answers.get(ident), "retries": 0}
    assert receipt == expected, f"the task returned {receipt!r}: return the gateway's receipt plus retries"


def test_charge_retries_a_timeout_until_it_succeeds(sent, services):
    receipt = finished(sent, "charge-flaky").expect_success()
    ident = SCENARIOS["charge-flaky"][1]
    assert len(attempts(services, "charge-flaky")) == 3, f"the gateway got {len(attempts(services, 'charge-flaky'))} requests, expected 3"
    assert isinstance(receipt, dict) and receipt.get("receipt") == services.answers.get(ident), f"receipt {receipt!r} is not the gateway's"
    assert receipt.get("attempt") == 3 and receipt.get("retries") == 2, f"receipt {receipt}: use self.retry, not a loop in the task"


def test_charge_waits_half_a_second_between_attempts(sent, services):
    finished(sent, "charge-flaky")
    between = gaps(attempts(services, "charge-flaky"))
    assert len(between) == 2 and all(0.4 <= gap <= 2.0 for gap in between), f"seconds between attempts: {between}"


def test_charge_gives_up_after_three_retries(sent, services):
    finished(sent, "charge-down").expect_failure("GatewayTimeout")
    count = len(attempts(services, "charge-down"))
    assert count == 4, f"{count} attempts: expected the first one plus 3 retries"


def test_charge_never_retries_a_declined_card(sent, services):
    finished(sent, "charge-declined").expect_failure("CardDeclined")
    time.sleep(1)  # a retry, if any, would arrive within the half-second countdown
    count = len(attempts(services, "charge-declined"))
    assert count == 1, f"{count} attempts: a declined card must not be retried"


def test_reserve_stock_retries_automatically(sent, services):
    answer = finished(sent, "stock-flaky").expect_success()
    ident = SCENARIOS["stock-flaky"][1]
    assert len(attempts(services, "stock-flaky")) == 3, f"the inventory got {len(attempts(services, 'stock-flaky'))} requests, expected 3"
    assert isinstance(answer, dict) and answer.get("reservation") == services.answers.get(ident), f"answer {answer!r} is not the inventory's"
    assert answer.get("attempt") == 3 and answer.get("retries") == 2, f"answer {answer}"


def test_reserve_stock_backs_off_exponentially(sent, services):
    finished(sent, "stock-flaky")
    between = gaps(attempts(services, "stock-flaky"))
    assert len(between) == 2, f"seconds between attempts: {between}"
    assert 0.8 <= between[0] <= 1.9 and 1.7 <= between[1] <= 3.5, f"expected about 1 s, then 2 s; got {between}"


def test_reserve_stock_gives_up_after_three_retries(sent, services):
    finished(sent, "stock-down").expect_failure("ServiceUnavailable")
    count = len(attempts(services, "stock-down"))
    assert count == 4, f"{count} attempts: expected the first one plus 3 retries"
    between = gaps(attempts(services, "stock-down"))
    assert 0.8 <= between[0] <= 1.9 and all(1.7 <= gap <= 3.5 for gap in between[1:]), \
        f"expected about 1 s, 2 s, then 2 s (retry_backoff_max=2); got {between}"

