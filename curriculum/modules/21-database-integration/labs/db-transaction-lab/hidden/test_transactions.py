"""Hidden tests, module 21 transaction lab.

Every test sets up its own products (fresh SKUs) with the given restock task and uses fresh order
refs, then looks at the database through the given get_order/get_stock tasks and at the payment
gateway's own books (payments:charges:<ref> in Redis, outside the learner's transaction).
"""
import os
import uuid

import redis

from coursebot_lab import call, outcome, send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)


def fresh(prefix="o"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def product(price_cents, stock):
    sku = fresh("sku")
    call("tasks.restock", sku, price_cents, stock)
    return sku


def charges(ref):
    return int(store.get(f"payments:charges:{ref}") or 0)


def place(ref, items, timeout=15):
    """("ok", result) or (exception class name, message)."""
    done = outcome(send("tasks.place_order", ref, items), timeout=timeout)
    return ("ok", done.value) if done.succeeded else (done.error_type, done.error_message)


def test_an_order_is_saved_with_its_lines_and_total():
    a, b = product(250, 10), product(100, 5)
    ref = fresh()
    outcome, value = place(ref, [{"sku": a, "qty": 2}, {"sku": b, "qty": 3}])
    assert outcome == "ok", f"place_order failed: {value}"
    assert value.get("ref") == ref and value.get("total_cents") == 800 and value.get("created") is True, value
    order = call("tasks.get_order", ref)
    assert order and order["id"] == value["order_id"] and order["total_cents"] == 800, order
    assert sorted((line["sku"], line["qty"]) for line in order["lines"]) == sorted([(a, 2), (b, 3)]), order["lines"]
    assert call("tasks.get_stock", a) == 8 and call("tasks.get_stock", b) == 2, "stock should drop by the ordered quantities"
    assert charges(ref) == 1, f"the order should be charged once, the gateway saw {charges(ref)} charges"


def test_an_item_out_of_stock_rolls_the_whole_order_back():
    a, b = product(250, 10), product(100, 1)
    ref = fresh()
    outcome, value = place(ref, [{"sku": a, "qty": 2}, {"sku": b, "qty": 5}])
    assert outcome == "OutOfStock", f"ordering 5 of an item with 1 in stock should fail with OutOfStock, got {outcome}: {value}"
    assert call("tasks.get_order", ref) is None, "a failed order must leave no order row behind"
    assert call("tasks.get_stock", a) == 10, f"the first item's stock must be restored by the rollback: {call('tasks.get_stock', a)} of 10 left"
    assert call("tasks.get_stock", b) == 1
    assert charges(ref) == 0, "nobody may be charged for an order that could not be filled: charge last"


def test_placing_the_same_order_twice_creates_and_charges_it_once():
    a = product(300, 10)
    ref = fresh()
    first = place(ref, [{"sku": a, "qty": 1}])
    second = place(ref, [{"sku": a, "qty": 1}])
    assert first[0] == "ok" and second[0] == "ok", f"both calls should succeed: {first}, {second}"
    assert second[1].get("order_id") == first[1].get("order_id"), f"the second call should return the same order: {first[1]}, {second[1]}"
    assert second[1].get("created") is False, f"the second call should say created: False: {second[1]}"
    assert call("tasks.get_stock", a) == 9, "the stock should drop once"
    assert charges(ref) == 1, f"the customer was charged {charges(ref)} times for one order"


def test_a_payment_timeout_is_retried_without_duplicate_writes():
    a = product(120, 10)
    ref = fresh("flaky")
    outcome, value = place(ref, [{"sku": a, "qty": 4}])
    assert outcome == "ok", f"the gateway times out once for {ref}: retry PaymentTimeout and the order goes through; got {outcome}: {value}"
    assert charges(ref) == 2, f"expected the failed charge and the retried one, the gateway saw {charges(ref)}"
    order = call("tasks.get_order", ref)
    assert order and [(line["qty"]) for line in order["lines"]] == [4], f"one order with one line expected after the retry: {order}"
    assert call("tasks.get_stock", a) == 6, "the first attempt's stock change must have been rolled back before the retry"


def test_the_confirmation_is_sent_after_commit_with_the_order_total():
    a = product(199, 10)
    ref = fresh()
    outcome, value = place(ref, [{"sku": a, "qty": 3}])
    assert outcome == "ok", value
    order = wait_until(lambda: (lambda o: o if o and o["confirmation"] else None)(call("tasks.get_order", ref)), timeout=5)
    assert order is not None, "no confirmation was recorded for the order within 5 s"
    assert order["confirmation"]["total_cents"] == 597, (
        f"the confirmation saw a total of {order['confirmation']['total_cents']} instead of 597: "
        "send it after the commit, when the whole order is visible")


def test_concurrent_orders_never_oversell():
    a = product(500, 5)
    results = [send("tasks.place_order", fresh(), [{"sku": a, "qty": 1}]) for _ in range(12)]
    outcomes = []
    for result in results:
        done = outcome(result, timeout=30)
        outcomes.append("ok" if done.succeeded else done.error_type)
    stock = call("tasks.get_stock", a)
    assert outcomes.count("ok") == 5 and outcomes.count("OutOfStock") == 7, (
        f"12 concurrent orders for 5 items in stock: expected 5 ok and 7 OutOfStock, got {sorted(outcomes)} (stock now {stock})")
    assert stock == 0, f"stock should end at 0, it is {stock}"
