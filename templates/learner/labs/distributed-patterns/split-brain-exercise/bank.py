"""A slow, non-idempotent payment provider (provided: do not change this file).

apply_charge takes a moment (a network call) and then moves money: calling it twice for one payment
charges the customer twice. The grader reads the account's balance and charge list from Redis:
`split-lab:balance:<account>` and `split-lab:charges:<account>`.
"""
import os
import time

import redis

ledger = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


def apply_charge(payment_id, account, amount):
    time.sleep(0.3)
    ledger.incrby(f"split-lab:balance:{account}", amount)
    ledger.rpush(f"split-lab:charges:{account}", payment_id)
