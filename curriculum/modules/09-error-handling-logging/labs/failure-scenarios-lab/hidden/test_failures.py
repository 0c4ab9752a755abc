"""Hidden tests for module 9's lab, black-box. Three failure scenarios, judged by what can be seen
from outside the worker: the final state and stored exception (read raw, as JSON, from the Redis
result backend), how many times the unreliable service was called (served here, on loopback: the
tests count the calls themselves, so nothing the learner's code writes decides them), and how many
messages of a task the worker received (inspect stats): every retry is a new message."""
import json
import os
import threading
import time
import urllib.parse
import uuid

import redis

from coursebot_lab import send, serve, stats, wait_until

backend = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"], decode_responses=True)


def outcome(result, timeout=10, why="a retry without a short delay waits 180 s by default"):
    """The task's final state as stored in the backend: {"status", "result"}; a failure's result is
    {"exc_type", "exc_message", "exc_module"}."""
    def finished():
        raw = backend.get(f"celery-task-meta-{result.id}")
        meta = json.loads(raw) if raw else None
        return meta if meta and meta.get("status") in ("SUCCESS", "FAILURE") else None

    meta = wait_until(finished, timeout=timeout)
    assert meta, f"the task did not finish within {timeout} s ({why})"
    return meta


class Service:
    """The unreliable service: fails the first `failures` calls for a key, then answers; counts every call."""

    def __init__(self):
        self.calls = {}
        self.lock = threading.Lock()
        self.server = None

    def handle(self, method, path, body):
        if method != "POST" or not path.startswith("/call/"):
            return 404, {"error": "no such path"}
        key = urllib.parse.unquote(path[len("/call/"):])
        failures = body.get("failures") if isinstance(body, dict) else 0
        with self.lock:
            self.calls[key] = count = self.calls.get(key, 0) + 1
        if isinstance(failures, int) and count <= failures:
            return 503, {"error": f"service unavailable (call {count} for {key!r})"}
        return 200, {"rate": 1.08}

    def url(self):
        with self.lock:
            if self.server is None:
                self.server = serve(self.handle)
            return self.server.url


SERVICE = Service()


def calls(key):
    with SERVICE.lock:
        return SERVICE.calls.get(key, 0)


def order(**fields):
    return {**fields, "gateway_url": SERVICE.url()}


def received(name):
    return sum(worker.get("total", {}).get(name, 0) for worker in stats().values())


def error(meta):
    assert meta["status"] == "FAILURE", f"expected the task to fail, it ended {meta['status']} with {meta['result']!r}"
    exc = meta["result"] or {}
    message = exc.get("exc_message")
    return exc.get("exc_type"), " ".join(map(str, message)) if isinstance(message, list) else str(message)


def key():
    return uuid.uuid4().hex[:12]


def test_fetch_rate_succeeds_on_the_third_attempt_after_two_connection_errors():
    k = key()
    meta = outcome(send("tasks.fetch_rate", SERVICE.url(), k, 2))
    assert meta["status"] == "SUCCESS", f"fetch_rate ended {meta['status']}: {meta['result']}"
    assert meta["result"]["attempts"] == 3 and calls(k) == 3


def test_fetch_rate_retries_about_0_2_seconds_apart():
    started = time.monotonic()
    meta = outcome(send("tasks.fetch_rate", SERVICE.url(), key(), 2))
    elapsed = time.monotonic() - started
    assert meta["status"] == "SUCCESS", f"fetch_rate ended {meta['status']}: {meta['result']}"
    assert 0.35 <= elapsed <= 4, f"two retries 0.2 s apart took {elapsed:.2f} s"


def test_fetch_rate_gives_up_after_three_retries_with_the_connection_error():
    k = key()
    exc_type, _ = error(outcome(send("tasks.fetch_rate", SERVICE.url(), k, 10)))
    assert exc_type == "ConnectionError"
    assert calls(k) == 4, f"the service was called {calls(k)} times; expected 4 (the first try and 3 retries)"


def test_a_valid_order_is_accepted_at_the_first_attempt():
    meta = outcome(send("tasks.submit_order", order(id="A-" + key(), quantity=2)))
    assert meta["status"] == "SUCCESS", f"submit_order ended {meta['status']}: {meta['result']}"
    assert (meta["result"]["status"], meta["result"]["attempts"]) == ("accepted", 1)


def test_a_gateway_connection_error_is_retried():
    meta = outcome(send("tasks.submit_order", order(id="B-" + key(), quantity=1, gateway_failures=1)))
    assert meta["status"] == "SUCCESS", f"submit_order ended {meta['status']}: {meta['result']}"
    assert meta["result"]["attempts"] == 2


def test_an_order_without_id_fails_at_once_with_invalid_order():
    before = received("tasks.submit_order")
    exc_type, message = error(outcome(send("tasks.submit_order", order(quantity=3))))
    assert (exc_type, message) == ("InvalidOrder", "order has no id")
    assert received("tasks.submit_order") - before == 1, "the invalid order was retried: retry only ConnectionError"


def test_a_bad_quantity_fails_at_once_without_calling_the_gateway():
    for quantity in (0, -2, "2"):
        order_id = "C-" + key()
        before = received("tasks.submit_order")
        exc_type, message = error(outcome(send("tasks.submit_order", order(id=order_id, quantity=quantity))))
        assert exc_type == "InvalidOrder" and "quantity" in message, f"quantity {quantity!r}: {exc_type}: {message}"
        assert calls(f"order-{order_id}") == 0, "validate the order before calling the gateway"
        assert received("tasks.submit_order") - before == 1, f"the order with quantity {quantity!r} was retried"


def test_crunch_finishes_a_short_job():
    meta = outcome(send("tasks.crunch", 0.3))
    assert meta["status"] == "SUCCESS" and meta["result"] == {"status": "done", "steps": 3}


def test_crunch_stops_a_long_job_after_about_a_second_and_returns_its_partial_work():
    started = time.monotonic()
    meta = outcome(send("tasks.crunch", 10), timeout=6, why="is there a soft time limit of 1 s?")
    elapsed = time.monotonic() - started
    assert meta["status"] == "SUCCESS", f"crunch ended {meta['status']} with {meta['result']}: catch SoftTimeLimitExceeded and return"
    assert meta["result"].get("status") == "timed out" and 5 <= meta["result"].get("steps", 0) <= 12, meta["result"]
    assert elapsed < 3, f"crunch(10) took {elapsed:.1f} s; the soft limit is 1 s"


def test_the_worker_still_answers_after_the_time_limit():
    assert outcome(send("tasks.crunch", 0.1))["result"] == {"status": "done", "steps": 1}
