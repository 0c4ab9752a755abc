"""Hidden tests for module 41's microservices lab.

Two services, two workers: `orders` (orders_service.py, queue orders) and `billing`
(billing_service.py, queue billing). The tests talk to each service only by task name through its
queue, as another team would, and drive an order through both services.
"""
import time
import uuid

from coursebot_lab import app, call, send, wait_until

ORDERS_TASKS = {"orders.place_order", "orders.record_payment", "orders.get_order"}
BILLING_TASKS = {"billing.charge", "billing.charges_for"}


def new_order(amount):
    return {"id": "ord-" + uuid.uuid4().hex[:10], "amount": amount}


def get_order(order_id):
    return call("orders.get_order", order_id, queue="orders", timeout=5)


def charges_for(order_id):
    return call("billing.charges_for", order_id, queue="billing", timeout=5)


def settled(order_id):
    order = get_order(order_id)
    return order if order and order["status"] != "pending" else None


def test_each_service_registers_only_its_own_tasks():
    replies = app.control.inspect(timeout=2, limit=2).registered() or {}
    by_service = {host.split("@")[0]: {name.split(" ")[0] for name in names} for host, names in replies.items()}
    own = {name for name in by_service.get("orders", set()) if not name.startswith("celery.")}
    assert own == ORDERS_TASKS, f"the orders worker registers {sorted(own)}"
    own = {name for name in by_service.get("billing", set()) if not name.startswith("celery.")}
    assert own == BILLING_TASKS, f"the billing worker registers {sorted(own)}"


def test_placing_an_order_answers_before_billing_is_done():
    order = new_order(40)
    start = time.monotonic()
    answer = call("orders.place_order", order, queue="orders", timeout=5)
    elapsed = time.monotonic() - start
    assert answer == {"id": order["id"], "status": "pending"}
    assert elapsed < 0.45, (
        f"orders.place_order took {elapsed:.2f} s: billing takes 0.5 s, so the orders service waited for it; "
        "link a callback instead of calling .get()")


def test_a_paid_order_carries_billings_charge_id():
    order = new_order(40)
    call("orders.place_order", order, queue="orders", timeout=5)
    final = wait_until(lambda: settled(order["id"]), timeout=8)
    assert final, f"the order is still {get_order(order['id'])}: orders.record_payment never ran (link it on queue orders)"
    assert final["status"] == "paid"
    assert charges_for(order["id"]) == [final["charge_id"]], "billing's ledger and the order disagree"


def test_a_declined_payment_rejects_the_order_and_charges_nothing():
    order = new_order(5000)
    call("orders.place_order", order, queue="orders", timeout=5)
    final = wait_until(lambda: settled(order["id"]), timeout=8)
    assert final and final["status"] == "rejected", f"the order is {get_order(order['id'])}"
    assert charges_for(order["id"]) == []


def test_billing_charges_an_order_once_however_often_it_is_asked():
    order_id = "ord-" + uuid.uuid4().hex[:10]
    first, second = send("billing.charge", order_id, 25, queue="billing"), send("billing.charge", order_id, 25, queue="billing")
    first, second = first.get(timeout=5), second.get(timeout=5)
    assert first["status"] == second["status"] == "charged"
    assert first["charge_id"] == second["charge_id"], "a redelivered charge made a second charge"
    assert charges_for(order_id) == [first["charge_id"]]


def test_an_unknown_order_is_none():
    assert get_order("ord-unknown-" + uuid.uuid4().hex[:6]) is None


def executed(prefix, task):
    replies = app.control.ping(timeout=1)
    names = [name for reply in replies for name in reply if name.startswith(prefix)]
    assert names, f"no {prefix}... worker answered ping ({replies})"
    stats = app.control.inspect(destination=names, timeout=2).stats() or {}
    return sum(int((s.get("total") or {}).get(task, 0)) for s in stats.values())


def test_billing_answers_only_its_caller():
    # Billing returns its answer; only a caller that linked a callback hears it. Asked directly, with
    # no link, it must not call the orders service itself.
    before = executed("orders@", "orders.record_payment")
    call("billing.charge", "ord-" + uuid.uuid4().hex[:10], 30, queue="billing", timeout=5)
    time.sleep(1.0)
    after = executed("orders@", "orders.record_payment")
    assert after == before, (
        f"billing.charge, called with no callback, made the orders service run orders.record_payment {after - before} time(s): "
        "billing must not name orders' tasks; orders links its own callback")
