"""Reference solution: module 10, unit tests lab."""
from unittest import mock

import pytest
from celery.exceptions import Retry

import tasks


def test_add_returns_the_sum():
    assert tasks.add(2, 3) == 5


def test_add_with_negative_numbers():
    assert tasks.add(-4, 1) == -3


def test_normalize_email_strips_and_lowercases():
    assert tasks.normalize_email("  Ann@Example.COM ") == "ann@example.com"


@pytest.mark.parametrize("address", ["ann.example.com", "ann@", "@example.com", ""])
def test_normalize_email_rejects_an_invalid_address(address):
    with pytest.raises(ValueError):
        tasks.normalize_email(address)


def test_fetch_price_rounds_to_two_places():
    with mock.patch("tasks.pricing.get_price", return_value=12.3456) as get_price:
        assert tasks.fetch_price("ACME") == 12.35
    get_price.assert_called_once_with("ACME")


def test_fetch_price_retries_in_5_seconds_when_the_service_is_down():
    error = ConnectionError("down")
    with mock.patch("tasks.pricing.get_price", side_effect=error), \
            mock.patch.object(tasks.fetch_price, "retry", side_effect=Retry()) as retry:
        with pytest.raises(Retry):
            tasks.fetch_price("ACME")
    retry.assert_called_once_with(exc=error, countdown=5)


def test_send_welcome_mails_the_normalized_address():
    with mock.patch("tasks.mailer.send") as send:
        assert tasks.send_welcome(" Bo@Example.com") == "bo@example.com"
    send.assert_called_once()
    assert send.call_args.args[0] == "bo@example.com"
