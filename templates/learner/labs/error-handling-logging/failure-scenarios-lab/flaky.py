"""A stand-in for an unreliable service (module 9 lab). Nothing to change here.

call(key, failures) fails with ConnectionError the first `failures` times it is called for `key`,
and answers from then on. It counts the calls in Redis, so every worker process, and every retry,
sees the same count; you (and the grader) can read it: GET lab09:calls:<key>.
"""
import os

import redis

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


def call(key, failures):
    calls = store.incr(f"lab09:calls:{key}")
    store.expire(f"lab09:calls:{key}", 3600)
    if calls <= failures:
        raise ConnectionError(f"service unavailable (call {calls} for {key!r})")
    return 1.08
