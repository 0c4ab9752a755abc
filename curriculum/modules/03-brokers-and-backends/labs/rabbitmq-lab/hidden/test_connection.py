"""Hidden tests for module 3's RabbitMQ lab, black-box: the connection settings and the result
backend the learner's worker reports having loaded (inspect conf, without defaults: a setting
left out is absent). The grader's CELERY_RESULT_BACKEND is used for the connection; the setting
itself is still reported."""
from urllib.parse import urlparse

from coursebot_lab import app


def conf():
    replies = app.control.inspect(timeout=3, limit=1).conf() or {}
    assert replies, "no worker answered"
    return next(iter(replies.values()))


def test_connection_settings():
    settings = conf()
    found = {
        "broker_heartbeat": settings.get("broker_heartbeat"),
        "broker_connection_timeout": settings.get("broker_connection_timeout"),
        "broker_pool_limit": settings.get("broker_pool_limit"),
        "confirm_publish": (settings.get("broker_transport_options") or {}).get("confirm_publish"),
    }
    expected = {"broker_heartbeat": 30, "broker_connection_timeout": 10, "broker_pool_limit": 20, "confirm_publish": True}
    assert found == expected, f"the worker loaded {found}"


def test_results_go_to_redis_database_1():
    backend = conf().get("result_backend") or ""
    url = urlparse(backend)
    where = (url.scheme, url.hostname, url.port or 6379, url.path.strip("/"))
    assert where == ("redis", "localhost", 6379, "1"), f"the worker's result_backend setting is {backend or 'not set'}"
