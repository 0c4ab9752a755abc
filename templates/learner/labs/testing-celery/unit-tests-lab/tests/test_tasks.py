"""Unit tests for tasks.py (module 10 lab). See README.md in the lab folder.

Run them with: python3 -m pytest -q tests      (from the lab folder)
No broker and no worker are needed: calling a task like a function runs it right here.
"""
from unittest import mock  # noqa: F401

import pytest  # noqa: F401
from celery.exceptions import Retry  # noqa: F401

import tasks  # noqa: F401


def test_add_returns_the_sum():
    assert tasks.add(2, 3) == 5


# TODO 1: normalize_email strips the spaces around an address and lower-cases it.
# TODO 2: normalize_email raises ValueError for an address without "@" (and one without a domain).
# TODO 3: fetch_price returns the price rounded to 2 places, with pricing.get_price mocked;
#         assert the mock was called with the symbol.
# TODO 4: when pricing.get_price raises ConnectionError, fetch_price retries in 5 seconds: patch
#         tasks.fetch_price.retry to raise Retry, expect Retry, and check how retry was called.
# TODO 5: send_welcome sends exactly one e-mail (mailer.send mocked), to the normalized address,
#         and returns that address.
