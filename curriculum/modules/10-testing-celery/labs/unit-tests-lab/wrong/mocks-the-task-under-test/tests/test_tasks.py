"""Wrong: every test mocks the task it claims to test, so it checks only the mock's return value."""
from unittest import mock

import pytest

import tasks


def test_add_returns_the_sum():
    assert tasks.add(2, 3) == 5


def test_normalize_email_strips_and_lowercases():
    with mock.patch("tasks.normalize_email", return_value="ann@example.com") as normalize:
        assert tasks.normalize_email("  Ann@Example.COM ") == "ann@example.com"
    normalize.assert_called_once()


def test_normalize_email_rejects_an_invalid_address():
    with mock.patch("tasks.normalize_email", side_effect=ValueError("bad")):
        with pytest.raises(ValueError):
            tasks.normalize_email("ann.example.com")


def test_fetch_price_rounds_to_two_places():
    with mock.patch("tasks.fetch_price", return_value=12.35):
        assert tasks.fetch_price("ACME") == 12.35


def test_fetch_price_retries_in_5_seconds():
    with mock.patch("tasks.fetch_price") as fetch:
        fetch.retry(exc=ConnectionError("down"), countdown=5)
    fetch.retry.assert_called_once()


def test_send_welcome_mails_the_normalized_address():
    with mock.patch("tasks.send_welcome", return_value="bo@example.com"), mock.patch("tasks.mailer.send") as send:
        assert tasks.send_welcome(" Bo@Example.com") == "bo@example.com"
    assert send.call_count == 0
