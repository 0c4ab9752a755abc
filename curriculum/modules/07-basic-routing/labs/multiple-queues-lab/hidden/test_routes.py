"""White-box tests for module 7's lab: routing happens in the caller, before any message exists,
so these ask the learner's own app where each task would go (app.amqp.router.route), and watch one
real call publish (before_task_publish) and reach the lab's worker, which is still running."""
import importlib

import pytest
from celery.signals import before_task_publish


@pytest.fixture(scope="module")
def tasks():
    return importlib.import_module("tasks")


def destination(app, name):
    route = app.amqp.router.route({}, name)
    queue = route.get("queue")
    return getattr(queue, "name", queue), route.get("routing_key")


def test_send_email_is_routed_to_emails_with_key_email_send(tasks):
    assert destination(tasks.app, "tasks.send_email") == ("emails", "email.send")


def test_resize_image_is_routed_to_images_with_key_image_resize(tasks):
    assert destination(tasks.app, "tasks.resize_image") == ("images", "image.resize")


def test_every_task_named_reports_something_goes_to_reports(tasks):
    # reports.yearly does not exist yet: only a glob route ("reports.*") sends it to reports too.
    for name in ("reports.daily", "reports.weekly", "reports.yearly"):
        assert destination(tasks.app, name) == ("reports", "report.build"), f"{name} is not routed to reports with key report.build"


def test_other_tasks_go_to_the_default_queue(tasks):
    for name in ("tasks.ping", "tasks.not_written_yet"):
        queue, _ = destination(tasks.app, name)
        assert queue == "default", f"{name} goes to {queue!r}; unrouted tasks should go to 'default' (task_default_queue)"


def test_send_email_delay_publishes_to_exchange_tasks_and_reaches_the_worker(tasks):
    published = []

    def record(sender=None, exchange=None, routing_key=None, **kwargs):
        published.append((sender, getattr(exchange, "name", exchange), routing_key))

    before_task_publish.connect(record, weak=False)
    try:
        result = tasks.send_email.delay("bo@example.com", "Welcome")
    finally:
        before_task_publish.disconnect(record)
    assert published == [("tasks.send_email", "tasks", "email.send")], \
        f"expected one message to exchange 'tasks' with routing key 'email.send', got (task, exchange, key) {published}"
    assert result.get(timeout=5) == "email to bo@example.com: Welcome"
