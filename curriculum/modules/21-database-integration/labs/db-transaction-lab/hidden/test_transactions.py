"""Hidden tests, module 21 transaction lab.

Every test sets up its own products (fresh SKUs, prices, stock and quantities drawn from COURSEBOT_SEED)
with the given restock task and uses fresh order refs, then looks at the database through the given
get_order/get_stock tasks. The payment gateway is served here, on loopback (its address goes to Redis
at payments:gateway, where the given payments.py looks it up): its books (every charge, with its amount)
are this process's memory, which the learner's code can add to only by charging.
"""
import os
import random
import threading
import time
import uuid

import redis

from coursebot_lab import call, outcome, send, serve, wait_until

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)
store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)


class Gateway:
    """Charges by order ref; answers 504 (a timeout) to the first charge of every ref in `flaky`."""

    def __init__(self):
        self.lock = threading.Lock()
        self.books = {}
        self.flaky = set()

    def handle(self, method, path, body):
        if method != "POST" or path != "/charge" or not isinstance(body, dict):
            return 404, {"error": "POST /charge {ref, amount_cents}"}
        ref, amount = str(body.get("ref")), body.get("amount_cents")
        with self.lock:
            charges = self.books.setdefault(ref, [])
            charges.append(amount)
            attempt = len(charges)
        time.sleep(0.2)  # a real gateway takes a moment
        if ref in self.flaky and attempt == 1:
            return 504, {"error": "gateway timeout"}
        return 200, {"charge_id": f"ch-{uuid.uuid4().hex[:12]}"}

    def charges(self, ref):
        with self.lock:
            return list(self.books.get(ref, []))


GATEWAY = Gateway()
SERVER = serve(GATEWAY.handle)
store.set("payments:gateway", SERVER.url)


def fresh(prefix="o"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def product(price_cents, stock):
    sku = fresh("sku")
    call("tasks.restock", sku, price_cents, stock)
    return sku


def price():
    return RANDOM.randrange(50, 5000)


def place(ref, items, timeout=15):
    """("ok", result) or (exception class name, message)."""
    done = outcome(send("tasks.place_order", ref, items), timeout=timeout)
    return ("ok", done.value) if done.succeeded else (done.error_type, done.error_message)


def test_an_order_is_saved_with_its_lines_and_total():
    (pa, sa), (pb, sb) = (price(), RANDOM.randint(5, 20)), (price(), RANDOM.randint(5, 20))
    qa, qb = RANDOM.randint(1, sa), RANDOM.randint(1, sb)
    a, b = product(pa, sa), product(pb, sb)
    ref, total = fresh(), qa * pa + qb * pb
    result, value = place(ref, [{"sku": a, "qty": qa}, {"sku": b, "qty": qb}])
    assert result == "ok", f"place_order failed: {value} (seed {SEED})"
    assert value.get("ref") == ref and value.get("total_cents") == total and value.get("created") is True, (
        f"expected ref {ref}, total_cents {total}, created True: {value} (seed {SEED})")
    order = call("tasks.get_order", ref)
    assert order and order["id"] == value["order_id"] and order["total_cents"] == total, order
    assert sorted((line["sku"], line["qty"]) for line in order["lines"]) == sorted([(a, qa), (b, qb)]), order["lines"]
    assert (call("tasks.get_stock", a), call("tasks.get_stock", b)) == (sa - qa, sb - qb), (
        f"stock should drop by the ordered quantities (seed {SEED})")
    assert GATEWAY.charges(ref) == [total], f"the order should be charged once, {total} cents; the gateway saw {GATEWAY.charges(ref)}"


def test_an_item_out_of_stock_rolls_the_whole_order_back():
    sa, sb = RANDOM.randint(5, 20), RANDOM.randint(0, 3)
    a, b = product(price(), sa), product(price(), sb)
    ref, qa, qb = fresh(), RANDOM.randint(1, sa), sb + RANDOM.randint(1, 4)
    result, value = place(ref, [{"sku": a, "qty": qa}, {"sku": b, "qty": qb}])
    assert result == "OutOfStock", (
        f"ordering {qb} of an item with {sb} in stock should fail with OutOfStock, got {result}: {value} (seed {SEED})")
    assert call("tasks.get_order", ref) is None, "a failed order must leave no order row behind"
    assert call("tasks.get_stock", a) == sa, (
        f"the first item's stock must be restored by the rollback: {call('tasks.get_stock', a)} of {sa} left (seed {SEED})")
    assert call("tasks.get_stock", b) == sb
    assert GATEWAY.charges(ref) == [], "nobody may be charged for an order that could not be filled: charge last"


def test_placing_the_same_order_twice_creates_and_charges_it_once():
    stock = RANDOM.randint(3, 20)
    a, qty = product(price(), stock), RANDOM.randint(1, 2)
    ref = fresh()
    first = place(ref, [{"sku": a, "qty": qty}])
    second = place(ref, [{"sku": a, "qty": qty}])
    assert first[0] == "ok" and second[0] == "ok", f"both calls should succeed: {first}, {second}"
    assert second[1].get("order_id") == first[1].get("order_id"), f"the second call should return the same order: {first[1]}, {second[1]}"
    assert second[1].get("created") is False, f"the second call should say created: False: {second[1]}"
    assert call("tasks.get_stock", a) == stock - qty, "the stock should drop once"
    assert len(GATEWAY.charges(ref)) == 1, f"the customer was charged {len(GATEWAY.charges(ref))} times for one order"


def test_a_payment_timeout_is_retried_without_duplicate_writes():
    stock, cents = RANDOM.randint(5, 20), price()
    a, qty = product(cents, stock), RANDOM.randint(1, 5)
    ref = fresh()  # any ref: the gateway, not the ref's spelling, decides which charge times out
    GATEWAY.flaky.add(ref)
    result, value = place(ref, [{"sku": a, "qty": qty}])
    assert result == "ok", f"the gateway timed out once for {ref}: retry PaymentTimeout and the order goes through; got {result}: {value}"
    assert GATEWAY.charges(ref) == [qty * cents] * 2, f"expected the failed charge and the retried one, the gateway saw {GATEWAY.charges(ref)}"
    order = call("tasks.get_order", ref)
    assert order and [(line["qty"]) for line in order["lines"]] == [qty], f"one order with one line expected after the retry: {order}"
    assert call("tasks.get_stock", a) == stock - qty, "the first attempt's stock change must have been rolled back before the retry"


def test_the_confirmation_is_sent_after_commit_with_the_order_total():
    cents, qty = price(), RANDOM.randint(1, 5)
    a = product(cents, 10)
    ref = fresh()
    result, value = place(ref, [{"sku": a, "qty": qty}])
    assert result == "ok", value
    order = wait_until(lambda: (lambda o: o if o and o["confirmation"] else None)(call("tasks.get_order", ref)), timeout=5)
    assert order is not None, "no confirmation was recorded for the order within 5 s"
    assert order["confirmation"]["total_cents"] == qty * cents, (
        f"the confirmation saw a total of {order['confirmation']['total_cents']} instead of {qty * cents}: "
        "send it after the commit, when the whole order is visible")


def test_concurrent_orders_never_oversell():
    stock, orders = RANDOM.randint(3, 6), RANDOM.randint(10, 13)
    a = product(price(), stock)
    results = [send("tasks.place_order", fresh(), [{"sku": a, "qty": 1}]) for _ in range(orders)]
    outcomes = []
    for result in results:
        done = outcome(result, timeout=30)
        outcomes.append("ok" if done.succeeded else done.error_type)
    left = call("tasks.get_stock", a)
    assert outcomes.count("ok") == stock and outcomes.count("OutOfStock") == orders - stock, (
        f"{orders} concurrent orders for {stock} items in stock: expected {stock} ok and {orders - stock} OutOfStock, "
        f"got {sorted(outcomes)} (stock now {left}, seed {SEED})")
    assert left == 0, f"stock should end at 0, it is {left}"
