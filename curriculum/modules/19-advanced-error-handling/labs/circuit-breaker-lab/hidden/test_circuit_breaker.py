"""Hidden tests, module 19 circuit breaker lab.

The tests serve the pricing API themselves on 127.0.0.1:18019 and count the requests that reach it.
Two workers run the learner's code: 'alpha' consumes the queue alpha, 'beta' the queue beta, so a
test can trip the breaker through one worker and observe it through the other. The symbol the API
knows and its price are drawn from COURSEBOT_SEED.
"""
import json
import os
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import redis

from coursebot_lab import call, outcome, send

PORT = 18019
RESET_TIMEOUT = 2.0
store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)
SYMBOL = "".join(RANDOM.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(RANDOM.randint(3, 5)))
QUOTE = {"symbol": SYMBOL, "price": RANDOM.randint(100, 99999) / 100}


class Api:
    def __init__(self):
        self.mode = "up"
        self.calls = 0
        self.lock = threading.Lock()


api = Api()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        with api.lock:
            api.calls += 1
        symbol = self.path.rsplit("/", 1)[-1]
        if api.mode == "down":
            self._send(503, {"error": "maintenance"})
        elif symbol != SYMBOL:
            self._send(404, {"error": f"unknown symbol {symbol}"})
        else:
            self._send(200, QUOTE)

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Site(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default listen backlog (5) drops connections when many arrive at once


@pytest.fixture(scope="module", autouse=True)
def server():
    httpd = Site(("127.0.0.1", PORT), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def fresh():
    """Every test starts with a closed breaker and a healthy API."""
    for key in store.scan_iter("breaker:*"):
        store.delete(key)
    api.mode, api.calls = "up", 0


def price(queue="alpha", symbol=SYMBOL):
    """(outcome, value): ("ok", result) or the name of the exception the task failed with."""
    done = outcome(send("tasks.get_price", symbol, queue=queue))
    return ("ok", done.value) if done.succeeded else (done.error_type, done.error_message)


def state(queue="alpha"):
    return call("tasks.circuit_state", queue=queue)["state"]


def trip(queue="alpha"):
    api.mode = "down"
    outcomes = [price(queue)[0] for _ in range(3)]
    assert outcomes == ["ServiceUnavailable"] * 3, f"with the API down, the first 3 calls should reach it and fail with ServiceUnavailable: {outcomes}"


def test_a_healthy_api_returns_the_price():
    assert price() == ("ok", QUOTE), f"the API quotes {QUOTE} (seed {SEED})"
    assert api.calls == 1


def test_failures_below_the_threshold_keep_the_circuit_closed():
    api.mode = "down"
    assert [price()[0] for _ in range(2)] == ["ServiceUnavailable"] * 2
    assert api.calls == 2
    assert state() == "closed", "2 failures are below the threshold of 3: the circuit stays closed"


def test_the_third_failure_opens_the_circuit():
    trip()
    assert state() == "open"


def test_an_open_circuit_fails_fast_without_calling_the_api():
    trip()
    outcomes = [price()[0] for _ in range(3)]
    assert outcomes == ["CircuitOpenError"] * 3, f"while open, calls must fail with CircuitOpenError: {outcomes}"
    assert api.calls == 3, f"the API must not be called while the circuit is open (it was called {api.calls - 3} more times)"


def test_the_open_circuit_is_shared_by_every_worker():
    trip(queue="alpha")
    assert price(queue="beta")[0] == "CircuitOpenError", (
        "the breaker opened in worker alpha, but worker beta still called the API: keep its state in Redis, not in memory")
    assert state(queue="beta") == "open"
    assert api.calls == 3


def test_after_the_reset_timeout_a_successful_trial_call_closes_the_circuit():
    trip()
    api.mode = "up"
    time.sleep(RESET_TIMEOUT + 0.3)
    assert state() == "half-open", f"{RESET_TIMEOUT} s after opening, the circuit is half-open"
    assert price() == ("ok", QUOTE), "the trial call should reach the API and succeed"
    assert state() == "closed" and api.calls == 4


def test_a_failed_trial_call_opens_the_circuit_again():
    trip()
    time.sleep(RESET_TIMEOUT + 0.3)
    assert price()[0] == "ServiceUnavailable", "after the reset timeout one trial call goes to the API (still down)"
    assert api.calls == 4
    assert price()[0] == "CircuitOpenError", "a failed trial call must open the circuit again at once"
    assert api.calls == 4


def test_unknown_symbols_do_not_count_as_failures():
    outcomes = [price(symbol=SYMBOL + "X")[0] for _ in range(4)]
    assert outcomes == ["UnknownSymbol"] * 4, f"unknown symbols fail with UnknownSymbol: {outcomes}"
    assert state() == "closed", "an UnknownSymbol means the API works: it must not open the circuit"
    assert price()[0] == "ok"


def test_a_success_resets_the_failure_count():
    api.mode = "down"
    price(), price()
    api.mode = "up"
    assert price()[0] == "ok"
    api.mode = "down"
    price(), price()
    assert state() == "closed", "2 failures, a success, 2 failures: the success reset the count, so the circuit stays closed"
    price()
    assert state() == "open", "a 3rd failure in a row after the success must open the circuit"
