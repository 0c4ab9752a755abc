"""Hidden tests for module 23's HA deployment lab: the learner's production settings, loaded into a
real worker (two prefork processes, queues celery and reports), observed from outside: a task
whose process dies, routing, and the settings the worker reports through inspect conf."""
import uuid

import pytest
from coursebot_lab import app, call


@pytest.fixture(scope="module")
def conf():
    replies = app.control.inspect(timeout=1).conf() or {}
    assert replies, "the worker did not answer inspect conf"
    return next(iter(replies.values()))


def test_a_task_whose_process_dies_is_run_again():
    attempts = call("tasks.crash_once", uuid.uuid4().hex, timeout=20)
    assert attempts == 2, f"expected the second attempt to finish the task, got {attempts!r}"


def test_tasks_are_acknowledged_after_they_ran(conf):
    assert conf.get("task_acks_late") is True, "task_acks_late should be True"


def test_reports_are_routed_to_their_own_queue():
    report_id = call("tasks.request_report", "acme")
    assert app.AsyncResult(report_id).get(timeout=10) == "reports", "generate_report should arrive through the reports queue"


def test_redis_does_not_redeliver_a_task_that_is_still_running(conf):
    limit = conf.get("task_time_limit")
    options = conf.get("broker_transport_options") or {}
    visibility = options.get("visibility_timeout") if isinstance(options, dict) else None
    assert isinstance(limit, (int, float)) and limit > 0, "set a hard task_time_limit (seconds)"
    assert isinstance(visibility, (int, float)), "set broker_transport_options['visibility_timeout'] (the default is 3600 s)"
    assert visibility > limit, f"visibility_timeout ({visibility} s) must be longer than task_time_limit ({limit} s)"


def test_workers_keep_reconnecting_during_a_broker_failover(conf):
    assert "broker_connection_max_retries" in conf and conf["broker_connection_max_retries"] in (None, 0), (
        "broker_connection_max_retries defaults to 100 attempts: set it to None (retry forever)"
    )
    assert conf.get("broker_connection_retry", True) is True
