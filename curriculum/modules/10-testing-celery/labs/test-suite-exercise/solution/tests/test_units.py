"""Reference solution: module 10, test suite exercise (unit tests: no broker, no worker)."""
from unittest import mock

import pytest
from celery.exceptions import Retry

import payments
import tasks


def test_reserve_stock_returns_the_order_when_the_items_are_there(order):
    with mock.patch("tasks.inventory.reserve", return_value=True) as reserve:
        assert tasks.reserve_stock(order) == order
    reserve.assert_called_once_with("MUG", 3)


def test_reserve_stock_raises_out_of_stock_when_the_warehouse_refuses(order):
    with mock.patch("tasks.inventory.reserve", return_value=False):
        with pytest.raises(tasks.OutOfStock):
            tasks.reserve_stock(order)


def test_charge_card_charges_quantity_times_price_in_cents(order):
    with mock.patch("tasks.payments.charge", return_value="ch_1") as charge:
        charged = tasks.charge_card(order)
    charge.assert_called_once_with("o-1", 13.0)
    assert (charged["amount"], charged["charge_id"]) == (13.0, "ch_1")


def test_charge_card_retries_a_gateway_timeout(order):
    error = payments.GatewayTimeout()
    with mock.patch("tasks.payments.charge", side_effect=error), \
            mock.patch.object(tasks.charge_card, "retry", side_effect=Retry()) as retry:
        with pytest.raises(Retry):
            tasks.charge_card(order)
    assert retry.call_args.kwargs["exc"] is error


def test_send_receipt_mails_the_customer(order):
    with mock.patch("tasks.mailer.send") as send:
        assert tasks.send_receipt({**order, "amount": 13.0, "charge_id": "ch_1"}) == "o-1"
    to, subject, body = send.call_args.args
    assert (to, subject) == ("ann@example.com", "Receipt for order o-1")
    assert "13.00" in body
