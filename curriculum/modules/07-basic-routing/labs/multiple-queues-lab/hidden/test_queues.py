"""Hidden tests for module 7's lab, black-box: the queues as the learner's worker declared them
(inspect active_queues reports each queue's exchange and binding key), and messages published to
the topic exchange "tasks" with a routing key, which only arrive if a queue's binding matches.
Besides the README's keys, routing keys and arguments are drawn per run from COURSEBOT_SEED."""
import os
import random

from kombu import Exchange

from coursebot_lab import call, inspect, registered

TASKS = Exchange("tasks", type="topic")
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)
BINDINGS = {"default": "task.#", "emails": "email.#", "images": "image.#", "reports": "report.#"}


def consumed_queues():
    replies = inspect().active_queues() or {}
    assert replies, "no worker answered `inspect active_queues`"
    return {queue["name"]: queue for queues in replies.values() for queue in queues}


def assert_bound(name):
    queue = consumed_queues().get(name)
    assert queue is not None, f"the worker does not consume a queue named {name!r}"
    exchange = queue.get("exchange") or {}
    assert (exchange.get("name"), exchange.get("type")) == ("tasks", "topic"), (
        f"queue {name!r} is bound to exchange {exchange.get('name')!r} of type {exchange.get('type')!r}; "
        "expected the topic exchange 'tasks' (is the queue declared in task_queues?)")
    assert queue.get("routing_key") == BINDINGS[name], (
        f"queue {name!r} is bound with key {queue.get('routing_key')!r}; expected {BINDINGS[name]!r}")


def publish(task, routing_key, *args):
    """Publishes to the exchange, not to a queue: the broker delivers by the queues' binding keys."""
    return call(task, *args, exchange=TASKS, routing_key=routing_key, declare=[TASKS], timeout=5)


def word():
    return "".join(RNG.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(RNG.randint(3, 8)))


def test_the_five_tasks_are_registered_under_their_names():
    expected = {"tasks.send_email", "tasks.resize_image", "reports.daily", "reports.weekly", "tasks.ping"}
    missing = expected - registered()
    assert not missing, f"the worker has not registered {sorted(missing)}"


def test_default_is_bound_to_the_topic_exchange_tasks_with_task_pattern():
    assert_bound("default")


def test_emails_is_bound_to_the_topic_exchange_tasks_with_email_pattern():
    assert_bound("emails")


def test_images_is_bound_to_the_topic_exchange_tasks_with_image_pattern():
    assert_bound("images")


def test_reports_is_bound_to_the_topic_exchange_tasks_with_report_pattern():
    assert_bound("reports")


def test_routing_key_email_welcome_reaches_send_email():
    assert_bound("emails")
    assert publish("tasks.send_email", "email.welcome", "ann@example.com", "Hi") == "email to ann@example.com: Hi"
    key, to, subject = f"email.{word()}", f"u{RNG.randrange(10**5)}@example.com", word()
    assert publish("tasks.send_email", key, to, subject) == f"email to {to}: {subject}", f"routing key {key} (seed {SEED})"


def test_a_multi_word_key_image_thumbnail_small_reaches_resize_image():
    assert_bound("images")
    assert publish("tasks.resize_image", "image.thumbnail.small", "cat.png", 64) == "cat.png resized to 64px"
    key, width = f"image.{word()}.{word()}.{word()}", RNG.randint(16, 4096)
    assert publish("tasks.resize_image", key, "dog.png", width) == f"dog.png resized to {width}px", f"routing key {key} (seed {SEED})"


def test_routing_key_report_monthly_reaches_a_report_task():
    assert_bound("reports")
    assert publish("reports.weekly", "report.monthly") == "weekly report"
    key = f"report.{word()}"
    assert publish("reports.daily", key) == "daily report", f"routing key {key} (seed {SEED})"


def test_the_default_routing_key_task_default_reaches_ping():
    assert_bound("default")
    assert publish("tasks.ping", "task.default") == "pong"
