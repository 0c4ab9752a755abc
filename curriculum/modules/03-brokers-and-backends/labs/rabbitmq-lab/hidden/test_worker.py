"""Hidden tests for module 3's RabbitMQ lab, black-box. The grader has no RabbitMQ: its
CELERY_BROKER_URL and CELERY_RESULT_BACKEND (which Celery prefers to broker_url and
result_backend) point the learner's worker at Redis, so these check that the same tasks still
work, and what the worker reports about the settings it loaded."""
from coursebot_lab import call, inspect, stats


def worker_conf():
    replies = inspect().conf() or {}
    assert replies, "no worker answered"
    return next(iter(replies.values()))


def test_add_still_works_against_redis():
    assert call("tasks.add", 2, 3) == 5


def test_mul_still_works_against_redis():
    assert call("tasks.mul", 6, 7) == 42


def test_loaded_the_rabbitmq_broker_url():
    broker = worker_conf().get("broker_url") or ""
    assert broker.startswith(("amqp://", "pyamqp://")), f"the worker's broker_url setting is {broker or 'not set'}: did celeryconfig.py set an amqp:// URL?"


def test_acks_late_and_reserves_one_task():
    conf = worker_conf()
    assert conf.get("task_acks_late") is True, "set task_acks_late = True"
    prefetch = next(iter(stats().values()), {}).get("prefetch_count")
    assert prefetch == 1, f"the worker (one process) reserves {prefetch} messages; set worker_prefetch_multiplier = 1"
