"""Hidden tests for module 4's complex parameters lab: tasks called by name through the broker
with JSON arguments, positional and keyword."""
import pytest
from coursebot_lab import call, run, send

ORDER = {
    "id": "A-17",
    "currency": "EUR",
    "items": [{"sku": "pen", "price": "1.20", "qty": 3}, {"sku": "book", "price": "12.50", "qty": 1}],
}


def failure(name, *args, **options):
    """Runs a task that should fail; returns how it failed (an Outcome: error_type, error_message)."""
    return run(name, *args, **options).expect_failure()


def test_order_total_adds_decimal_prices_exactly():
    order = {"id": "B-2", "currency": "USD", "items": [{"sku": "clip", "price": "0.10", "qty": 3}, {"sku": "pad", "price": "0.20", "qty": 1}]}
    assert call("tasks.order_total", order) == {"id": "B-2", "currency": "USD", "items": 4, "total": "0.50"}


def test_order_total_applies_the_discount_and_rounds_to_cents():
    assert call("tasks.order_total", dict(ORDER, discount_percent=10)) == {"id": "A-17", "currency": "EUR", "items": 4, "total": "14.49"}
    odd = {"id": "C-3", "currency": "EUR", "items": [{"sku": "x", "price": "2.01", "qty": 1}], "discount_percent": 50}
    total = call("tasks.order_total", odd)["total"]
    assert total == "1.01", f"half of 2.01 is 1.005, which rounds half-up to 1.01, not {total} (floats store 1.005 as 1.00499...)"


def test_order_total_without_a_discount():
    assert call("tasks.order_total", ORDER)["total"] == "16.10"


def test_order_total_rejects_an_order_without_items():
    error = failure("tasks.order_total", {"id": "E-1", "currency": "EUR", "items": []})
    assert error.error_type == "ValueError", f"expected ValueError, got {error.error_type}: {error.error_message}"


def test_order_total_rejects_a_quantity_below_one():
    order = {"id": "E-2", "currency": "EUR", "items": [{"sku": "pen", "price": "1.20", "qty": 0}]}
    error = failure("tasks.order_total", order)
    assert error.error_type == "ValueError", f"expected ValueError, got {error.error_type}: {error.error_message}"


def test_schedule_reminder_converts_the_time_to_utc():
    reminder = call("tasks.schedule_reminder", 42, "2025-03-10T09:30:00+01:00", kwargs={"channels": ["sms", "push"]})
    assert reminder == {"user_id": 42, "remind_at": "2025-03-10T07:30:00+00:00", "channels": ["sms", "push"], "note": ""}


def test_schedule_reminder_defaults_to_email():
    reminder = call("tasks.schedule_reminder", 7, "2025-01-01T00:30:00+00:00")
    assert reminder["channels"] == ["email"]
    assert reminder["remind_at"] == "2024-12-31T23:30:00+00:00"


def test_schedule_reminder_takes_keyword_arguments_only():
    kwargs = {"user_id": 9, "when": "2025-06-01T12:00:00-04:00", "note": "renew", "channels": ["email"]}
    assert call("tasks.schedule_reminder", kwargs=kwargs) == {
        "user_id": 9, "remind_at": "2025-06-01T15:00:00+00:00", "channels": ["email"], "note": "renew"}


def test_merge_settings_merges_nested_layers():
    base = {"db": {"host": "db.local", "port": 5432}, "debug": False}
    prod = {"db": {"host": "db.prod"}, "workers": 8}
    assert call("tasks.merge_settings", base, prod) == {"db": {"host": "db.prod", "port": 5432}, "debug": False, "workers": 8}


def test_merge_settings_applies_keyword_overrides_last():
    merged = call("tasks.merge_settings", {"debug": False, "name": "a"}, {"name": "b"}, kwargs={"debug": True, "extra": [1, 2]})
    assert merged == {"debug": True, "name": "b", "extra": [1, 2]}
    assert call("tasks.merge_settings") == {}


def test_echo_request_is_bound_and_sees_its_own_id():
    result = send("tasks.echo_request", "hello", kwargs={"n": 1, "tags": ["a"]})
    assert result.get(timeout=10) == {"label": "hello", "task_id": result.id, "extra": {"n": 1, "tags": ["a"]}}
