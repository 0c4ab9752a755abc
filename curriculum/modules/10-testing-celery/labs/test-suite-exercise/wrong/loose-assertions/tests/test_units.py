"""Wrong (what the hint warns about): mocks checked as "called", never with what."""
from unittest import mock

import pytest
from celery.exceptions import Retry

import payments
import tasks


def test_reserve_stock_returns_the_order_when_the_items_are_there(order):
    with mock.patch("tasks.inventory.reserve", return_value=True) as reserve:
        assert tasks.reserve_stock(order) == order
    assert reserve.called


def test_reserve_stock_raises_out_of_stock_when_the_warehouse_refuses(order):
    with mock.patch("tasks.inventory.reserve", return_value=False):
        with pytest.raises(tasks.OutOfStock):
            tasks.reserve_stock(order)


def test_charge_card_charges(order):
    with mock.patch("tasks.payments.charge", return_value="ch_1") as charge:
        charged = tasks.charge_card(order)
    assert charge.called
    assert "amount" in charged


def test_charge_card_retries_a_gateway_timeout(order):
    with mock.patch("tasks.payments.charge", side_effect=payments.GatewayTimeout()), \
            mock.patch.object(tasks.charge_card, "retry", side_effect=Retry()):
        with pytest.raises(Retry):
            tasks.charge_card(order)


def test_send_receipt_mails_someone(order):
    with mock.patch("tasks.mailer.send") as send:
        tasks.send_receipt({**order, "amount": 13.0, "charge_id": "ch_1"})
    assert send.called
