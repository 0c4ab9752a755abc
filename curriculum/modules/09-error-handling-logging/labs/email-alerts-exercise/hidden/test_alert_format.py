"""White-box tests for module 9's exercise: alerts.py's two functions, with a fake SMTP class in
place of smtplib.SMTP, so nothing is sent."""
import importlib

import pytest


@pytest.fixture
def alerts():
    return importlib.import_module("alerts")


class FakeSMTP:
    opened = []

    def __init__(self, host="", port=0, *args, timeout=None, **kwargs):
        self.record = {"host": host, "port": port, "timeout": timeout if timeout is not None else (args[1] if len(args) > 1 else None), "sent": []}
        FakeSMTP.opened.append(self.record)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_message(self, message, *args, **kwargs):
        self.record["sent"].append(("message", message))

    def sendmail(self, from_addr, to_addrs, msg, *args, **kwargs):
        self.record["sent"].append(("sendmail", (from_addr, to_addrs, msg)))

    def quit(self):
        pass

    def close(self):
        pass

    def ehlo(self, *args, **kwargs):
        return (250, b"ok")

    helo = ehlo


def test_format_alert_builds_the_subject_and_five_lines(alerts):
    subject, body = alerts.format_alert("tasks.charge", "id-42", ValueError("card declined"), [7, "EUR"], {"retry": False})
    assert subject == "Task failed: tasks.charge"
    assert [line.strip() for line in body.strip().splitlines()] == [
        "task: tasks.charge",
        "id: id-42",
        "error: ValueError: card declined",
        "args: [7, 'EUR']",
        "kwargs: {'retry': False}",
    ]


def test_send_alert_uses_the_configured_server_with_a_timeout(alerts, monkeypatch):
    FakeSMTP.opened.clear()
    monkeypatch.setattr(alerts.smtplib, "SMTP", FakeSMTP)
    alerts.send_alert("Task failed: tasks.x", "task: tasks.x")
    assert len(FakeSMTP.opened) == 1, "send_alert should open one SMTP connection"
    record = FakeSMTP.opened[0]
    assert (record["host"], record["port"]) == (alerts.SMTP_HOST, alerts.SMTP_PORT) == ("127.0.0.1", 8025)
    assert record["timeout"] is not None and 0 < record["timeout"] <= 10, "give smtplib.SMTP a timeout of a few seconds"
    assert record["sent"], "nothing was sent on the connection"
