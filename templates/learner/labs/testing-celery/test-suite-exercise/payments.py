"""The payment gateway client (module 10 exercise). Do not change this file: mock it in tests."""


class GatewayTimeout(Exception):
    """The gateway did not answer in time; trying again later may work."""


def charge(order_id, amount):
    """Charges `amount` for `order_id` and returns the charge's id."""
    raise RuntimeError(f"charge({order_id!r}, {amount!r}) tried to reach the payment gateway: mock it in tests")
