"""Hidden tests for module 34's webhook exercise, outbound side.

A small HTTP receiver runs here, on loopback, and answers with a scripted series of status codes;
the learner's worker delivers to it with webhooks.tasks.deliver_webhook. The receiver records
every request, so the tests can check signatures, delivery ids, retries and when they stop.
"""
import hashlib
import hmac
import http.server
import json
import threading
import time
import uuid

import pytest
from coursebot_lab import registered, send

SECRET = b"whsec-module-34-exercise"  # the default WEBHOOK_SECRET in proj/settings.py


class Receiver:
    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.requests = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.requests.append({"headers": {k.lower(): v for k, v in self.headers.items()}, "body": body, "at": time.monotonic()})
                code = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made = []

    def make(*statuses):
        made.append(Receiver(statuses))
        return made[-1]

    yield make
    for r in made:
        r.close()


def event():
    return {"type": "invoice.paid", "data": {"invoice": uuid.uuid4().hex[:8], "amount": 1250}}


def signature_ok(request):
    expected = "sha256=" + hmac.new(SECRET, request["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request["headers"].get("x-webhook-signature", ""))


def outcome(result, timeout):
    try:
        return "success", result.get(timeout=timeout)
    except Exception as error:  # the task's own failure, re-raised here
        return "failure", error


def test_the_webhook_tasks_are_registered():
    assert {"webhooks.tasks.deliver_webhook", "webhooks.tasks.process_event"} <= registered()


def test_a_delivery_is_signed_json_with_a_delivery_id(receiver):
    hook, sent = receiver(200), event()
    kind, value = outcome(send("webhooks.tasks.deliver_webhook", hook.url, sent), 10)
    assert (kind, value) == ("success", {"status": 200, "attempts": 1})
    (request,) = hook.requests
    assert json.loads(request["body"]) == sent
    assert request["headers"].get("content-type", "").startswith("application/json")
    assert signature_ok(request), "X-Webhook-Signature is not sha256=<HMAC-SHA256 of the body with WEBHOOK_SECRET>"
    assert request["headers"].get("x-webhook-delivery"), "no X-Webhook-Delivery header"


def test_a_server_error_is_retried_with_the_same_delivery_id(receiver):
    hook = receiver(503, 502, 200)
    kind, value = outcome(send("webhooks.tasks.deliver_webhook", hook.url, event()), 15)
    assert (kind, value) == ("success", {"status": 200, "attempts": 3}), f"{len(hook.requests)} requests"
    assert len({r["headers"].get("x-webhook-delivery") for r in hook.requests}) == 1, "each retry must keep the delivery id"
    assert len({r["body"] for r in hook.requests}) == 1 and all(signature_ok(r) for r in hook.requests)


def test_a_client_error_is_not_retried(receiver):
    hook = receiver(400)
    kind, _ = outcome(send("webhooks.tasks.deliver_webhook", hook.url, event()), 10)
    time.sleep(1.5)  # a retry would arrive within this time
    assert kind == "failure", "a delivery the receiver refused (400) should fail the task"
    assert len(hook.requests) == 1, f"a 400 was retried: {len(hook.requests)} requests"


def test_delivery_gives_up_after_three_retries_with_growing_delays(receiver):
    hook = receiver(500)
    kind, _ = outcome(send("webhooks.tasks.deliver_webhook", hook.url, event()), 20)
    time.sleep(1.0)
    assert kind == "failure"
    assert len(hook.requests) == 4, f"expected 1 attempt and 3 retries, got {len(hook.requests)} requests"
    gaps = [b["at"] - a["at"] for a, b in zip(hook.requests, hook.requests[1:])]
    assert sum(gaps) <= 8, f"retry delays too long for retry_backoff=1, retry_backoff_max=2: {gaps}"
