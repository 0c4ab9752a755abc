"""White-box mutation tests for module 10's lab: the learner's test suite is the thing under test.

The suite runs (as the learner, in copies of the lab folder, as `python3 -m pytest -q tests` would) against:
- the original tasks.py, where it must pass;
- an EQUIVALENT tasks.py: the same behaviour written differently (other layout, names, helper
  constants, function order, a per-run random comment), where it must pass too. A suite that checks the
  module's text (a SHA-256 of tasks.py, `"x + y" in source`) instead of its behaviour fails here, and
  then no mutant counts;
- MUTANTS of that equivalent module, one per behaviour the lab's README asks for, where it must fail.
  Mutants keep the tokens a text check would look for where they can (`.lower()` still written, the
  e-mail still sent in dead code), so only a behaviour test notices them.
The services in the equivalent run record whether a test reached them: unit tests must mock them.

White-box tests run as the learner user and are not secret (the mutants only say which behaviours to
test, which the README says anyway); the per-run seed (COURSEBOT_SEED) varies the equivalent module.
The original sources below are the starter's (templates/learner/labs/testing-celery/unit-tests-lab):
keep them in step.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))

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

HEADER = '''"""Tasks under test, module 10 lab ({token})."""
import operator

from celery import Celery

import mailer
import pricing

# {token}
app = Celery("tasks")
app.conf.update(accept_content=["json"], result_serializer="json", task_serializer="json")

RETRY_AFTER_SECONDS = 5
DECIMAL_PLACES = 2
'''

FUNCTIONS = [
    '''

@app.task
def add(first, second):
    return operator.add(first, second)
''',
    '''

@app.task
def normalize_email(raw):
    text = str.lower(str.strip(raw))
    user, sign, host = text.partition("@")
    if not user or not sign or not host:
        raise ValueError("not an e-mail address: %r" % (raw,))
    return text
''',
    '''

@app.task(max_retries=3, bind=True)
def fetch_price(task, ticker):
    try:
        quoted = pricing.get_price(ticker)
    except ConnectionError as error:
        raise task.retry(exc=error, countdown=RETRY_AFTER_SECONDS)
    return round(quoted, DECIMAL_PLACES)
''',
    '''

@app.task
def send_welcome(given):
    clean = normalize_email(given)
    mailer.send(clean, "Welcome!", "Hello %s, thanks for signing up." % clean)
    return clean
''',
]

# name: (text in the equivalent module, its replacement). Each is one behaviour of the README's list.
MUTANTS = {
    "add_multiplying": ("operator.add(first, second)", "operator.mul(first, second)"),
    "add_subtracting": ("operator.add(first, second)", "operator.sub(first, second)"),
    "normalize_email_not_lowercasing": ("text = str.lower(str.strip(raw))",
                                        "text = str.strip(raw)\n    str.lower(text)"),
    "normalize_email_not_stripping": ("text = str.lower(str.strip(raw))",
                                      "text = str.lower(raw)\n    str.strip(text)"),
    "normalize_email_accepting_an_address_without_at": ("if not user or not sign or not host:",
                                                        "if sign and (not user or not host):"),
    "normalize_email_accepting_an_address_without_domain": ("if not user or not sign or not host:",
                                                            "if not user or not sign:"),
    "fetch_price_not_rounding": ("return round(quoted, DECIMAL_PLACES)",
                                 "round(quoted, DECIMAL_PLACES)\n    return quoted"),
    "fetch_price_asking_for_the_wrong_symbol": ("pricing.get_price(ticker)", 'pricing.get_price("ticker")'),
    "fetch_price_retrying_after_60_seconds": ("countdown=RETRY_AFTER_SECONDS)", "countdown=RETRY_AFTER_SECONDS * 12)"),
    "fetch_price_retrying_without_the_error": ("task.retry(exc=error, ", "task.retry(exc=None, "),
    "fetch_price_swallowing_connection_errors": ("raise task.retry(exc=error, countdown=RETRY_AFTER_SECONDS)",
                                                 "task.retry\n        return None"),
    "send_welcome_mailing_the_raw_address": ("mailer.send(clean, ", "mailer.send(given, "),
    "send_welcome_sending_nothing": ('    mailer.send(clean, "Welcome!"', '    if not clean:\n        mailer.send(clean, "Welcome!"'),
    "send_welcome_sending_twice": ('    mailer.send(clean, "Welcome!", "Hello %s, thanks for signing up." % clean)\n',
                                   '    for _ in range(2):\n'
                                   '        mailer.send(clean, "Welcome!", "Hello %s, thanks for signing up." % clean)\n'),
    "send_welcome_returning_the_raw_address": ("    return clean\n", "    return given\n"),
}

# The services of the equivalent run: they raise like the real ones, after writing down that a test reached them.
RECORDING = {
    "pricing.py": '''from pathlib import Path


def get_price(symbol):
    with Path({log!r}).open("a") as log:
        log.write("pricing.get_price\\n")
    raise RuntimeError(f"get_price({{symbol!r}}) tried to reach the price service: mock it in unit tests")
''',
    "mailer.py": '''from pathlib import Path


def send(to, subject, body):
    with Path({log!r}).open("a") as log:
        log.write("mailer.send\\n")
    raise RuntimeError(f"send({{to!r}}, ...) tried to send a real e-mail: mock it in unit tests")
''',
}


def equivalent_tasks(seed):
    """The equivalent module for this run: functions in a seeded order, a seeded token in its text."""
    rng = random.Random(seed)
    order = list(FUNCTIONS)
    rng.shuffle(order)
    return HEADER.format(token=f"build {rng.randrange(16**12):012x}") + "".join(order)


EQUIVALENT = equivalent_tasks(SEED)


def run_suite(tasks_source, services=None):
    """Runs the learner's tests against `tasks_source`; returns (exit code, end of output, services reached)."""
    work = Path(tempfile.mkdtemp(prefix="coursebot-mutant-"))
    try:
        lab = work / "lab"
        shutil.copytree(Path.cwd(), lab, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", "celerybeat-schedule*"))
        log = work / "services.log"
        for name, text in ORIGINAL.items():
            (lab / name).write_text(text, encoding="utf-8")
        for name, text in (services or {}).items():
            (lab / name).write_text(text.format(log=str(log)), encoding="utf-8")
        (lab / "tasks.py").write_text(tasks_source, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(lab), PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)  # the suite runs as it does for the learner
        env.pop("COURSEBOT_SEED", None)
        try:
            done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests"],
                                  cwd=lab, env=env, capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            return None, "your tests did not finish within 60 s", ""
        reached = log.read_text() if log.exists() else ""
        return done.returncode, (done.stdout + done.stderr)[-1500:], reached
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def baseline():
    return run_suite(ORIGINAL["tasks.py"])


@pytest.fixture(scope="module")
def equivalent():
    return run_suite(EQUIVALENT, RECORDING)


def assert_caught(baseline, equivalent, mutant):
    code, output, _ = baseline
    assert code == 0, f"your tests must pass on the original tasks.py first (pytest exit code {code}):\n{output}"
    code, output, _ = equivalent
    assert code == 0, (f"your tests must pass on an equivalent tasks.py (same behaviour, written differently; seed {SEED}) "
                       f"before a mutant counts (pytest exit code {code}):\n{output}")
    old, new = MUTANTS[mutant]
    assert EQUIVALENT.count(old) == 1, f"mutant {mutant} no longer applies (seed {SEED})"
    code, output, _ = run_suite(EQUIVALENT.replace(old, new, 1), RECORDING)
    assert code == 1, (f"your tests still pass when tasks.py has this bug: `{' '.join(old.split())}` became "
                       f"`{' '.join(new.split())}`"
                       if code == 0 else f"pytest exit code {code} on the broken copy (seed {SEED}):\n{output}")


def test_your_tests_pass_on_the_original_tasks(baseline):
    code, output, _ = baseline
    assert code == 0, f"pytest exit code {code} (5 means no test was collected):\n{output}"


def test_your_tests_pass_on_an_equivalent_tasks_module(equivalent):
    code, output, _ = equivalent
    assert code == 0, (f"your tests fail on a tasks.py that behaves exactly like the original but is written "
                       f"differently (seed {SEED}): test what the tasks do, not the file's text (pytest exit code {code}):\n"
                       f"{output}")


def test_your_tests_never_reach_the_real_services(equivalent):
    code, _, reached = equivalent
    assert code == 0, f"your tests must pass on an equivalent tasks.py first (seed {SEED})"
    assert not reached, ("a test called the real " + " and ".join(sorted(set(reached.split()))) +
                         ": mock pricing.get_price and mailer.send (unittest.mock.patch) in every test that gets there")


@pytest.mark.parametrize("mutant", sorted(MUTANTS))
def test_your_tests_catch(baseline, equivalent, mutant):
    assert_caught(baseline, equivalent, mutant)
