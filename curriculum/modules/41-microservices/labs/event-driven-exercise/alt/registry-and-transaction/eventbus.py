"""Alternative correct event bus (module 41): subscriptions collected by a decorator, and each handler's
claim-and-change done by redis-py's transaction() helper, which retries on WATCH conflicts."""
import os
from collections import defaultdict

import redis
from celery import Celery

app = Celery("eventbus")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)

SUBSCRIBERS = defaultdict(list)  # event type -> [(task name, queue)]


def subscriber(event_type, service):
    def register(fn):
        name = f"{service}.{fn.__name__}"
        SUBSCRIBERS[event_type].append((name, service))
        return app.task(name=name)(fn)
    return register


def once(service, event, change):
    seen = f"events-lab:{service}:applied"

    def step(pipe):
        if pipe.sismember(seen, event["id"]):
            return False
        pipe.multi()
        pipe.sadd(seen, event["id"])
        change(pipe)
        return True

    return store.transaction(step, seen, value_from_callable=True)


@app.task(name="events.publish")
def publish(event):
    targets = SUBSCRIBERS.get(event["type"], [])
    for name, queue in targets:
        app.send_task(name, args=[event], queue=queue)
    return len(targets)


@subscriber("order_placed", "inventory")
def on_order_placed(event):
    sku, qty = event["data"]["sku"], event["data"]["qty"]
    return once("inventory", event, lambda p: p.incrby("events-lab:inventory:reserved:" + sku, qty))


@subscriber("order_cancelled", "inventory")
def on_order_cancelled(event):
    sku, qty = event["data"]["sku"], event["data"]["qty"]
    return once("inventory", event, lambda p: p.decrby("events-lab:inventory:reserved:" + sku, qty))


def confirm(event):
    order_id = event["data"]["order_id"]
    return once("email", event, lambda p: p.rpush("events-lab:email:sent:" + order_id, "confirmation for " + event["id"]))


confirm.__name__ = "on_order_placed"
email_on_order_placed = subscriber("order_placed", "email")(confirm)


@app.task(name="inventory.reserved")
def reserved(sku):
    return int(store.get("events-lab:inventory:reserved:" + sku) or 0)


@app.task(name="email.sent")
def sent(order_id):
    return store.lrange("events-lab:email:sent:" + order_id, 0, -1)
