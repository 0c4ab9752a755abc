"""White-box tests for module 26's failover lab: the settings that no failover on loopback can show
(strategy, timeouts, reconnects, publish retries) are judged by loading them, with CELERY_BROKER_URL
removed because Celery prefers it to broker_url. Whether the app really fails over is judged by the
command checks, which run it in processes of its own."""
import importlib
import sys

import pytest


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


def test_without_broker_urls_a_primary_and_a_standby_are_named(load):
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
