"""Alternative solution: configuration read through the app's router and settings, in one table."""
import tasks


def queue_of(name):
    return tasks.app.amqp.router.route({}, name)["queue"].name


def test_routes():
    assert {name: queue_of(f"tasks.{name}") for name in ("reserve_stock", "charge_card", "send_receipt")} == {
        "reserve_stock": "celery", "charge_card": "payments", "send_receipt": "emails"}


def test_late_acks_and_single_prefetch():
    assert (tasks.app.conf.task_acks_late, tasks.app.conf.worker_prefetch_multiplier) == (True, 1)


def test_json_everywhere():
    conf = tasks.app.conf
    assert set(conf.accept_content) == {"json"}
    assert conf.task_serializer == conf.result_serializer == "json"
