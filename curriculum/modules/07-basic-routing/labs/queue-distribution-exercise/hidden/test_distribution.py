"""Hidden tests for module 7's exercise, black-box: the command check before this one ran the
learner's producer.py. The lab's worker consumes only "celery", so what the producer routed elsewhere
still waits in the broker, where Redis keeps each queue as a list named after it. These tests read
those lists (without consuming them) and decode the JSON messages; nothing else is ever decoded."""
import base64
import json
import os

import redis

broker = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
PARAMETERS = {"orders.place": ["order_id"], "notify.sms": ["phone", "text"], "analytics.track": ["event"]}


def waiting(queue):
    """(task name, arguments) of every message waiting in `queue`, sorted."""
    found = []
    for raw in broker.lrange(queue, 0, -1):
        message = json.loads(raw)
        assert message.get("content-type") == "application/json", \
            f"a message in {queue!r} is not JSON ({message.get('content-type')}); keep task_serializer = 'json'"
        body = message["body"]
        if message.get("properties", {}).get("body_encoding") == "base64":
            body = base64.b64decode(body)
        args, kwargs, _ = json.loads(body)
        name = message["headers"]["task"]
        names = PARAMETERS.get(name, [])
        values = list(args) + [kwargs[p] for p in names[len(args):] if p in kwargs]
        found.append((name, values))
    return sorted(found, key=repr)


def test_orders_holds_the_five_orders():
    assert waiting("orders") == [("orders.place", [n]) for n in range(1, 6)]


def test_notifications_holds_the_three_sms():
    assert waiting("notifications") == [("notify.sms", [phone, "shipped"]) for phone in ("+100", "+101", "+102")]


def test_analytics_holds_the_two_events():
    assert waiting("analytics") == sorted([("analytics.track", ["signup"]), ("analytics.track", ["checkout"])], key=repr)


def test_priority_holds_only_the_rush_order_99():
    assert waiting("priority") == [("orders.place", [99])]
