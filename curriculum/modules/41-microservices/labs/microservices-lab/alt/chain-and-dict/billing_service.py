"""Alternative correct solution (module 41, billing): the ledger is a dict keyed by order id, so a
repeated request finds its charge at once."""
import time
import uuid

from celery import Celery

app = Celery("billing")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]
app.conf.task_default_queue = "billing"

LIMIT = 1000
_charges = {}  # order id -> charge id


@app.task(name="billing.charge")
def charge(order_id, amount):
    time.sleep(0.5)  # the payment provider
    if order_id not in _charges:
        if amount > LIMIT:
            return {"order_id": order_id, "status": "declined", "charge_id": None}
        _charges[order_id] = f"ch_{uuid.uuid4().hex[:12]}"
    return {"order_id": order_id, "status": "charged", "charge_id": _charges[order_id]}


@app.task(name="billing.charges_for")
def charges_for(order_id):
    return [_charges[order_id]] if order_id in _charges else []
