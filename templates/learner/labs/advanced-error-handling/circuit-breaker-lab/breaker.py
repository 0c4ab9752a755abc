"""A circuit breaker whose state lives in Redis, shared by every worker process (module 19 lab).

States:
  closed     calls go through; each ServiceUnavailable counts as a failure, a success resets the count;
             FAILURE_THRESHOLD failures in a row open the circuit.
  open       calls fail at once with CircuitOpenError, without touching the API, until RESET_TIMEOUT
             seconds have passed since the circuit opened.
  half-open  after RESET_TIMEOUT one trial call goes through: success closes the circuit, failure
             opens it again for another RESET_TIMEOUT.

Only ServiceUnavailable counts: UnknownSymbol means the API is healthy, so it passes through and
leaves the breaker alone.

Keep the state in Redis (the one at CELERY_BROKER_URL) under keys that start with "breaker:<name>:",
because prefork children and other workers share no memory.
"""
import os

import redis  # noqa: F401

from pricing import ServiceUnavailable  # noqa: F401

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
FAILURE_THRESHOLD = 3
RESET_TIMEOUT = 2.0  # seconds


class CircuitOpenError(Exception):
    """Raised instead of calling the dependency while the circuit is open."""

    def __init__(self, name, retry_after):
        super().__init__(name, retry_after)  # every argument to super(), so Celery can rebuild it
        self.name = name
        self.retry_after = retry_after

    def __str__(self):
        return f"circuit {self.name!r} is open; retry in {self.retry_after:.1f} s"


class CircuitBreaker:
    def __init__(self, name, failure_threshold=FAILURE_THRESHOLD, reset_timeout=RESET_TIMEOUT):
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout

    def state(self):
        """'closed', 'open' or 'half-open', read from Redis."""
        # TODO 1: read the failure count and the time the circuit opened from Redis.
        return "closed"

    def failures(self):
        """Failures counted since the last success."""
        # TODO 2
        return 0

    def call(self, func, *args, **kwargs):
        """Call func through the breaker."""
        # TODO 3: while open, raise CircuitOpenError(self.name, seconds_left) without calling func.
        # TODO 4: when half-open, let exactly one caller through (SET ... NX is an atomic "first wins").
        # TODO 5: on ServiceUnavailable count a failure and open the circuit at the threshold (or at
        #         once after a failed trial call), then re-raise; on success reset and close.
        return func(*args, **kwargs)
