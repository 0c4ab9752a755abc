"""Wrong on purpose: billing charges again when a charge request is delivered twice.\n\nWas: module 41, microservices lab: the billing service."""
import time
import uuid

from celery import Celery

app = Celery("billing")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_default_queue="billing",
)

LIMIT = 1000
LEDGER = []  # every charge made, as {"order_id", "charge_id", "amount"}: billing's own data


@app.task(name="billing.charge")
def charge(order_id, amount):
    """Charges an order once, however often it is asked (delivery is at least once)."""
    time.sleep(0.5)  # the payment provider
    earlier = next((entry for entry in LEDGER if entry["order_id"] == order_id), None)
    if amount > LIMIT:
        return {"order_id": order_id, "status": "declined", "charge_id": None}
    entry = {"order_id": order_id, "charge_id": "ch_" + uuid.uuid4().hex[:12], "amount": amount}
    LEDGER.append(entry)
    return {"order_id": order_id, "status": "charged", "charge_id": entry["charge_id"]}


@app.task(name="billing.charges_for")
def charges_for(order_id):
    return [entry["charge_id"] for entry in LEDGER if entry["order_id"] == order_id]
