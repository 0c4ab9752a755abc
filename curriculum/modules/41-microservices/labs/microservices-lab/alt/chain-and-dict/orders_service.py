"""Alternative correct solution (module 41, orders): billing reached by a chain of signatures built by
task name (billing.charge | orders.record_payment), applied without waiting; orders kept in a dict."""
from celery import Celery

app = Celery("orders")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]
app.conf.task_default_queue = "orders"

_orders = {}


def _view(order):
    return {"id": order["id"], "status": order["status"], "charge_id": order["charge_id"]}


@app.task(name="orders.place_order")
def place_order(order):
    _orders[order["id"]] = {"id": order["id"], "amount": order["amount"], "status": "pending", "charge_id": None}
    flow = app.signature("billing.charge", args=(order["id"], order["amount"]), queue="billing") | app.signature(
        "orders.record_payment", queue="orders")
    flow.apply_async()
    return {"id": order["id"], "status": "pending"}


@app.task(name="orders.record_payment")
def record_payment(payment):
    order = _orders.get(payment["order_id"])
    if order is None:
        return None
    paid = payment["status"] == "charged"
    order["status"] = "paid" if paid else "rejected"
    order["charge_id"] = payment["charge_id"] if paid else None
    return order["status"]


@app.task(name="orders.get_order")
def get_order(order_id):
    order = _orders.get(order_id)
    return _view(order) if order else None
