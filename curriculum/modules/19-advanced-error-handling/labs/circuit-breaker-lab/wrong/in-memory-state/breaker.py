"""A circuit breaker that keeps its state in the instance: each worker process has its own."""
import time

from pricing import ServiceUnavailable

FAILURE_THRESHOLD = 3
RESET_TIMEOUT = 2.0


class CircuitOpenError(Exception):
    def __init__(self, name, retry_after):
        super().__init__(name, retry_after)
        self.name, self.retry_after = name, retry_after

    def __str__(self):
        return f"circuit {self.name!r} is open; retry in {self.retry_after:.1f} s"


class CircuitBreaker:
    def __init__(self, name, failure_threshold=FAILURE_THRESHOLD, reset_timeout=RESET_TIMEOUT):
        self.name, self.failure_threshold, self.reset_timeout = name, failure_threshold, reset_timeout
        self.failure_count, self.opened_at = 0, None

    def state(self):
        if self.opened_at is None:
            return "closed"
        return "open" if time.time() < self.opened_at + self.reset_timeout else "half-open"

    def failures(self):
        return self.failure_count

    def call(self, func, *args, **kwargs):
        current = self.state()
        if current == "open":
            raise CircuitOpenError(self.name, self.opened_at + self.reset_timeout - time.time())
        try:
            result = func(*args, **kwargs)
        except ServiceUnavailable:
            self.failure_count += 1
            if current == "half-open" or self.failure_count >= self.failure_threshold:
                self.opened_at = time.time()
            raise
        self.failure_count, self.opened_at = 0, None
        return result
