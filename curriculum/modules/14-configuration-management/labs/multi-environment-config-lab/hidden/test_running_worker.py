"""Hidden black-box tests for module 14's multi-environment lab: the worker the grader starts
(with no APP_ENV) must run the development configuration. Read through `inspect conf`."""
import pytest

from coursebot_lab import call, inspect


@pytest.fixture(scope="module")
def conf():
    replies = inspect(timeout=3).conf(with_defaults=True) or {}
    assert replies, "the worker did not answer `inspect conf`"
    return next(iter(replies.values()))


def test_the_worker_reports_the_development_environment():
    assert call("celeryapp.environment") == "development"


def test_the_worker_loaded_the_development_settings(conf):
    assert conf.get("app_env") == "development"
    assert conf.get("result_expires") == 3600
    assert conf.get("worker_prefetch_multiplier") == 4
    assert conf.get("task_acks_late") is False


def test_the_worker_accepts_json_only(conf):
    assert conf.get("accept_content") == ["json"]
    assert conf.get("task_serializer") == "json"
    assert conf.get("timezone") == "UTC"


def test_the_worker_does_not_run_tasks_eagerly(conf):
    assert conf.get("task_always_eager") is False


def test_the_api_token_is_censored_when_the_worker_reports_its_configuration(conf):
    assert "reports_api_token" in conf, "the setting reports_api_token is missing"
    assert conf["reports_api_token"] != "dev-token", "name secret settings so Celery censors them (…TOKEN, …KEY, …SECRET)"
