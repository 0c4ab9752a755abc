"""Hidden tests for module 31's backup lab.

The worker consumes only the "maintenance" queue at first, so tasks sent to "orders" and "emails"
wait in Redis. The tests back them up through dr.backup_queues, wipe the broker, restore through
dr.restore_queues and compare the queues, message by message; the last test lets the worker
consume the restored queues and checks that every task ran, once.
"""
import json
import os
import uuid

import redis
from coursebot_lab import app, call, send, stats, wait_until

broker = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
QUEUES = ("orders", "emails")


def queued_ids(queue):
    return [json.loads(raw)["headers"]["id"] for raw in broker.lrange(queue, 0, -1)]


def clear_queues():
    broker.delete(*QUEUES)


def publish(orders, emails):
    sent = [send("dr.process_order", f"o-{uuid.uuid4().hex[:8]}", queue="orders") for _ in range(orders)]
    sent += [send("dr.send_email", f"{uuid.uuid4().hex[:8]}@example.com", queue="emails") for _ in range(emails)]
    return sent


def lose_everything():
    """The disaster: every key of the broker's database is gone (only kombu's queue bindings stay)."""
    doomed = [key for key in broker.scan_iter(count=1000) if not key.startswith(b"_kombu.")]
    if doomed:
        broker.delete(*doomed)


def backup_name():
    return "test-" + uuid.uuid4().hex[:10]


def test_the_backup_is_a_file_with_every_queued_message():
    clear_queues()
    publish(3, 2)
    result = call("dr.backup_queues", backup_name(), timeout=10, queue="maintenance")
    assert result["queues"] == {"orders": 3, "emails": 2}
    assert os.path.isfile(result["path"]) and os.path.getsize(result["path"]) > 0, "the backup must be a file outside Redis"


def test_a_restore_after_losing_the_broker_brings_back_every_message_in_order():
    clear_queues()
    publish(3, 2)
    before = {queue: queued_ids(queue) for queue in QUEUES}
    name = backup_name()
    call("dr.backup_queues", name, timeout=10, queue="maintenance")
    lose_everything()
    assert call("dr.restore_queues", name, timeout=10, queue="maintenance") == {"orders": 3, "emails": 2}
    assert {queue: queued_ids(queue) for queue in QUEUES} == before, "the restored queues differ from the queues that were lost"


def test_restoring_into_a_broker_that_kept_some_messages_duplicates_nothing():
    clear_queues()
    publish(3, 2)
    name = backup_name()
    call("dr.backup_queues", name, timeout=10, queue="maintenance")
    publish(1, 0)  # arrives after the backup, and survives
    orders_before, emails_before = queued_ids("orders"), queued_ids("emails")
    broker.delete("emails")  # only the emails queue is lost
    assert call("dr.restore_queues", name, timeout=10, queue="maintenance") == {"orders": 0, "emails": 2}
    assert queued_ids("orders") == orders_before, "orders were duplicated or lost"
    assert queued_ids("emails") == emails_before


def test_restoring_the_same_backup_twice_duplicates_nothing():
    clear_queues()
    publish(2, 1)
    before = {queue: queued_ids(queue) for queue in QUEUES}
    name = backup_name()
    call("dr.backup_queues", name, timeout=10, queue="maintenance")
    lose_everything()
    call("dr.restore_queues", name, timeout=10, queue="maintenance")
    assert call("dr.restore_queues", name, timeout=10, queue="maintenance") == {"orders": 0, "emails": 0}
    assert {queue: queued_ids(queue) for queue in QUEUES} == before


def test_restored_tasks_run_on_the_worker_exactly_once():
    clear_queues()
    sent = publish(4, 2)
    name = backup_name()
    call("dr.backup_queues", name, timeout=10, queue="maintenance")
    lose_everything()
    call("dr.restore_queues", name, timeout=10, queue="maintenance")
    for queue in QUEUES:
        app.control.add_consumer(queue, reply=True, timeout=5)
    results = [r.get(timeout=10) for r in sent]
    assert results[0].startswith("order ") and results[-1].startswith("mail sent to ")
    assert wait_until(lambda: not any(broker.llen(q) for q in QUEUES), timeout=5), "messages were left in the queues"
    totals = {}
    for reply in stats().values():
        for task, count in reply.get("total", {}).items():
            totals[task] = totals.get(task, 0) + count
    assert (totals.get("dr.process_order"), totals.get("dr.send_email")) == (4, 2), f"tasks run: {totals}"
