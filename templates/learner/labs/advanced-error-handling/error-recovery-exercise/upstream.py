"""The partner system records are imported into. Given: you do not need to change this file.

It counts every attempt in Redis (recovery:attempts:<record id>), so you and the grader can see how
often a record was tried.
"""
import os

import redis

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
_client = None


def client():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(BROKER_URL)
    return _client


class TransientError(Exception):
    """The partner timed out or answered 503: trying again later may work."""


class PermanentError(Exception):
    """The record itself is wrong: trying again can never work."""


def store(record):
    """Import one record: {"id": "r1", "fail_times": 2, "valid": true}.

    An invalid record raises PermanentError. Otherwise the partner fails with TransientError on the
    first `fail_times` attempts (counted across retries and replays) and then accepts the record.
    """
    attempts = client().incr(f"recovery:attempts:{record['id']}")
    if not record.get("valid", True):
        raise PermanentError(f"record {record['id']} is invalid")
    if attempts <= record.get("fail_times", 0):
        raise TransientError(f"partner timed out on record {record['id']} (attempt {attempts})")
    client().sadd("recovery:imported", record["id"])
    return attempts
