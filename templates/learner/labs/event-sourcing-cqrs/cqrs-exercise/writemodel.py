"""The write side's event log, as the read side sees it (provided: do not change it).

The write model appends each account's events to a Redis list, cqrs-lab:log:<account id>, in
version order (element 0 is version 1), and only then publishes each one to cqrs.project. Events
look like {"aggregate_id": "a1", "version": 3, "type": "MoneyDeposited", "data": {"amount": 5}}.
"""
import json
import os

import redis

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


def read_log(account_id, after_version=0):
    """The account's events with a version above `after_version`, in version order."""
    return [json.loads(e) for e in store.lrange(f"cqrs-lab:log:{account_id}", after_version, -1)]


def append(account_id, type_, data):
    """What the write side does (you need it only to try things out): appends the next event."""
    version = store.llen(f"cqrs-lab:log:{account_id}") + 1
    event = {"aggregate_id": account_id, "version": version, "type": type_, "data": data}
    store.rpush(f"cqrs-lab:log:{account_id}", json.dumps(event))
    return event
