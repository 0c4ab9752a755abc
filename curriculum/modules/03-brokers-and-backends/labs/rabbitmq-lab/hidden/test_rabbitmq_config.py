"""White-box tests for module 3's RabbitMQ lab: celeryconfig.py is loaded into a fresh Celery app,
without the grader's CELERY_BROKER_URL and CELERY_RESULT_BACKEND, and the connection it would open
is inspected. Nothing connects: the grader has no RabbitMQ."""
import importlib
import sys
import uuid
from pathlib import Path
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


def test_broker_is_rabbitmq_as_shop_on_the_shop_vhost(connection):
    assert connection.transport_cls in ("amqp", "pyamqp"), f"the broker transport is {connection.transport_cls!r}, not amqp"
    assert (connection.hostname, connection.port) == ("localhost", 5672)
    assert connection.userid == "shop", f"user {connection.userid!r}"
    assert connection.virtual_host == "shop", f"virtual host {connection.virtual_host!r}"


def test_broker_password_comes_from_rabbitmq_password(connection):
    assert connection.password == PASSWORD, "read the password from the RABBITMQ_PASSWORD environment variable"


def test_results_go_to_redis_database_1(app):
    backend = urlparse(app.conf.result_backend or "")
    assert backend.scheme == "redis" and backend.path.strip("/") == "1", f"result_backend is {app.conf.result_backend!r}"


def test_connection_settings(app, connection):
    assert app.conf.broker_heartbeat == 30, "broker_heartbeat"
    assert connection.connect_timeout == 10, "broker_connection_timeout"
    assert app.conf.broker_pool_limit == 20, "broker_pool_limit"
    assert connection.transport_options.get("confirm_publish") is True, "broker_transport_options"


def test_reliability_settings(app):
    assert app.conf.task_acks_late is True, "task_acks_late"
    assert app.conf.worker_prefetch_multiplier == 1, "worker_prefetch_multiplier"


def test_queues_are_declared_with_priorities(app):
    queue = app.amqp.queues[app.conf.task_default_queue]
    assert (queue.queue_arguments or {}).get("x-max-priority") == 10, f"the default queue's arguments are {queue.queue_arguments}"


def test_tasks_py_uses_celeryconfig():
    tasks = importlib.import_module("tasks")
    assert tasks.app.conf.broker_url.startswith(("amqp://", "pyamqp://")), "tasks.py should load celeryconfig"
    assert {"tasks.add", "tasks.mul"} <= set(tasks.app.tasks)


def test_no_password_is_written_in_celeryconfig():
    source = (Path.cwd() / "celeryconfig.py").read_text(encoding="utf-8")
    assert "amqp://shop:shop@" not in source, "build the URL with the password from RABBITMQ_PASSWORD"
