"""An event-driven system (module 41 exercise). See README.md in this folder.

A publisher announces facts; each subscribing service gets its own copy in its own queue and
applies it once, however often it is delivered.
"""
import os

import redis
from celery import Celery

app = Celery("eventbus")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

# Every service keeps its state, and the ids of the events it applied, in Redis (never in
# process memory: a subscriber is restarted, and may be scaled to several processes).
store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)

# Event type -> the subscribers' tasks, each with the queue of its service.
SUBSCRIPTIONS = {
    "order_placed": [("inventory.on_order_placed", "inventory"), ("email.on_order_placed", "email")],
    "order_cancelled": [("inventory.on_order_cancelled", "inventory")],
}


# TODO 1: events.publish(event), event = {"id", "type", "data"}: send a copy of the event to every
#         subscriber of its type (send_task by name, on the subscriber's queue), without waiting for
#         them, and return how many copies were sent (0 for a type nobody subscribes to).


# TODO 2: each handler below must apply an event once, even when the same event (same "id") is
#         delivered again: record the ids each service applied, in Redis, and skip the ones seen.
@app.task(name="inventory.on_order_placed")
def inventory_on_order_placed(event):
    data = event["data"]
    store.incrby(f"events-lab:inventory:reserved:{data['sku']}", data["qty"])


@app.task(name="inventory.on_order_cancelled")
def inventory_on_order_cancelled(event):
    data = event["data"]
    store.decrby(f"events-lab:inventory:reserved:{data['sku']}", data["qty"])


@app.task(name="email.on_order_placed")
def email_on_order_placed(event):
    store.rpush(f"events-lab:email:sent:{event['data']['order_id']}", f"confirmation for {event['id']}")


# Queries (given).
@app.task(name="inventory.reserved")
def inventory_reserved(sku):
    return int(store.get(f"events-lab:inventory:reserved:{sku}") or 0)


@app.task(name="email.sent")
def email_sent(order_id):
    return store.lrange(f"events-lab:email:sent:{order_id}", 0, -1)
