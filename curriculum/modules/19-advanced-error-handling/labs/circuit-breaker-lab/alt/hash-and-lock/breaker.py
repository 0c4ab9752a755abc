"""Alternative solution: module 19 circuit breaker. One Redis hash per breaker (failures, opened_at),
updated in a MULTI/EXEC pipeline; the half-open trial slot is a lock key with a millisecond expiry."""
import os
import time

import redis

import pricing

THRESHOLD = 3
COOL_DOWN = 2.0


class CircuitOpenError(RuntimeError):
    def __init__(self, name, retry_after):
        super().__init__(name, retry_after)
        self.name = name
        self.retry_after = retry_after

    def __str__(self):
        return "circuit %r is open (%.1f s left)" % (self.name, self.retry_after)


class CircuitBreaker:
    def __init__(self, name, failure_threshold=THRESHOLD, reset_timeout=COOL_DOWN):
        self.name = name
        self.threshold = failure_threshold
        self.cool_down = reset_timeout
        self.hash_key = "breaker:%s:state" % name
        self.lock_key = "breaker:%s:trial-lock" % name
        self._client = {}

    def _db(self):
        pid = os.getpid()
        if pid not in self._client:
            self._client[pid] = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
        return self._client[pid]

    def _read(self):
        data = self._db().hgetall(self.hash_key)
        opened = data.get(b"opened_at")
        return int(data.get(b"failures", 0)), (float(opened) if opened else None)

    def state(self):
        _, opened = self._read()
        if opened is None:
            return "closed"
        return "half-open" if time.time() - opened >= self.cool_down else "open"

    def failures(self):
        return self._read()[0]

    def _trip(self):
        self._db().pipeline().hset(self.hash_key, "opened_at", time.time()).delete(self.lock_key).execute()

    def call(self, func, *args, **kwargs):
        _, opened = self._read()
        on_trial = False
        if opened is not None:
            left = opened + self.cool_down - time.time()
            if left > 0 or not self._db().set(self.lock_key, "1", nx=True, px=int(self.cool_down * 5000)):
                raise CircuitOpenError(self.name, max(left, 0.0))
            on_trial = True
        try:
            value = func(*args, **kwargs)
        except pricing.ServiceUnavailable:
            count = self._db().hincrby(self.hash_key, "failures", 1)
            if on_trial or count >= self.threshold:
                self._trip()
            raise
        except Exception:
            if on_trial:
                self._db().delete(self.lock_key)
            raise
        self._db().delete(self.hash_key, self.lock_key)
        return value
