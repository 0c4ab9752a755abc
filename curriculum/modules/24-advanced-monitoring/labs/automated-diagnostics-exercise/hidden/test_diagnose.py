"""White-box tests for module 24's diagnostics exercise: the diagnostics are a program of the learner's,
so these import diagnose.py and run it against the lab's real worker, in this order: healthy, a
backed-up queue, a task running too long, then the worker shut down."""
import importlib
import subprocess
import sys
import time
import uuid

import pytest

LEVELS = ("OK", "WARNING", "CRITICAL")


@pytest.fixture(scope="module")
def diagnose():
    return importlib.import_module("diagnose")


@pytest.fixture(scope="module")
def app():
    return importlib.import_module("tasks").app


def by_check(findings):
    for f in findings:
        assert set(f) >= {"check", "level", "detail", "action"}, f"a finding needs check, level, detail and action: {f!r}"
        assert f["level"] in LEVELS, f"unknown level {f['level']!r}"
    return {f["check"]: f for f in findings}


def run_command(*args):
    done = subprocess.run([sys.executable, "diagnose.py", *args], capture_output=True, text=True, timeout=30)
    lines = done.stdout.strip().splitlines()
    return done.returncode, lines


def test_a_healthy_system_reports_ok(diagnose, app):
    findings = by_check(diagnose.diagnose(app, queues=["celery"]))
    assert list(findings) == ["workers", "queue:celery", "stuck-tasks"], f"checks in order: workers, each queue, stuck-tasks; got {list(findings)}"
    for name, f in findings.items():
        assert f["level"] == "OK", f"{name} should be OK on a healthy system: {f}"
    assert diagnose.overall(list(findings.values())) == "OK"


def test_the_command_exits_0_and_says_ok_when_healthy():
    code, lines = run_command()
    assert lines and lines[-1] == "overall: OK", f"the last line should be 'overall: OK', output was {lines}"
    assert any(line.startswith("OK workers: ") for line in lines), f"expected a line 'OK workers: ...', output was {lines}"
    assert code == 0


def test_a_backed_up_queue_is_a_warning_then_critical(diagnose, app):
    queue = "diagnostics-backlog-" + uuid.uuid4().hex[:8]  # no worker consumes it
    try:
        for _ in range(15):
            app.send_task("tasks.add", args=[1, 1], queue=queue)
        f = by_check(diagnose.diagnose(app, queues=["celery", queue]))[f"queue:{queue}"]
        assert f["level"] == "WARNING", f"15 waiting messages (warning from 10) should be a WARNING: {f}"
        assert "15" in f["detail"], f"say how many messages wait: {f}"
        assert f["action"], "a WARNING should say what to do next"

        for _ in range(45):
            app.send_task("tasks.add", args=[1, 1], queue=queue)
        findings = diagnose.diagnose(app, queues=["celery", queue])
        f = by_check(findings)[f"queue:{queue}"]
        assert f["level"] == "CRITICAL" and "60" in f["detail"], f"60 waiting messages (critical from 50): {f}"
        assert by_check(findings)["queue:celery"]["level"] == "OK", "the celery queue is still empty"
        assert diagnose.overall(findings) == "CRITICAL"
    finally:
        with app.connection_for_write() as connection:
            connection.default_channel.client.delete(queue)


def test_a_task_running_too_long_is_reported(diagnose, app):
    result = app.send_task("tasks.sleepy", args=[8])
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any((app.control.inspect(timeout=1).active() or {}).values()):
            time.sleep(0.1)
        time.sleep(1.2)
        for _ in range(3):  # a broadcast reply can be missed now and then: look again
            f = by_check(diagnose.diagnose(app, queues=["celery"], stuck_after=1.0))["stuck-tasks"]
            if f["level"] != "OK":
                break
        assert f["level"] == "WARNING", f"sleepy has run for over a second (stuck_after=1.0): {f}"
        assert result.id in f["detail"] or "tasks.sleepy" in f["detail"], f"name the stuck task (its id or name): {f}"
        assert f["action"]
    finally:
        app.control.revoke(result.id, terminate=True)


def test_a_stopped_worker_is_critical(app):
    app.control.shutdown()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and app.control.ping(timeout=1):
        time.sleep(0.2)
    code, lines = run_command()
    assert any(line.startswith("CRITICAL workers: ") and " -> " in line for line in lines), (
        f"with no worker answering, expected a line 'CRITICAL workers: ... -> <what to do>', output was {lines}"
    )
    assert code == 2 and lines[-1] == "overall: CRITICAL", f"exit code {code}, output {lines}"
