"""The payment gateway client. Given: you do not need to change this file.

The gateway keeps its own books, outside your database transaction: a charge cannot be rolled back by
your rollback. Its address is in Redis (the one at CELERY_BROKER_URL) at the key payments:gateway; the
grader serves a gateway there. Without that key, a local stand-in counts charges in Redis at
payments:charges:<order ref> so that you can try your code (orders whose ref starts with "flaky-" time
out on their first charge there). Like a real gateway, it takes a moment to answer.
"""
import json
import os
import time
import urllib.error
import urllib.request

import redis

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
GATEWAY_KEY = "payments:gateway"
LATENCY = 0.2
_client = None


class PaymentTimeout(Exception):
    """The gateway did not answer in time: transient, retry later."""


def client():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(BROKER_URL)
    return _client


def charge(ref, amount_cents):
    """Charges the customer of order `ref`; returns the gateway's charge id or raises PaymentTimeout."""
    gateway = client().get(GATEWAY_KEY)
    if gateway is None:
        return _local_charge(ref)
    request = urllib.request.Request(
        gateway.decode() + "/charge", data=json.dumps({"ref": ref, "amount_cents": amount_cents}).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())["charge_id"]
    except urllib.error.HTTPError as error:
        if error.code == 504:
            raise PaymentTimeout(f"gateway timed out charging order {ref}") from None
        raise


def _local_charge(ref):
    attempts = client().incr(f"payments:charges:{ref}")
    time.sleep(LATENCY)
    if ref.startswith("flaky-") and attempts == 1:
        raise PaymentTimeout(f"gateway timed out charging order {ref}")
    return f"charge-{ref}-{attempts}"
