"""Black-box tests: they reach the learner's worker only through the broker, by task name, JSON only."""
import os

from celery import Celery

app = Celery(broker=os.environ["COURSEBOT_BROKER_URL"], backend=os.environ["COURSEBOT_BACKEND_URL"])
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"], result_accept_content=["json"])


def call(name, *args):
    return app.send_task(name, args=list(args)).get(timeout=10)


def test_add_returns_the_sum():
    assert call("tasks.add", 2, 3) == 5


def test_mul_returns_the_product():
    assert call("tasks.mul", 4, 5) == 20


def test_xsum_is_registered():
    registered = app.control.inspect(timeout=2).registered() or {}
    assert any("tasks.xsum" in names for names in registered.values())
