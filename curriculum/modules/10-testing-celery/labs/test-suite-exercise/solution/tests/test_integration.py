"""Reference solution: module 10, test suite exercise (integration tests: a real worker thread)."""
from unittest import mock

import pytest

import tasks


def test_a_placed_order_is_reserved_charged_and_receipted(embedded_worker, order):
    with mock.patch("tasks.inventory.reserve", return_value=True) as reserve, \
            mock.patch("tasks.payments.charge", return_value="ch_9") as charge, \
            mock.patch("tasks.mailer.send") as send:
        assert tasks.place_order(order).get(timeout=10, interval=0.05) == "o-1"
    reserve.assert_called_once_with("MUG", 3)
    charge.assert_called_once_with("o-1", 13.0)
    assert send.call_args.args[0] == "ann@example.com"


def test_an_out_of_stock_order_is_never_charged(embedded_worker, order):
    with mock.patch("tasks.inventory.reserve", return_value=False), \
            mock.patch("tasks.payments.charge") as charge, \
            mock.patch("tasks.mailer.send") as send:
        with pytest.raises(tasks.OutOfStock):
            tasks.place_order(order).get(timeout=10, interval=0.05)
    charge.assert_not_called()
    send.assert_not_called()
