"""Wrong: no mocks; the tests let the tasks reach the real price service and mailer and expect their errors."""
import pytest

import tasks


def test_add_returns_the_sum():
    assert tasks.add(2, 3) == 5
    assert tasks.add(-4, 1) == -3


def test_normalize_email_strips_and_lowercases():
    assert tasks.normalize_email("  Ann@Example.COM ") == "ann@example.com"


@pytest.mark.parametrize("address", ["ann.example.com", "ann@"])
def test_normalize_email_rejects_an_invalid_address(address):
    with pytest.raises(ValueError):
        tasks.normalize_email(address)


def test_fetch_price_asks_the_service_for_the_symbol():
    with pytest.raises(RuntimeError, match="get_price\\('ACME'\\)"):
        tasks.fetch_price("ACME")


def test_send_welcome_mails_the_normalized_address():
    with pytest.raises(RuntimeError, match="send\\('bo@example.com'"):
        tasks.send_welcome(" Bo@Example.com")
