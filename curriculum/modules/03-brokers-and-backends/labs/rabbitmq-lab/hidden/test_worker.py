"""Hidden tests for module 3's RabbitMQ lab, black-box. The grader has no RabbitMQ: its
CELERY_BROKER_URL and CELERY_RESULT_BACKEND (which Celery prefers to broker_url and
result_backend) point the learner's worker at Redis, so these check that the same tasks still
work, and what the worker reports about the settings it loaded."""
from coursebot_lab import app, call


def ask(command):
    """The worker's answer to an inspect command (limit=1: no need to wait out the timeout)."""
    replies = getattr(app.control.inspect(timeout=3, limit=1), command)() or {}
    assert replies, "no worker answered"
    return next(iter(replies.values()))


def test_add_still_works_against_redis():
    assert call("tasks.add", 2, 3) == 5


def test_mul_still_works_against_redis():
    assert call("tasks.mul", 6, 7) == 42


def test_loaded_the_rabbitmq_broker_url():
    broker = ask("conf").get("broker_url") or ""
    assert broker.startswith(("amqp://", "pyamqp://")), f"the worker's broker_url setting is {broker or 'not set'}: did celeryconfig.py set an amqp:// URL?"


def test_acks_late_and_reserves_one_task():
    conf = ask("conf")
    assert conf.get("task_acks_late") is True, "set task_acks_late = True"
    prefetch = ask("stats").get("prefetch_count")
    assert prefetch == 1, f"the worker (one process) reserves {prefetch} messages; set worker_prefetch_multiplier = 1"
