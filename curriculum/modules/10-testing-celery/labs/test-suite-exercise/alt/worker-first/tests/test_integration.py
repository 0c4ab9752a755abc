"""Alternative solution: the pipeline through a worker thread started in this module (no conftest fixture);
a gateway timeout is retried by the worker for real."""
import os

import pytest
from celery.contrib.testing.worker import start_worker

import payments
import tasks


@pytest.fixture(scope="module")
def worker():
    saved = {k: os.environ.pop(k) for k in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND") if k in os.environ}
    tasks.app.conf.broker_url = "memory://"
    tasks.app.conf.result_backend = "cache+memory://"
    try:
        with start_worker(tasks.app, pool="solo", perform_ping_check=False,
                          queues=["celery", "payments", "emails"]):
            yield
    finally:
        os.environ.update(saved)


def test_pipeline_happy_path(worker, monkeypatch, order, calls):
    reserve, charge, send = calls(True), calls("ch-1"), calls()
    monkeypatch.setattr(tasks.inventory, "reserve", reserve)
    monkeypatch.setattr(tasks.payments, "charge", charge)
    monkeypatch.setattr(tasks.mailer, "send", send)
    assert tasks.place_order(order).get(timeout=15) == "o-77"
    assert reserve.seen == [("PEN", 7)]
    assert charge.seen == [("o-77", 7.73)]
    assert [args[:2] for args in send.seen] == [("Zoe@Example.org", "Receipt for order o-77")]


def test_gateway_timeout_is_retried_by_the_worker(worker, monkeypatch, order, calls):
    charge = calls(payments.GatewayTimeout(), "ch-2")
    monkeypatch.setattr(tasks.inventory, "reserve", calls(True))
    monkeypatch.setattr(tasks.payments, "charge", charge)
    monkeypatch.setattr(tasks.mailer, "send", calls())
    assert tasks.place_order(order).get(timeout=15) == "o-77"
    assert len(charge.seen) == 2


def test_out_of_stock_stops_the_pipeline(worker, monkeypatch, order, calls):
    charge, send = calls("never"), calls()
    monkeypatch.setattr(tasks.inventory, "reserve", calls(False))
    monkeypatch.setattr(tasks.payments, "charge", charge)
    monkeypatch.setattr(tasks.mailer, "send", send)
    with pytest.raises(tasks.OutOfStock):
        tasks.place_order(order).get(timeout=15)
    assert charge.seen == [] and send.seen == []
