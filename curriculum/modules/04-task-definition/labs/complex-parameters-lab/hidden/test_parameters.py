"""Hidden tests for module 4's complex parameters lab: tasks called by name through the broker
with JSON arguments, positional and keyword. Besides the README's examples, every task also gets
inputs drawn per run from COURSEBOT_SEED (reported in failures): money amounts chosen so that float
arithmetic rounds at least one of them wrong (the behaviour the old `Decimal(` regex stood for), time
zones, nested settings. Expected values are computed here with Decimal and datetime."""
import os
import random
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

from coursebot_lab import call, outcome, run, send

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)

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
    assert outcome(result).expect_success() == {"label": "hello", "task_id": result.id, "extra": {"n": 1, "tags": ["a"]}}
    label, extra = f"l-{RNG.randrange(10**6)}", {f"k{RNG.randrange(100)}": RNG.randrange(10**6)}
    result = send("tasks.echo_request", label, kwargs=extra)
    assert outcome(result).expect_success() == {"label": label, "task_id": result.id, "extra": extra}, f"seed {SEED}"


def expected_total(items, discount):
    subtotal = sum((Decimal(price) * qty for price, qty in items), Decimal(0))
    return str((subtotal * (100 - Decimal(discount)) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def float_total(items, discount):
    return f"{round(sum(float(price) * qty for price, qty in items) * (100 - discount) / 100, 2):.2f}"


def random_orders():
    """Orders with 1-4 items and a discount, at least one of which a float implementation gets wrong."""
    orders, float_wrong = [], False
    while len(orders) < 4 or not float_wrong:
        items = [(f"{RNG.randint(0, 99)}.{RNG.randint(0, 99):02d}", RNG.randint(1, 9)) for _ in range(RNG.randint(1, 4))]
        discount = RNG.choice([0, 5, 10, 15, 25, 50, 33])
        wrong = float_total(items, discount) != expected_total(items, discount)
        if len(orders) >= 4 and not wrong:
            continue
        float_wrong = float_wrong or wrong
        orders.append((items, discount))
    return orders


def test_order_total_is_exact_on_random_orders():
    for n, (items, discount) in enumerate(random_orders()):
        order = {"id": f"R-{n}", "currency": RNG.choice(["EUR", "USD", "GBP"]),
                 "items": [{"sku": f"s{i}", "price": price, "qty": qty} for i, (price, qty) in enumerate(items)]}
        if discount:
            order["discount_percent"] = discount
        want = {"id": order["id"], "currency": order["currency"], "items": sum(q for _, q in items),
                "total": expected_total(items, discount)}
        got = call("tasks.order_total", order)
        assert got == want, f"order_total({order}) returned {got}, expected {want} (seed {SEED})"


def test_schedule_reminder_on_random_times():
    for _ in range(3):
        offset = timedelta(minutes=RNG.choice([-600, -300, -210, 0, 60, 330, 540, 780]))
        moment = datetime(2025, RNG.randint(1, 12), RNG.randint(1, 28), RNG.randint(0, 23), RNG.choice([0, 15, 30, 45]),
                          tzinfo=timezone(offset))
        user, note = RNG.randint(1, 10**6), f"n{RNG.randrange(1000)}"
        want = {"user_id": user, "remind_at": (moment - timedelta(hours=1)).astimezone(timezone.utc).isoformat(),
                "channels": ["push"], "note": note}
        got = call("tasks.schedule_reminder", user, moment.isoformat(), kwargs={"note": note, "channels": ["push"]})
        assert got == want, f"schedule_reminder({user}, {moment.isoformat()!r}) returned {got}, expected {want} (seed {SEED})"


def test_merge_settings_on_random_layers():
    depth_key, inner = f"k{RNG.randrange(100)}", {f"a{RNG.randrange(10)}": RNG.randrange(100)}
    base = {depth_key: dict(inner, keep=RNG.randrange(100)), "x": RNG.randrange(100)}
    change = {depth_key: {"new": {"deep": RNG.randrange(100)}}, "y": [RNG.randrange(100)]}
    last = {depth_key: {"new": {"deeper": True}}}
    want = {depth_key: dict(base[depth_key], new={"deep": change[depth_key]["new"]["deep"], "deeper": True}),
            "x": base["x"], "y": change["y"], "z": "last"}
    got = call("tasks.merge_settings", base, change, last, kwargs={"z": "last"})
    assert got == want, f"merge_settings returned {got}, expected {want} (seed {SEED})"
