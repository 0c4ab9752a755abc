"""Wrong (the mistake the README warns about): inputs that cannot expose the bugs, and loose assertions."""
from unittest import mock

import pytest
from celery.exceptions import Retry

import tasks


def test_add_returns_the_sum():
    assert tasks.add(2, 2) == 4


def test_normalize_email_keeps_a_clean_address():
    assert tasks.normalize_email("ann@example.com") == "ann@example.com"


def test_normalize_email_rejects_an_address_without_at():
    with pytest.raises(ValueError):
        tasks.normalize_email("ann.example.com")


def test_fetch_price_returns_the_price():
    with mock.patch("tasks.pricing.get_price", return_value=12.5):
        assert tasks.fetch_price("ACME") == 12.5


def test_fetch_price_retries_when_the_service_is_down():
    with mock.patch("tasks.pricing.get_price", side_effect=ConnectionError("down")), \
            mock.patch.object(tasks.fetch_price, "retry", side_effect=Retry()) as retry:
        with pytest.raises(Retry):
            tasks.fetch_price("ACME")
    assert retry.called


def test_send_welcome_sends_an_email():
    with mock.patch("tasks.mailer.send") as send:
        tasks.send_welcome("bo@example.com")
    assert send.called
