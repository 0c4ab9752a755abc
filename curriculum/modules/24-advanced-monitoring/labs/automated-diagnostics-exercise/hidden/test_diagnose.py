"""White-box tests for module 24's diagnostics exercise: the finding functions' own contract (their
arguments and return values), which the command cannot show. They import diagnose.py, as the learner
user, and use the lab's worker (started for the celery check) without stopping it. What the program
reports in each situation is judged by the command checks, which run it in its own process."""
import importlib
import itertools
import os
import random

import pytest

LEVELS = ("OK", "WARNING", "CRITICAL")
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))


@pytest.fixture(scope="module")
def diagnose():
    return importlib.import_module("diagnose")


@pytest.fixture(scope="module")
def app():
    return importlib.import_module("tasks").app


def by_check(findings):
    for f in findings:
        assert isinstance(f, dict) and set(f) >= {"check", "level", "detail", "action"}, (
            f"a finding is a dict with check, level, detail and action: {f!r}")
        assert f["level"] in LEVELS, f"unknown level {f['level']!r}"
    return {f["check"]: f for f in findings}


def test_diagnose_returns_findings_in_order(diagnose, app):
    queue = f"quiet-{random.Random(SEED).getrandbits(32):08x}"
    findings = by_check(diagnose.diagnose(app, queues=["celery", queue]))
    assert list(findings) == ["workers", "queue:celery", f"queue:{queue}", "stuck-tasks"], (
        f"checks in order: workers, each queue, stuck-tasks; got {list(findings)}")
    for name, f in findings.items():
        assert f["level"] == "OK", f"{name} should be OK on a healthy system: {f}"


def test_check_queue_uses_its_thresholds(diagnose, app):
    rng = random.Random(SEED)
    queue = f"thresholds-{rng.getrandbits(32):08x}"
    waiting = rng.randint(3, 30)
    try:
        for _ in range(waiting):
            app.send_task("tasks.add", args=[1, 1], queue=queue)
        for warning, critical, level in ((waiting + 1, waiting + 5, "OK"), (waiting, waiting + 5, "WARNING"),
                                         (waiting - 2, waiting, "CRITICAL")):
            f = diagnose.check_queue(app, queue, warning=warning, critical=critical)
            assert f["check"] == f"queue:{queue}" and f["level"] == level and str(waiting) in f["detail"], (
                f"{waiting} waiting with warning={warning}, critical={critical} should be {level} (seed {SEED}): {f}")
    finally:
        with app.connection_for_write() as connection:
            connection.default_channel.client.delete(queue)


def test_overall_is_the_worst_level(diagnose):
    rng = random.Random(SEED)
    for levels in itertools.product(LEVELS, repeat=3):
        findings = [{"check": f"c{i}", "level": level, "detail": "", "action": ""} for i, level in enumerate(levels)]
        rng.shuffle(findings)
        want = max(levels, key=LEVELS.index)
        assert diagnose.overall(findings) == want, f"overall of {[f['level'] for f in findings]} should be {want}"
