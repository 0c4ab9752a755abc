"""The payment gateway (simulated). Given: you do not need to change this file.

Every charge is counted in Redis (payments:charges:<order ref>), outside your database transaction,
just as a real gateway keeps its own books: a charge cannot be rolled back by your rollback.
Orders whose ref starts with "flaky-" time out on their first charge. Like a real gateway, it takes a
moment to answer (LATENCY seconds).
"""
import os
import time

import redis

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
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
    attempts = client().incr(f"payments:charges:{ref}")
    time.sleep(LATENCY)
    if ref.startswith("flaky-") and attempts == 1:
        raise PaymentTimeout(f"gateway timed out charging order {ref}")
    return f"charge-{ref}-{attempts}"
