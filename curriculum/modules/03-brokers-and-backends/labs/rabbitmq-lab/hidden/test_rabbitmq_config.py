"""White-box test for module 3's RabbitMQ lab: the one thing the running worker cannot show (inspect
conf masks the password) is that the password comes from RABBITMQ_PASSWORD. celeryconfig.py is
loaded into a fresh Celery app without the grader's CELERY_BROKER_URL, and the connection it would
open is inspected; nothing connects (the grader has no RabbitMQ)."""
import sys
import uuid

import pytest
from celery import Celery


def load(monkeypatch, password):
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    monkeypatch.delenv("CELERY_RESULT_BACKEND", raising=False)
    if password is None:
        monkeypatch.delenv("RABBITMQ_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("RABBITMQ_PASSWORD", password)
    for name in ("celeryconfig", "tasks"):
        sys.modules.pop(name, None)
    app = Celery("rabbitmq-lab-check")
    app.config_from_object("celeryconfig", force=True)
    return app.connection_for_write()


def test_broker_password_comes_from_the_environment(monkeypatch):
    password = "pw-" + uuid.uuid4().hex[:12]
    connection = load(monkeypatch, password)
    assert connection.transport_cls in ("amqp", "pyamqp"), f"the broker transport is {connection.transport_cls!r}, not amqp"
    assert connection.userid == "shop", f"user {connection.userid!r}"
    assert connection.password == password, "read the password from the RABBITMQ_PASSWORD environment variable"


def test_broker_password_defaults_to_shop(monkeypatch):
    connection = load(monkeypatch, None)
    assert connection.password == "shop", "without RABBITMQ_PASSWORD the password is 'shop'"
