"""White-box mutation tests for module 10's exercise: the learner's test suite is the thing under test.

The suite's three files run (as the learner, in copies of the lab folder; units, config, integration,
with -x, so a bug the fast tests catch never waits for the embedded worker) against:
- the original application, where it must pass;
- an EQUIVALENT tasks.py: the same behaviour written differently (a routing function instead of the
  routes dict, other layout and names, seeded function order and a per-run random comment), where it
  must pass too. A suite that checks text (a SHA-256 of tasks.py, `app.conf.task_routes[...]`,
  source tokens) instead of behaviour fails here, and then no mutant counts;
- MUTANTS of that equivalent module, one per behaviour the README lists, where it must fail. One of
  them (a Decimal amount the JSON serializer refuses) only shows through a real worker: the
  integration layer must run the pipeline through one.
The services in the equivalent run record whether a test reached them: the suite must mock them.

White-box tests run as the learner user and are not secret; the per-run seed (COURSEBOT_SEED)
varies the equivalent module. The original sources below are the starter's
(templates/learner/labs/testing-celery/test-suite-exercise): keep them in step.
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
    'tasks.py': r'''"""The shop's order pipeline (module 10 exercise). Do not change this file: write its test suite in tests/."""
from celery import Celery, chain

import inventory
import mailer
import payments

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_routes={
        "tasks.charge_card": {"queue": "payments"},
        "tasks.send_receipt": {"queue": "emails"},
    },
    task_acks_late=True,
    worker_prefetch_multiplier=1,
)


class OutOfStock(Exception):
    """Not enough items to reserve."""


@app.task
def reserve_stock(order):
    """Reserves the order's items; OutOfStock when the warehouse refuses. Returns the order."""
    if not inventory.reserve(order["sku"], order["quantity"]):
        raise OutOfStock(f"{order['sku']}: not enough stock for {order['quantity']}")
    return order


@app.task(autoretry_for=(payments.GatewayTimeout,), max_retries=3, default_retry_delay=0.5)
def charge_card(order):
    """Charges quantity x price, rounded to cents; retries a GatewayTimeout up to 3 times."""
    amount = round(order["quantity"] * order["price"], 2)
    charge_id = payments.charge(order["id"], amount)
    return {**order, "amount": amount, "charge_id": charge_id}


@app.task
def send_receipt(order):
    """E-mails the receipt to the customer; returns the order id."""
    mailer.send(order["email"], f"Receipt for order {order['id']}",
                f"You paid {order['amount']:.2f} (charge {order['charge_id']}).")
    return order["id"]


def place_order(order):
    """The whole purchase: reserve, then charge, then e-mail the receipt. Returns the last step's AsyncResult."""
    return chain(reserve_stock.s(order), charge_card.s(), send_receipt.s()).apply_async()
''',
    'inventory.py': r'''"""The warehouse client (module 10 exercise). Do not change this file: mock it in tests."""


def reserve(sku, quantity):
    """Reserves `quantity` items of `sku`; True when they were available, False when not."""
    raise RuntimeError(f"reserve({sku!r}, {quantity!r}) tried to reach the warehouse: mock it in tests")
''',
    'payments.py': r'''"""The payment gateway client (module 10 exercise). Do not change this file: mock it in tests."""


class GatewayTimeout(Exception):
    """The gateway did not answer in time; trying again later may work."""


def charge(order_id, amount):
    """Charges `amount` for `order_id` and returns the charge's id."""
    raise RuntimeError(f"charge({order_id!r}, {amount!r}) tried to reach the payment gateway: mock it in tests")
''',
    'mailer.py': r'''"""The e-mail client (module 10 exercise). Do not change this file: mock it in tests."""


def send(to, subject, body):
    raise RuntimeError(f"send({to!r}, ...) tried to send a real e-mail: mock it in tests")
''',
}

HEADER = '''"""The shop's order pipeline, module 10 exercise ({token})."""
import decimal

from celery import Celery
from celery.canvas import chain as pipeline

import inventory
import mailer
import payments

# {token}
QUEUE_OF = {{
    "tasks.send_receipt": "emails",
    "tasks.charge_card": "payments",
}}


def route_for(name, args, kwargs, options, task=None, **kw):
    queue = QUEUE_OF.get(name)
    return {{"queue": queue}} if queue else None


app = Celery("tasks")
app.conf.accept_content = ["json"]
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.task_routes = (route_for,)
app.conf.worker_prefetch_multiplier = 1
app.conf.task_acks_late = True


class OutOfStock(Exception):
    """Not enough items to reserve."""
'''

FUNCTIONS = [
    '''

@app.task
def reserve_stock(purchase):
    sku, count = purchase["sku"], purchase["quantity"]
    available = inventory.reserve(sku, count)
    if not available:
        raise OutOfStock("%s: not enough stock for %s" % (sku, count))
    return purchase
''',
    '''

@app.task(default_retry_delay=0.5, max_retries=3, autoretry_for=(payments.GatewayTimeout,))
def charge_card(purchase):
    total = round(purchase["price"] * purchase["quantity"], 2)
    receipt_id = payments.charge(purchase["id"], total)
    charged = dict(purchase)
    charged.update(amount=total, charge_id=receipt_id)
    return charged
''',
    '''

@app.task
def send_receipt(purchase):
    number = purchase["id"]
    subject = "Receipt for order " + str(number)
    body = "You paid %.2f (charge %s)." % (purchase["amount"], purchase["charge_id"])
    mailer.send(purchase["email"], subject, body)
    return number
''',
    '''

def place_order(purchase):
    steps = [reserve_stock.s(purchase), charge_card.s(), send_receipt.s()]
    return pipeline(*steps).apply_async()
''',
]

# name: (text in the equivalent module, its replacement). Each is one behaviour of the README's list.
MUTANTS = {
    "reserve_stock_ignoring_the_warehouse_refusal": ("    if not available:\n", "    if available is None:\n"),
    "reserve_stock_returning_nothing": ("    return purchase\n", "    purchase = None\n    return purchase\n"),
    "charge_card_not_rounding_to_cents": ('total = round(purchase["price"] * purchase["quantity"], 2)',
                                          'total = purchase["price"] * purchase["quantity"]'),
    "charge_card_charging_the_unit_price": ('round(purchase["price"] * purchase["quantity"], 2)',
                                            'round(purchase["price"], 2)'),
    "charge_card_charging_the_wrong_order": ('payments.charge(purchase["id"], total)',
                                             'payments.charge(purchase["sku"], total)'),
    "charge_card_not_retrying_gateway_timeouts": ("autoretry_for=(payments.GatewayTimeout,)", "autoretry_for=()"),
    "charge_card_returning_a_decimal_the_json_serializer_refuses": (
        "charged.update(amount=total, ", "charged.update(amount=decimal.Decimal(str(total)), "),
    "send_receipt_mailing_the_shop_instead_of_the_customer": ('mailer.send(purchase["email"], ',
                                                             'mailer.send("orders@shop.example", '),
    "send_receipt_with_the_wrong_subject": ('"Receipt for order " + str(number)', '"Receipt for order " + purchase["sku"]'),
    "send_receipt_without_the_amount": ('"You paid %.2f (charge %s)." % (purchase["amount"], purchase["charge_id"])',
                                        '"Thank you (charge %s)." % (purchase["charge_id"],)'),
    "send_receipt_returning_the_charge_id": ("    return number\n", '    return purchase["charge_id"]\n'),
    "charge_card_routed_to_the_default_queue": ('    "tasks.charge_card": "payments",\n', ""),
    "send_receipt_routed_to_payments": ('"tasks.send_receipt": "emails"', '"tasks.send_receipt": "payments"'),
    "reserve_stock_routed_to_payments": ('    "tasks.charge_card": "payments",\n',
                                         '    "tasks.charge_card": "payments",\n    "tasks.reserve_stock": "payments",\n'),
    "tasks_acknowledged_early": ("app.conf.task_acks_late = True", "app.conf.task_acks_late = False"),
    "prefetching_four_tasks": ("app.conf.worker_prefetch_multiplier = 1", "app.conf.worker_prefetch_multiplier = 4"),
    "accepting_pickle": ('app.conf.accept_content = ["json"]', 'app.conf.accept_content = ["json", "pickle"]'),
    "place_order_skipping_the_receipt": ("charge_card.s(), send_receipt.s()]", "charge_card.s()]"),
    "place_order_charging_before_reserving": ("[reserve_stock.s(purchase), charge_card.s(), ",
                                              "[charge_card.s(purchase), reserve_stock.s(), "),
}

# The services of the equivalent run: they raise like the real ones, after writing down that a test reached them.
RECORDING = {
    name: f'''from pathlib import Path

from _original_{name[:-3]} import *  # noqa: F401,F403  (GatewayTimeout and the docstrings stay the same)
from _original_{name[:-3]} import {function} as _real


def {function}(*args, **kwargs):
    with Path({{log!r}}).open("a") as log:
        log.write("{name[:-3]}.{function}\\n")
    return _real(*args, **kwargs)
'''
    for name, function in (("inventory.py", "reserve"), ("payments.py", "charge"), ("mailer.py", "send"))
}
SUITE = ["tests/test_units.py", "tests/test_config.py", "tests/test_integration.py"]


def equivalent_tasks(seed):
    """The equivalent module for this run: functions in a seeded order, a seeded token in its text."""
    rng = random.Random(seed)
    order = list(FUNCTIONS)
    rng.shuffle(order)
    return HEADER.format(token=f"build {rng.randrange(16**12):012x}") + "".join(order)


EQUIVALENT = equivalent_tasks(SEED)


def run_suite(tasks_source, recording=False):
    """Runs the learner's suite against `tasks_source`; returns (exit code, end of output, services reached)."""
    work = Path(tempfile.mkdtemp(prefix="coursebot-mutant-"))
    try:
        lab = work / "lab"
        shutil.copytree(Path.cwd(), lab, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", "celerybeat-schedule*"))
        log = work / "services.log"
        for name, text in ORIGINAL.items():
            (lab / name).write_text(text, encoding="utf-8")
            if recording and name in RECORDING:
                (lab / f"_original_{name}").write_text(text, encoding="utf-8")
                (lab / name).write_text(RECORDING[name].format(log=str(log)), encoding="utf-8")
        (lab / "tasks.py").write_text(tasks_source, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(lab), PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)  # the suite runs as it does for the learner
        env.pop("COURSEBOT_SEED", None)
        try:
            done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *SUITE],
                                  cwd=lab, env=env, capture_output=True, text=True, timeout=90)
        except subprocess.TimeoutExpired:
            return None, "your tests did not finish within 90 s", ""
        reached = log.read_text() if log.exists() else ""
        return done.returncode, (done.stdout + done.stderr)[-1500:], reached
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def baseline():
    return run_suite(ORIGINAL["tasks.py"])


@pytest.fixture(scope="module")
def equivalent():
    return run_suite(EQUIVALENT, recording=True)


def assert_caught(baseline, equivalent, mutant):
    code, output, _ = baseline
    assert code == 0, f"your tests must pass on the original application first (pytest exit code {code}):\n{output}"
    code, output, _ = equivalent
    assert code == 0, (f"your tests must pass on an equivalent tasks.py (same behaviour, written differently; seed {SEED}) "
                       f"before a mutant counts (pytest exit code {code}):\n{output}")
    old, new = MUTANTS[mutant]
    assert EQUIVALENT.count(old) == 1, f"mutant {mutant} no longer applies (seed {SEED})"
    code, output, _ = run_suite(EQUIVALENT.replace(old, new, 1), recording=True)
    change = f"`{' '.join(old.split())}` became `{' '.join(new.split())}`" if new else f"`{' '.join(old.split())}` was removed"
    assert code == 1, (f"your tests still pass when tasks.py has this bug: {change}"
                       if code == 0 else f"pytest exit code {code} on the broken copy (seed {SEED}):\n{output}")


def test_your_tests_pass_on_the_original_application(baseline):
    code, output, _ = baseline
    assert code == 0, f"pytest exit code {code} (4: a test file is missing, 5: no test was collected):\n{output}"


def test_your_tests_pass_on_an_equivalent_application(equivalent):
    code, output, _ = equivalent
    assert code == 0, (f"your tests fail on a tasks.py that behaves exactly like the original but is written differently "
                       f"(routes from a function, seed {SEED}): test what the app does (ask the router, call the tasks), "
                       f"not its text (pytest exit code {code}):\n{output}")


def test_your_tests_never_reach_the_real_services(equivalent):
    code, _, reached = equivalent
    assert code == 0, f"your tests must pass on an equivalent tasks.py first (seed {SEED})"
    assert not reached, ("a test called the real " + " and ".join(sorted(set(reached.split()))) +
                         ": mock inventory.reserve, payments.charge and mailer.send in every test that gets there")


@pytest.mark.parametrize("mutant", sorted(MUTANTS))
def test_your_tests_catch(baseline, equivalent, mutant):
    assert_caught(baseline, equivalent, mutant)
