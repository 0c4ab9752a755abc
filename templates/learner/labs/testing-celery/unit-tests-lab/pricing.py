"""The price service client (module 10 lab). Do not change this file.

In production get_price asks a remote service. Unit tests must never reach it: replace it with a
mock (unittest.mock.patch("tasks.pricing.get_price", ...)).
"""


def get_price(symbol):
    raise RuntimeError(f"get_price({symbol!r}) tried to reach the price service: mock it in unit tests")
