"""The billing service (module 41 lab). See README.md in this folder.

It knows nothing about orders: it answers with a return value; callers link their own callback.
"""
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
    time.sleep(0.5)  # the payment provider
    # TODO 3: charge each order once, however often billing.charge is delivered for it: a second
    #         request returns the first charge. Amounts over LIMIT are declined.
    #         Return {"order_id": ..., "status": "charged" or "declined", "charge_id": ... or None}.
    entry = {"order_id": order_id, "charge_id": "ch_" + uuid.uuid4().hex[:12], "amount": amount}
    LEDGER.append(entry)
    return {"order_id": order_id, "status": "charged", "charge_id": entry["charge_id"]}


@app.task(name="billing.charges_for")
def charges_for(order_id):
    return [entry["charge_id"] for entry in LEDGER if entry["order_id"] == order_id]
