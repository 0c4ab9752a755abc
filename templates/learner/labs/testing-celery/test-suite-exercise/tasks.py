"""The shop's order pipeline (module 10 exercise). Do not change this file: write its test suite in tests/."""
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
