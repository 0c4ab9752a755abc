"""White-box, mutation-style tests for module 10's exercise: the learner's test suite is the thing
under test. It runs (as the learner, in a copy of the lab folder) first against the original
application, where it must pass, then against broken copies ("mutants") of tasks.py, where it
must fail. The three test files run in the order units, config, integration, with -x, so a bug the
fast tests catch never waits for the embedded worker.

The mutants are written into this file on purpose: white-box tests run as the learner user and are
not secret, while hidden/ files could not be read by the learner's process. The original sources
below are the starter's (templates/learner/labs/testing-celery/test-suite-exercise); keep them in step.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

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

MUTANTS = {
    'reserve_stock_ignoring_the_warehouse_refusal': ('if not inventory.reserve(order["sku"], order["quantity"]):', 'if inventory.reserve(order["sku"], order["quantity"]) is None:'),
    'charge_card_not_rounding_to_cents': ('amount = round(order["quantity"] * order["price"], 2)', 'amount = order["quantity"] * order["price"]'),
    'charge_card_charging_the_unit_price': ('round(order["quantity"] * order["price"], 2)', 'round(order["price"], 2)'),
    'charge_card_not_retrying_gateway_timeouts': ('@app.task(autoretry_for=(payments.GatewayTimeout,), max_retries=3, default_retry_delay=0.5)', '@app.task(max_retries=3, default_retry_delay=0.5)'),
    'send_receipt_mailing_the_shop_instead_of_the_customer': ('mailer.send(order["email"], ', 'mailer.send("orders@shop.example", '),
    'charge_card_routed_to_the_default_queue': ('        "tasks.charge_card": {"queue": "payments"},\n', ''),
    'send_receipt_routed_to_payments': ('"tasks.send_receipt": {"queue": "emails"}', '"tasks.send_receipt": {"queue": "payments"}'),
    'tasks_acknowledged_early': ('task_acks_late=True,', 'task_acks_late=False,'),
    'place_order_skipping_the_receipt': ('chain(reserve_stock.s(order), charge_card.s(), send_receipt.s())', 'chain(reserve_stock.s(order), charge_card.s())'),
    'place_order_charging_before_reserving': ('chain(reserve_stock.s(order), charge_card.s(), send_receipt.s())', 'chain(charge_card.s(order), reserve_stock.s(), send_receipt.s())'),
}

SUITE = ["tests/test_units.py", "tests/test_config.py", "tests/test_integration.py"]


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
            done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *SUITE],
                                  cwd=lab, env=env, capture_output=True, text=True, timeout=90)
        except subprocess.TimeoutExpired:
            return None, "your tests did not finish within 90 s"
        return done.returncode, (done.stdout + done.stderr)[-1500:]
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def baseline():
    return run_suite(ORIGINAL["tasks.py"])


def assert_caught(baseline, mutant):
    code, output = baseline
    assert code == 0, f"your tests must pass on the original application first (pytest exit code {code}):\n{output}"
    old, new = MUTANTS[mutant]
    code, output = run_suite(ORIGINAL["tasks.py"].replace(old, new, 1))
    change = f"`{old.strip()}` became `{new.strip()}`" if new else f"`{old.strip()}` was removed"
    assert code == 1, (f"your tests still pass when tasks.py has this bug: {change}"
                       if code == 0 else f"pytest exit code {code} on the broken copy:\n{output}")


def test_your_tests_pass_on_the_original_application(baseline):
    code, output = baseline
    assert code == 0, f"pytest exit code {code} (4: a test file is missing, 5: no test was collected):\n{output}"


def test_your_tests_catch_reserve_stock_ignoring_the_warehouse_refusal(baseline):
    assert_caught(baseline, "reserve_stock_ignoring_the_warehouse_refusal")


def test_your_tests_catch_charge_card_not_rounding_to_cents(baseline):
    assert_caught(baseline, "charge_card_not_rounding_to_cents")


def test_your_tests_catch_charge_card_charging_the_unit_price(baseline):
    assert_caught(baseline, "charge_card_charging_the_unit_price")


def test_your_tests_catch_charge_card_not_retrying_gateway_timeouts(baseline):
    assert_caught(baseline, "charge_card_not_retrying_gateway_timeouts")


def test_your_tests_catch_send_receipt_mailing_the_shop_instead_of_the_customer(baseline):
    assert_caught(baseline, "send_receipt_mailing_the_shop_instead_of_the_customer")


def test_your_tests_catch_charge_card_routed_to_the_default_queue(baseline):
    assert_caught(baseline, "charge_card_routed_to_the_default_queue")


def test_your_tests_catch_send_receipt_routed_to_payments(baseline):
    assert_caught(baseline, "send_receipt_routed_to_payments")


def test_your_tests_catch_tasks_acknowledged_early(baseline):
    assert_caught(baseline, "tasks_acknowledged_early")


def test_your_tests_catch_place_order_skipping_the_receipt(baseline):
    assert_caught(baseline, "place_order_skipping_the_receipt")


def test_your_tests_catch_place_order_charging_before_reserving(baseline):
    assert_caught(baseline, "place_order_charging_before_reserving")
