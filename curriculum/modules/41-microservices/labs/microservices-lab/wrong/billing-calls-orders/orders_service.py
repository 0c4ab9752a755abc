"""Reference solution: module 41, microservices lab: the orders service."""
from celery import Celery

app = Celery("orders")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_default_queue="orders",
)

# The service's own data. One process per service here, so a dict is its store; a real service
# would own a database that no other service reads.
ORDERS = {}


@app.task(name="orders.place_order")
def place_order(order):
    """Records the order as pending and asks billing to charge it; never waits for billing."""
    ORDERS[order["id"]] = {"id": order["id"], "amount": order["amount"], "status": "pending", "charge_id": None}
    app.send_task(
        "billing.charge",
        args=[order["id"], order["amount"]],
        queue="billing",
    )
    return {"id": order["id"], "status": "pending"}


@app.task(name="orders.record_payment")
def record_payment(payment):
    """Billing's answer, delivered by the link callback: {"order_id", "status", "charge_id"}."""
    order = ORDERS.get(payment["order_id"])
    if order is None:
        return None
    if payment["status"] == "charged":
        order.update(status="paid", charge_id=payment["charge_id"])
    else:
        order["status"] = "rejected"
    return order["status"]


@app.task(name="orders.get_order")
def get_order(order_id):
    order = ORDERS.get(order_id)
    return None if order is None else {"id": order["id"], "status": order["status"], "charge_id": order["charge_id"]}
