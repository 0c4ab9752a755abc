"""Hidden tests for module 41's event-driven exercise.

Three workers run the learner's eventbus app, one per service queue: `router` (events),
`inventory` and `email`. Events are published through events.publish; duplicates are published
again with the same id; a subscriber is taken down by telling its worker to stop consuming its
queue (cancel_consumer) and brought back with add_consumer, so its queue fills while it is away.
"""
import os
import time
import uuid

import redis
from coursebot_lab import app, call, send, wait_until

broker = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])


def fresh(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def placed(order_id, sku, qty):
    return {"id": fresh("evt"), "type": "order_placed", "data": {"order_id": order_id, "sku": sku, "qty": qty}}


def publish(event):
    return call("events.publish", event, queue="events", timeout=5)


def reserved(sku):
    return call("inventory.reserved", sku, queue="inventory", timeout=5)


def sent(order_id):
    return call("email.sent", order_id, queue="email", timeout=5)


def host_of(service):
    replies = app.control.inspect(timeout=2, limit=3).ping() or {}
    return next(host for host in replies if host.startswith(service + "@"))


def test_an_event_reaches_every_subscriber():
    order, sku = fresh("ord"), fresh("sku")
    assert publish(placed(order, sku, 3)) == 2, "events.publish should return how many copies it sent"
    assert wait_until(lambda: reserved(sku) == 3, timeout=5), f"inventory reserved {reserved(sku)}, expected 3"
    assert wait_until(lambda: len(sent(order)) == 1, timeout=5), f"email sent {sent(order)}"


def test_an_event_reaches_only_its_subscribers():
    order, sku = fresh("ord"), fresh("sku")
    publish(placed(order, sku, 5))
    cancelled = {"id": fresh("evt"), "type": "order_cancelled", "data": {"order_id": order, "sku": sku, "qty": 5}}
    assert publish(cancelled) == 1
    assert publish({"id": fresh("evt"), "type": "nobody_listens", "data": {}}) == 0
    assert wait_until(lambda: reserved(sku) == 0 and len(sent(order)) == 1, timeout=5), (
        f"after placing and cancelling: reserved {reserved(sku)}, emails {sent(order)}")


def test_an_event_published_twice_is_applied_once():
    order, sku = fresh("ord"), fresh("sku")
    event = placed(order, sku, 4)
    publish(event)
    publish(event)
    call("inventory.reserved", sku, queue="inventory", timeout=5)  # the inventory queue is drained up to here
    time.sleep(0.3)
    assert reserved(sku) == 4, f"inventory reserved {reserved(sku)} for one order of 4 delivered twice"
    assert wait_until(lambda: len(sent(order)) >= 1, timeout=5)
    time.sleep(0.3)
    assert len(sent(order)) == 1, f"the customer got {len(sent(order))} confirmation emails"


def test_a_redelivered_message_is_applied_once():
    order, sku = fresh("ord"), fresh("sku")
    event = placed(order, sku, 2)
    for _ in range(3):
        send("inventory.on_order_placed", event, queue="inventory")
    assert wait_until(lambda: reserved(sku) == 2, timeout=5) and reserved(sku) == 2, f"reserved {reserved(sku)}, expected 2"


def test_a_subscriber_that_was_down_catches_up_and_the_others_did_not_wait():
    inventory = host_of("inventory")
    sku = fresh("sku")
    orders = [fresh("ord") for _ in range(3)]
    app.control.cancel_consumer("inventory", destination=[inventory], reply=True, timeout=2)
    try:
        for order in orders:
            assert publish(placed(order, sku, 1)) == 2
        assert wait_until(lambda: all(len(sent(o)) == 1 for o in orders), timeout=5), "email waited for inventory"
        waiting = broker.llen("inventory")
        assert waiting == 3, f"{waiting} messages wait in the inventory queue while it is down, expected 3 (one per event)"
    finally:
        app.control.add_consumer("inventory", destination=[inventory], reply=True, timeout=2)
    assert wait_until(lambda: reserved(sku) == 3, timeout=8), f"after coming back inventory reserved {reserved(sku)}, expected 3"
