"""Hidden tests for module 9's exercise, black-box: the tests run an SMTP server on 127.0.0.1:8025
(aiosmtpd, in this process) while they send tasks by name; the learner's worker, using the default
settings of alerts.py, must e-mail it when a task fails for good, and only then. Arguments are
drawn per run from COURSEBOT_SEED (reported in failures), so an alert body written for the README's
example does not pass."""
import email
import email.policy
import os
import random
import time
import uuid

import pytest
from aiosmtpd.controller import Controller

from coursebot_lab import call, send, wait_until

PORT = 8025
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        self.messages.append({
            "from": envelope.mail_from,
            "to": list(envelope.rcpt_tos),
            "subject": str(message["subject"] or ""),
            "body": body.get_content() if body is not None else "",
        })
        return "250 Message accepted for delivery"

    def about(self, task_id):
        return [m for m in self.messages if task_id in m["body"] or task_id in m["subject"]]


@pytest.fixture(scope="module")
def server():
    controller = Controller(Inbox(), hostname="127.0.0.1", port=PORT)
    try:
        controller.start()
    except Exception as exc:  # the grader's own problem, not the learner's
        pytest.fail(f"could not start the test SMTP server on 127.0.0.1:{PORT}: {exc!r}")
    yield controller
    try:
        controller.stop()
    except Exception:
        pass


@pytest.fixture(scope="module")
def inbox(server):
    return server.handler


def failed(result):
    result.get(timeout=10, propagate=False)
    assert result.state == "FAILURE", f"the task should have failed, it ended {result.state}"
    return result


def alert_for(inbox, result):
    mails = wait_until(lambda: inbox.about(result.id), timeout=5)
    assert mails, f"no e-mail mentioning task id {result.id} reached 127.0.0.1:{PORT} within 5 s"
    return mails[0]


@pytest.fixture(scope="module")
def alerting(inbox):
    """Staying quiet only counts once alerts work at all: a failing task must have sent one."""
    alert_for(inbox, failed(send("tasks.divide", 5, 0)))
    return inbox


def test_a_failing_task_emails_ops(inbox):
    mail = alert_for(inbox, failed(send("tasks.divide", 1, 0)))
    assert mail["from"] == "celery@shop.example"
    assert mail["to"] == ["ops@shop.example"]
    assert mail["subject"] == "Task failed: tasks.divide"


def test_the_alert_body_names_the_task_id_error_and_arguments(inbox):
    numerator = RNG.randint(1, 10**6)
    result = failed(send("tasks.divide", numerator, 0))
    lines = [line.strip() for line in alert_for(inbox, result)["body"].splitlines()]
    assert "task: tasks.divide" in lines
    assert f"id: {result.id}" in lines
    assert "error: ZeroDivisionError: division by zero" in lines
    assert any(line in (f"args: [{numerator}, 0]", f"args: ({numerator}, 0)") for line in lines), f"{lines} (seed {SEED})"
    assert "kwargs: {}" in lines


def test_every_failing_task_gets_its_own_alert(inbox):
    path = f"/no/such/file-{RNG.randrange(10**6)}.csv"
    result = failed(send("tasks.import_file", path))
    mail = alert_for(inbox, result)
    assert mail["subject"] == "Task failed: tasks.import_file"
    assert "FileNotFoundError" in mail["body"] and path in mail["body"], f"the alert should name the error and {path}"


def test_a_successful_task_sends_no_alert(alerting):
    inbox = alerting
    before = len(inbox.messages)
    assert call("tasks.add", 2, 3) == 5
    time.sleep(1)
    assert len(inbox.messages) == before, f"a successful task sent {inbox.messages[before:]}"


def test_a_task_that_succeeds_after_a_retry_sends_no_alert(alerting):
    inbox = alerting
    result = send("tasks.sync_inventory", uuid.uuid4().hex, 1)
    assert result.get(timeout=10) == "synced"
    time.sleep(1)
    assert not inbox.about(result.id), "a retry is not a failure: alert only when the task has failed for good"


def test_a_task_that_runs_out_of_retries_sends_exactly_one_alert(inbox):
    result = failed(send("tasks.sync_inventory", uuid.uuid4().hex, 10))
    alert_for(inbox, result)
    time.sleep(1)
    assert len(inbox.about(result.id)) == 1, f"expected one alert, got {len(inbox.about(result.id))}"


def test_the_worker_keeps_working_when_the_mail_server_is_down(server, alerting):
    server.stop()
    failed(send("tasks.divide", 2, 0))
    assert call("tasks.add", 1, 1) == 2
