"""Hidden white-box tests for module 14's configuration validation exercise: they import the
learner's validation module and feed validate_config plain dicts."""
import pytest
from celery import Celery
from celery.exceptions import ImproperlyConfigured

from validation import check_app, validate_config

VALID = {
    "app_env": "development",
    "broker_url": "redis://localhost:6379/0",
    "task_serializer": "json",
    "accept_content": ["json"],
    "worker_concurrency": 4,
    "worker_prefetch_multiplier": 1,
    "task_soft_time_limit": 50,
    "task_time_limit": 60,
}
PRODUCTION = dict(VALID, app_env="production", broker_url="rediss://redis.internal:6380/0",
                  result_backend="rediss://redis.internal:6380/1")


def problems_with(**changes):
    settings = dict(VALID)
    for key, value in changes.items():
        if value is ...:
            settings.pop(key, None)
        else:
            settings[key] = value
    return validate_config(settings)


def one_problem_about(problems, setting):
    assert len(problems) == 1, f"expected one problem about {setting}, got {problems}"
    assert setting in problems[0], f"the problem should name {setting}: {problems[0]!r}"


def test_a_valid_development_configuration_has_no_problems():
    assert validate_config(VALID) == []


def test_a_valid_production_configuration_has_no_problems():
    assert validate_config(PRODUCTION) == []


def test_a_misspelled_setting_is_reported():
    one_problem_about(problems_with(worker_concurency=8), "worker_concurency")


def test_app_env_must_be_a_known_environment():
    one_problem_about(problems_with(app_env="staging"), "app_env")
    one_problem_about(problems_with(app_env=...), "app_env")


def test_the_broker_url_is_required_and_must_be_a_broker():
    one_problem_about(problems_with(broker_url=...), "broker_url")
    one_problem_about(problems_with(broker_url="http://localhost:6379/0"), "broker_url")


def test_production_needs_a_tls_broker_url():
    one_problem_about(validate_config(dict(PRODUCTION, broker_url="redis://redis.internal:6379/0")), "broker_url")


def test_production_needs_a_result_backend():
    settings = dict(PRODUCTION)
    del settings["result_backend"]
    one_problem_about(validate_config(settings), "result_backend")


@pytest.mark.parametrize("value", [0, 65, "4", 2.5, True])
def test_worker_concurrency_must_be_a_whole_number_from_1_to_64(value):
    one_problem_about(problems_with(worker_concurrency=value), "worker_concurrency")


@pytest.mark.parametrize("value", [0, -1, "1"])
def test_worker_prefetch_multiplier_must_be_at_least_1(value):
    one_problem_about(problems_with(worker_prefetch_multiplier=value), "worker_prefetch_multiplier")


def test_the_soft_time_limit_must_be_below_the_hard_one():
    one_problem_about(problems_with(task_soft_time_limit=60, task_time_limit=60), "task_soft_time_limit")


def test_time_limits_must_be_positive_numbers():
    one_problem_about(problems_with(task_time_limit=-5, task_soft_time_limit=...), "task_time_limit")


def test_pickle_is_refused():
    one_problem_about(problems_with(accept_content=["json", "pickle"]), "accept_content")
    one_problem_about(problems_with(task_serializer="pickle"), "task_serializer")


def test_every_problem_is_reported_at_once():
    problems = problems_with(worker_concurency=8, worker_prefetch_multiplier=0, accept_content=["pickle"])
    assert len(problems) == 3, problems


def test_check_app_raises_with_every_problem():
    app = Celery("check", broker="redis://localhost:6379/0")
    app.conf.update(app_env="testing", worker_concurency=8, worker_prefetch_multiplier=0)
    with pytest.raises(ImproperlyConfigured) as raised:
        check_app(app)
    assert "worker_concurency" in str(raised.value) and "worker_prefetch_multiplier" in str(raised.value)


def test_check_app_accepts_a_valid_app():
    app = Celery("check", broker="redis://localhost:6379/0")
    app.conf.update(app_env="testing", worker_prefetch_multiplier=2)
    check_app(app)
