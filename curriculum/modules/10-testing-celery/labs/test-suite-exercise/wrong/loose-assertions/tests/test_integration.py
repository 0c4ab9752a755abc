"""Wrong: the pipeline's end is checked only for "some result"."""
from unittest import mock

import pytest

import tasks


def test_a_placed_order_finishes(embedded_worker, order):
    with mock.patch("tasks.inventory.reserve", return_value=True), \
            mock.patch("tasks.payments.charge", return_value="ch_9"), \
            mock.patch("tasks.mailer.send"):
        assert tasks.place_order(order).get(timeout=10, interval=0.05)


def test_an_out_of_stock_order_fails(embedded_worker, order):
    with mock.patch("tasks.inventory.reserve", return_value=False), \
            mock.patch("tasks.payments.charge"), mock.patch("tasks.mailer.send"):
        with pytest.raises(Exception):
            tasks.place_order(order).get(timeout=10, interval=0.05)
