"""Reference solution: module 10, test suite exercise (configuration tests)."""
import pytest

import tasks


@pytest.mark.parametrize("name, queue", [
    ("tasks.charge_card", "payments"),
    ("tasks.send_receipt", "emails"),
    ("tasks.reserve_stock", "celery"),
])
def test_each_task_is_routed_to_its_queue(name, queue):
    assert tasks.app.amqp.router.route({}, name)["queue"].name == queue


def test_tasks_are_acknowledged_late_one_at_a_time():
    assert tasks.app.conf.task_acks_late is True
    assert tasks.app.conf.worker_prefetch_multiplier == 1


def test_messages_are_json_only():
    assert tasks.app.conf.task_serializer == "json"
    assert tasks.app.conf.accept_content == ["json"]
