"""The orders service (module 41 lab). See README.md in this folder.

It shares no code with billing: it calls billing by task name, through billing's queue.
"""
from celery import Celery

app = Celery("orders")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_default_queue="orders",
)

# The service's own data: order id -> {"id", "amount", "status", "charge_id"}.
ORDERS = {}


# TODO 1: orders.place_order(order), order = {"id": ..., "amount": ...}: record the order as
#         "pending", ask billing to charge it by name (send_task "billing.charge" on queue
#         "billing") with orders.record_payment linked as the callback on queue "orders", and
#         return {"id": ..., "status": "pending"} at once. Never wait for billing's result here.
# TODO 2: orders.record_payment(payment): billing's result {"order_id", "status", "charge_id"}:
#         "charged" makes the order "paid" (keep the charge id), "declined" makes it "rejected".


@app.task(name="orders.get_order")
def get_order(order_id):
    order = ORDERS.get(order_id)
    return None if order is None else {"id": order["id"], "status": order["status"], "charge_id": order["charge_id"]}
