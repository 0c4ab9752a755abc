"""Wrong on purpose: publish runs the subscribers' handlers itself, in the router worker, instead of sending to their queues"""
import os

import redis
from celery import Celery

app = Celery("eventbus")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)

SUBSCRIPTIONS = {
    "order_placed": [("inventory.on_order_placed", "inventory"), ("email.on_order_placed", "email")],
    "order_cancelled": [("inventory.on_order_cancelled", "inventory")],
}


@app.task(name="events.publish")
def publish(event):
    """Fans the event out: one copy per subscriber, in the subscriber's own queue."""
    subscribers = SUBSCRIPTIONS.get(event["type"], [])
    for task_name, queue in subscribers:
        app.tasks[task_name](event)
    return len(subscribers)


# Each handler claims the event id for its service first (SADD answers 1 only the first time), so
# a redelivered event changes nothing. The claim and the change go in one MULTI/EXEC transaction.
def apply_once(service, event, change):
    """Runs change(pipeline) in the same transaction as recording the event id; False if seen."""
    key = f"events-lab:{service}:applied"
    with store.pipeline() as pipe:
        while True:
            try:
                pipe.watch(key)
                if pipe.sismember(key, event["id"]):
                    pipe.reset()
                    return False
                pipe.multi()
                pipe.sadd(key, event["id"])
                change(pipe)
                pipe.execute()
                return True
            except redis.WatchError:
                continue


@app.task(name="inventory.on_order_placed")
def inventory_on_order_placed(event):
    data = event["data"]
    return apply_once("inventory", event, lambda p: p.incrby(f"events-lab:inventory:reserved:{data['sku']}", data["qty"]))


@app.task(name="inventory.on_order_cancelled")
def inventory_on_order_cancelled(event):
    data = event["data"]
    return apply_once("inventory", event, lambda p: p.decrby(f"events-lab:inventory:reserved:{data['sku']}", data["qty"]))


@app.task(name="email.on_order_placed")
def email_on_order_placed(event):
    order_id = event["data"]["order_id"]
    return apply_once("email", event, lambda p: p.rpush(f"events-lab:email:sent:{order_id}", f"confirmation for {event['id']}"))


@app.task(name="inventory.reserved")
def inventory_reserved(sku):
    return int(store.get(f"events-lab:inventory:reserved:{sku}") or 0)


@app.task(name="email.sent")
def email_sent(order_id):
    return store.lrange(f"events-lab:email:sent:{order_id}", 0, -1)
