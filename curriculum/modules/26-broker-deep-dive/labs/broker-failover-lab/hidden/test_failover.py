"""White-box tests for module 26's failover lab: the learner's broker settings can only be judged by
loading them, so these import celeryconfig/tasks (with CELERY_BROKER_URL removed, because Celery
prefers it to broker_url) and connect through them. The failover test points BROKER_URLS at a dead
primary (a closed local port) followed by the lab's real Redis."""
import importlib
import os
import socket
import sys
import uuid

import pytest
import redis

REAL = os.environ["CELERY_BROKER_URL"]


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def load(monkeypatch):
    def load(broker_urls=None):
        monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
        if broker_urls is None:
            monkeypatch.delenv("BROKER_URLS", raising=False)
        else:
            monkeypatch.setenv("BROKER_URLS", broker_urls)
        for name in ("tasks", "celeryconfig"):
            sys.modules.pop(name, None)
        return importlib.import_module("tasks").app

    return load


def test_the_broker_url_lists_every_broker_primary_first(load):
    app = load("redis://primary.example:6379/0;redis://standby.example:6379/0")
    connection = app.connection_for_write()
    hosts = [url.split("//", 1)[1].split(":", 1)[0] for url in connection.alt]
    assert hosts[:2] == ["primary.example", "standby.example"], f"broker_url should list BROKER_URLS in order, got {connection.alt}"
    defaults = load().connection_for_write().alt
    assert len(defaults) >= 2, f"without BROKER_URLS the default should still name a primary and a standby, got {defaults}"


def test_a_failover_strategy_is_chosen(load):
    app = load()
    strategy = app.conf.broker_failover_strategy
    assert strategy in ("round-robin", "shuffle"), f"broker_failover_strategy should be 'round-robin' or 'shuffle', got {strategy!r}"


def test_a_dead_broker_is_noticed_within_seconds(load):
    options = load().conf.broker_transport_options or {}
    connect = options.get("socket_connect_timeout")
    assert isinstance(connect, (int, float)) and 0 < connect <= 5, f"socket_connect_timeout should be a few seconds, got {connect!r}"
    assert isinstance(options.get("socket_timeout"), (int, float)), "set socket_timeout too"


def test_reconnecting_and_publishing_retry_through_an_outage(load):
    conf = load().conf
    assert conf.broker_connection_retry is True
    assert conf.broker_connection_max_retries in (None, 0), "workers should reconnect however long the failover takes"
    assert conf.task_publish_retry is True
    assert (conf.task_publish_retry_policy or {}).get("max_retries", 0) >= 3, "let a publish retry at least 3 times"


def test_the_app_fails_over_from_a_dead_primary_to_the_standby(load):
    dead = f"redis://127.0.0.1:{closed_port()}/0"
    app = load(f"{dead};{REAL}")
    queue = "failover-lab-" + uuid.uuid4().hex[:8]
    store = redis.Redis.from_url(REAL)
    try:
        app.send_task("tasks.ping", queue=queue)
        assert store.llen(queue) == 1, "the message should have been published to the standby (the lab's Redis)"
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=3)
            assert connection.as_uri().split("//")[1] == REAL.split("//")[1], f"connected to {connection.as_uri()}"
    finally:
        store.delete(queue)
