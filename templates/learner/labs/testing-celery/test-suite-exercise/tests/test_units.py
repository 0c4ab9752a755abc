"""Unit tests: each task called like a function, its collaborators mocked (module 10 exercise)."""
from unittest import mock

import pytest  # noqa: F401
from celery.exceptions import Retry  # noqa: F401

import payments  # noqa: F401
import tasks


def test_reserve_stock_returns_the_order_when_the_items_are_there(order):
    with mock.patch("tasks.inventory.reserve", return_value=True) as reserve:
        assert tasks.reserve_stock(order) == order
    reserve.assert_called_once_with("MUG", 3)


# TODO 2: reserve_stock raises tasks.OutOfStock when the warehouse refuses.
# TODO 3: charge_card charges quantity x price rounded to cents (13.0 for the order fixture), for
#         the order's id, and returns the order with "amount" and "charge_id".
# TODO 4: charge_card retries a payments.GatewayTimeout (patch tasks.charge_card.retry).
# TODO 5: send_receipt mails the customer's address with the subject "Receipt for order o-1"
#         and the amount in the body, and returns the order id.
