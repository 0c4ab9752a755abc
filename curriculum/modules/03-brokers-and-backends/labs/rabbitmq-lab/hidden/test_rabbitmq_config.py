"""White-box tests for module 3's RabbitMQ lab: celeryconfig.py is loaded into a fresh Celery app,
without the grader's CELERY_BROKER_URL and CELERY_RESULT_BACKEND, and the connection it would open
is inspected. Nothing connects: the grader has no RabbitMQ."""
import importlib
import sys
import uuid
from urllib.parse import urlparse

import pytest
from celery import Celery

PASSWORD = "pw-" + uuid.uuid4().hex[:12]


@pytest.fixture
def app(monkeypatch):
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    monkeypatch.delenv("CELERY_RESULT_BACKEND", raising=False)
    monkeypatch.setenv("RABBITMQ_PASSWORD", PASSWORD)
    for name in ("celeryconfig", "tasks"):
        sys.modules.pop(name, None)
    app = Celery("rabbitmq-lab-check")
    app.config_from_object("celeryconfig", force=True)
    return app


@pytest.fixture
def connection(app):
    return app.connection_for_write()


def test_broker_is_amqp_as_shop_on_vhost_shop(app, connection):
    assert app.conf.broker_url, "celeryconfig.py sets no broker_url"
    assert connection.transport_cls in ("amqp", "pyamqp"), f"the broker transport is {connection.transport_cls!r}, not amqp"
    where = (connection.hostname, connection.port or connection.transport.default_port)
    assert where == ("localhost", 5672), f"the broker is at {where}"
    assert connection.userid == "shop", f"user {connection.userid!r}"
    assert connection.virtual_host == "shop", f"virtual host {connection.virtual_host!r}"


def test_broker_password_comes_from_the_environment(connection):
    assert connection.password == PASSWORD, "read the password from the RABBITMQ_PASSWORD environment variable"


def test_results_go_to_redis_database_1(app):
    backend = urlparse(app.conf.result_backend or "")
    assert backend.scheme == "redis" and backend.path.strip("/") == "1", f"result_backend is {app.conf.result_backend!r}"


def test_connection_settings(app, connection):
    found = {
        "broker_heartbeat": app.conf.broker_heartbeat,
        "broker_connection_timeout": connection.connect_timeout,
        "broker_pool_limit": app.conf.broker_pool_limit,
        "confirm_publish": (connection.transport_options or {}).get("confirm_publish"),
    }
    expected = {"broker_heartbeat": 30, "broker_connection_timeout": 10, "broker_pool_limit": 20, "confirm_publish": True}
    assert found == expected, f"found {found}"


def test_reliability_settings(app):
    found = {"task_acks_late": app.conf.task_acks_late, "worker_prefetch_multiplier": app.conf.worker_prefetch_multiplier}
    assert found == {"task_acks_late": True, "worker_prefetch_multiplier": 1}, f"found {found}"


def test_queues_are_declared_with_priorities(app):
    queue = app.amqp.queues[app.conf.task_default_queue]
    assert (queue.queue_arguments or {}).get("x-max-priority") == 10, f"the default queue's arguments are {queue.queue_arguments}"


def test_tasks_py_uses_celeryconfig(app):
    tasks = importlib.import_module("tasks")
    assert (tasks.app.conf.broker_url or "").startswith(("amqp://", "pyamqp://")), "tasks.py should load celeryconfig"
    assert {"tasks.add", "tasks.mul"} <= set(tasks.app.tasks)

