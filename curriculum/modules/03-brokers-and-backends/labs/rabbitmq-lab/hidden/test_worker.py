"""Hidden tests for module 3's RabbitMQ lab, black-box. The grader has no RabbitMQ: its
CELERY_BROKER_URL and CELERY_RESULT_BACKEND (which Celery prefers to broker_url and
result_backend) point the learner's worker at Redis, so these check that the same tasks still
work, and what the worker reports about the settings it loaded (inspect conf masks the password)."""
import os
import random
from urllib.parse import urlparse

from coursebot_lab import app, call

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


def ask(command):
    """The worker's answer to an inspect command (limit=1: no need to wait out the timeout)."""
    replies = getattr(app.control.inspect(timeout=3, limit=1), command)() or {}
    assert replies, "no worker answered"
    return next(iter(replies.values()))


def test_add_and_mul_still_work_against_redis():
    x, y = RNG.randint(-10**6, 10**6), RNG.randint(-10**6, 10**6)
    assert call("tasks.add", x, y) == x + y, f"tasks.add({x}, {y}) (seed {SEED})"
    assert call("tasks.mul", x, y) == x * y, f"tasks.mul({x}, {y}) (seed {SEED})"


def test_loaded_the_rabbitmq_broker_url():
    broker = ask("conf").get("broker_url") or ""
    assert broker.startswith(("amqp://", "pyamqp://")), f"the worker's broker_url setting is {broker or 'not set'}: did celeryconfig.py set an amqp:// URL?"
    url = urlparse(broker)
    found = {"user": url.username, "host": url.hostname, "port": url.port or 5672, "virtual host": url.path[1:]}
    expected = {"user": "shop", "host": "localhost", "port": 5672, "virtual host": "shop"}
    assert found == expected, f"the worker's broker_url is {broker}: found {found}"


def test_acks_late_and_reserves_one_task():
    conf = ask("conf")
    assert conf.get("task_acks_late") is True, "set task_acks_late = True"
    prefetch = ask("stats").get("prefetch_count")
    assert prefetch == 1, f"the worker (one process) reserves {prefetch} messages; set worker_prefetch_multiplier = 1"
