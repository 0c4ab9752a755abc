"""White-box, mutation-style tests for module 10's lab: the learner's test suite is the thing under
test. It is run (as the learner, in a copy of the lab folder, exactly as `python3 -m pytest -q tests`
would run it) first against the original tasks.py, where it must pass, then against broken copies
("mutants") of it, where it must fail: a suite that passes on broken code would not catch that bug.

The mutants are written into this file on purpose: white-box tests run as the learner user and are
not secret, while hidden/ files could not be read by the learner's process. The original sources
below are the starter's (templates/learner/labs/testing-celery/unit-tests-lab); keep them in step.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ORIGINAL = {
    'tasks.py': r'''"""The tasks under test (module 10 lab). Do not change this file: write tests for it in tests/."""
from celery import Celery

import mailer
import pricing

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def add(x, y):
    return x + y


@app.task
def normalize_email(address):
    """Turns " Ann@Example.COM " into "ann@example.com"; ValueError unless it has a local part, an @ and a domain."""
    cleaned = address.strip().lower()
    local, at, domain = cleaned.partition("@")
    if not (local and at and domain):
        raise ValueError(f"not an e-mail address: {address!r}")
    return cleaned


@app.task(bind=True, max_retries=3)
def fetch_price(self, symbol):
    """The price of `symbol`, rounded to 2 decimal places; retried in 5 s when the service is unreachable."""
    try:
        price = pricing.get_price(symbol)
    except ConnectionError as exc:
        raise self.retry(exc=exc, countdown=5)
    return round(price, 2)


@app.task
def send_welcome(user_email):
    """Sends one welcome e-mail to the normalized address and returns that address."""
    address = normalize_email(user_email)
    mailer.send(address, "Welcome!", f"Hello {address}, thanks for signing up.")
    return address
''',
    'pricing.py': r'''"""The price service client (module 10 lab). Do not change this file.

In production get_price asks a remote service. Unit tests must never reach it: replace it with a
mock (unittest.mock.patch("tasks.pricing.get_price", ...)).
"""


def get_price(symbol):
    raise RuntimeError(f"get_price({symbol!r}) tried to reach the price service: mock it in unit tests")
''',
    'mailer.py': r'''"""The e-mail client (module 10 lab). Do not change this file.

send would deliver a real e-mail. Unit tests must replace it with a mock.
"""


def send(to, subject, body):
    raise RuntimeError(f"send({to!r}, ...) tried to send a real e-mail: mock it in unit tests")
''',
}

MUTANTS = {
    "add_subtracting": ("return x + y", "return x - y"),
    "normalize_email_not_lowercasing": ("cleaned = address.strip().lower()", "cleaned = address.strip()"),
    "normalize_email_not_stripping": ("cleaned = address.strip().lower()", "cleaned = address.lower()"),
    "normalize_email_accepting_an_address_without_at": ("if not (local and at and domain):", "if not local:"),
    "fetch_price_not_rounding": ("return round(price, 2)", "return price"),
    "fetch_price_retrying_after_60_seconds": ("countdown=5)", "countdown=60)"),
    "fetch_price_swallowing_connection_errors": ("raise self.retry(exc=exc, countdown=5)", "return None"),
    "send_welcome_mailing_the_raw_address": ("mailer.send(address, ", "mailer.send(user_email, "),
    "send_welcome_sending_nothing": ('mailer.send(address, "Welcome!", f"Hello {address}, thanks for signing up.")', "pass"),
}


def run_suite(tasks_source):
    """Runs the learner's tests against `tasks_source`; returns (pytest exit code, the end of its output)."""
    work = Path(tempfile.mkdtemp(prefix="coursebot-mutant-"))
    try:
        lab = work / "lab"
        shutil.copytree(Path.cwd(), lab, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", "celerybeat-schedule*"))
        for name, text in ORIGINAL.items():
            (lab / name).write_text(text, encoding="utf-8")
        (lab / "tasks.py").write_text(tasks_source, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(lab), PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)  # the suite runs as it does for the learner
        try:
            done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests"],
                                  cwd=lab, env=env, capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            return None, "your tests did not finish within 60 s"
        return done.returncode, (done.stdout + done.stderr)[-1500:]
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def baseline():
    return run_suite(ORIGINAL["tasks.py"])


def assert_caught(baseline, mutant):
    code, output = baseline
    assert code == 0, f"your tests must pass on the original tasks.py first (pytest exit code {code}):\n{output}"
    old, new = MUTANTS[mutant]
    assert old in ORIGINAL["tasks.py"], f"mutant {mutant} no longer applies"
    code, output = run_suite(ORIGINAL["tasks.py"].replace(old, new, 1))
    assert code == 1, (f"your tests still pass when tasks.py has this bug: `{old}` became `{new}`"
                       if code == 0 else f"pytest exit code {code} on the broken copy:\n{output}")


def test_your_tests_pass_on_the_original_tasks(baseline):
    code, output = baseline
    assert code == 0, f"pytest exit code {code} (5 means no test was collected):\n{output}"


def test_your_tests_catch_add_subtracting(baseline):
    assert_caught(baseline, "add_subtracting")


def test_your_tests_catch_normalize_email_not_lowercasing(baseline):
    assert_caught(baseline, "normalize_email_not_lowercasing")


def test_your_tests_catch_normalize_email_not_stripping(baseline):
    assert_caught(baseline, "normalize_email_not_stripping")


def test_your_tests_catch_normalize_email_accepting_an_address_without_at(baseline):
    assert_caught(baseline, "normalize_email_accepting_an_address_without_at")


def test_your_tests_catch_fetch_price_not_rounding(baseline):
    assert_caught(baseline, "fetch_price_not_rounding")


def test_your_tests_catch_fetch_price_retrying_after_60_seconds(baseline):
    assert_caught(baseline, "fetch_price_retrying_after_60_seconds")


def test_your_tests_catch_fetch_price_swallowing_connection_errors(baseline):
    assert_caught(baseline, "fetch_price_swallowing_connection_errors")


def test_your_tests_catch_send_welcome_mailing_the_raw_address(baseline):
    assert_caught(baseline, "send_welcome_mailing_the_raw_address")


def test_your_tests_catch_send_welcome_sending_nothing(baseline):
    assert_caught(baseline, "send_welcome_sending_nothing")
