"""Reference solution: a Redis-backed circuit breaker shared by every worker process (module 19 lab)."""
import os
import time

import redis

from pricing import ServiceUnavailable

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
FAILURE_THRESHOLD = 3
RESET_TIMEOUT = 2.0  # seconds


class CircuitOpenError(Exception):
    """Raised instead of calling the dependency while the circuit is open."""

    def __init__(self, name, retry_after):
        super().__init__(name, retry_after)
        self.name = name
        self.retry_after = retry_after

    def __str__(self):
        return f"circuit {self.name!r} is open; retry in {self.retry_after:.1f} s"


class CircuitBreaker:
    def __init__(self, name, failure_threshold=FAILURE_THRESHOLD, reset_timeout=RESET_TIMEOUT):
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout
        self._redis = None
        prefix = f"breaker:{name}:"
        self.failures_key, self.opened_key, self.trial_key = prefix + "failures", prefix + "opened_at", prefix + "trial"

    @property
    def redis(self):
        if self._redis is None:  # lazily, so each worker process opens its own connection
            self._redis = redis.Redis.from_url(BROKER_URL)
        return self._redis

    def _opened_at(self):
        value = self.redis.get(self.opened_key)
        return float(value) if value is not None else None

    def state(self):
        opened_at = self._opened_at()
        if opened_at is None:
            return "closed"
        return "open" if time.time() < opened_at + self.reset_timeout else "half-open"

    def failures(self):
        return int(self.redis.get(self.failures_key) or 0)

    def call(self, func, *args, **kwargs):
        trial = False
        opened_at = self._opened_at()
        if opened_at is not None:
            remaining = opened_at + self.reset_timeout - time.time()
            if remaining > 0:
                raise CircuitOpenError(self.name, remaining)
            # Half-open: the first caller to take the trial slot calls; everyone else still fails fast.
            if not self.redis.set(self.trial_key, 1, nx=True, ex=max(1, int(self.reset_timeout * 5))):
                raise CircuitOpenError(self.name, self.reset_timeout)
            trial = True

        try:
            result = func(*args, **kwargs)
        except Exception:
            failures = self.redis.incr(self.failures_key)
            if trial or failures >= self.failure_threshold:
                pipe = self.redis.pipeline()
                pipe.set(self.opened_key, repr(time.time()))
                pipe.delete(self.trial_key)
                pipe.execute()
            raise

        self.redis.delete(self.failures_key, self.opened_key, self.trial_key)
        return result
