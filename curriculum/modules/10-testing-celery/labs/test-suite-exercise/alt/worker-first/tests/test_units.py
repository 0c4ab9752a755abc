"""Alternative solution: unit tests with monkeypatch and recorders."""
import pytest
from celery.exceptions import Retry

import payments
import tasks


def test_reserve_passes_the_order_through(monkeypatch, order, calls):
    reserve = calls(True)
    monkeypatch.setattr(tasks.inventory, "reserve", reserve)
    assert tasks.reserve_stock(order) == order
    assert reserve.seen == [("PEN", 7)]


def test_reserve_refused(monkeypatch, order, calls):
    monkeypatch.setattr(tasks.inventory, "reserve", calls(False))
    with pytest.raises(tasks.OutOfStock):
        tasks.reserve_stock(order)


def test_charge_in_cents_for_this_order(monkeypatch, order, calls):
    charge = calls("ch-5")
    monkeypatch.setattr(tasks.payments, "charge", charge)
    result = tasks.charge_card(order)
    assert charge.seen == [("o-77", 7.73)]
    assert result["amount"] == 7.73 and result["charge_id"] == "ch-5"
    assert {k: result[k] for k in order} == order


def test_charge_retries_the_gateway_timeout(monkeypatch, order, calls):
    timeout = payments.GatewayTimeout("slow")
    monkeypatch.setattr(tasks.payments, "charge", calls(timeout))
    retry = calls(Retry())
    monkeypatch.setattr(tasks.charge_card, "retry", lambda *a, **kw: retry(kw.get("exc")))
    with pytest.raises(Retry):
        tasks.charge_card(order)
    assert retry.seen == [(timeout,)]


def test_receipt(monkeypatch, order, calls):
    send = calls()
    monkeypatch.setattr(tasks.mailer, "send", send)
    assert tasks.send_receipt(dict(order, amount=7.73, charge_id="ch-5")) == "o-77"
    [(to, subject, body)] = send.seen
    assert to == "Zoe@Example.org"
    assert subject == "Receipt for order o-77"
    assert "7.73" in body
