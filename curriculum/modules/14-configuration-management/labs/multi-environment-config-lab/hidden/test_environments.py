"""Hidden white-box tests for module 14's multi-environment lab: they import the learner's
celeryapp.make_app and read the configuration each environment loads."""
import pytest
from celery.exceptions import ImproperlyConfigured

import celeryapp

ENVIRONMENTS = ("development", "testing", "production")


@pytest.fixture(autouse=True)
def token(monkeypatch):
    monkeypatch.setenv("REPORTS_API_TOKEN", "prod-secret-42")
    monkeypatch.delenv("APP_ENV", raising=False)


def conf(env):
    return celeryapp.make_app(env).conf


def test_without_app_env_the_app_is_configured_for_development():
    assert celeryapp.make_app().conf.app_env == "development"


def test_app_env_picks_the_environment(monkeypatch):
    monkeypatch.setenv("APP_ENV", "testing")
    assert celeryapp.make_app().conf.app_env == "testing"


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_every_environment_shares_the_base_settings(env):
    c = conf(env)
    assert (c.app_env, c.task_serializer, c.result_serializer, c.accept_content, c.timezone) == (
        env, "json", "json", ["json"], "UTC")


def test_development_settings():
    c = conf("development")
    assert (c.task_always_eager, c.task_acks_late, c.worker_prefetch_multiplier, c.result_expires, c.reports_api_token) == (
        False, False, 4, 3600, "dev-token")


def test_testing_runs_tasks_eagerly_and_propagates_errors():
    c = conf("testing")
    assert (c.task_always_eager, c.task_eager_propagates, c.result_expires, c.reports_api_token) == (True, True, 300, "test-token")


def test_a_task_of_the_testing_app_runs_in_process():
    app = celeryapp.make_app("testing")

    @app.task
    def double(x):
        return 2 * x

    assert double.delay(21).get(timeout=1) == 42


def test_production_acknowledges_late_and_prefetches_one():
    c = conf("production")
    assert (c.task_always_eager, c.task_acks_late, c.worker_prefetch_multiplier, c.result_expires) == (False, True, 1, 86400)


def test_production_reads_the_api_token_from_the_environment():
    assert conf("production").reports_api_token == "prod-secret-42"


def test_production_without_the_token_refuses_to_start(monkeypatch):
    monkeypatch.delenv("REPORTS_API_TOKEN")
    with pytest.raises(ImproperlyConfigured, match="REPORTS_API_TOKEN"):
        conf("production").reports_api_token


def test_an_unknown_environment_is_refused():
    with pytest.raises(ValueError):
        conf("staging").app_env


def test_the_censored_configuration_hides_the_production_token():
    shown = conf("production").humanize(with_defaults=False, censored=True)
    assert "reports_api_token" in shown and "prod-secret-42" not in shown
