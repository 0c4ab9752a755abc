"""Integration tests: the real pipeline through a real (embedded) worker (module 10 exercise)."""
from unittest import mock  # noqa: F401

import pytest  # noqa: F401

import tasks  # noqa: F401

# The worker runs in a thread of this process, so mock.patch(...) in a test also applies to the
# tasks it runs. Give every .get() a timeout.

# TODO 9: tasks.place_order(order) returns the order id through the worker, after reserving,
#         charging (for 13.0) and mailing the receipt (assert on the mocks).
# TODO 10: an out-of-stock order fails with tasks.OutOfStock, and is never charged nor receipted.
