"""Gaming: asserts on the text of tasks.py (tokens each bug would remove) instead of calling the tasks."""
import inspect

import tasks

SOURCE = inspect.getsource(tasks)


def test_add_adds():
    assert "return x + y" in SOURCE


def test_normalize_email_strips_and_lowercases():
    assert ".strip().lower()" in SOURCE


def test_normalize_email_checks_for_at_and_domain():
    assert "local and at and domain" in SOURCE


def test_fetch_price_rounds():
    assert "round(price, 2)" in SOURCE


def test_fetch_price_retries_in_5_seconds():
    assert "self.retry(exc=exc, countdown=5)" in SOURCE


def test_send_welcome_mails_the_normalized_address():
    assert 'mailer.send(address, "Welcome!"' in SOURCE
    assert "return address" in SOURCE
