"""Wrong: merge_settings uses dict.update, so a nested layer replaces the whole sub-dict"""
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

CENT = Decimal("0.01")


@app.task
def order_total(order):
    items = order.get("items") or []
    if not items:
        raise ValueError(f"order {order.get('id')} has no items")
    subtotal = Decimal(0)
    quantity = 0
    for item in items:
        qty = int(item["qty"])
        if qty <= 0:
            raise ValueError(f"{item.get('sku')}: quantity must be positive, not {qty}")
        subtotal += Decimal(str(item["price"])) * qty
        quantity += qty
    discount = Decimal(str(order.get("discount_percent", 0)))
    total = (subtotal * (100 - discount) / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return {"id": order.get("id"), "currency": order.get("currency"), "items": quantity, "total": str(total)}


@app.task
def schedule_reminder(user_id, when, channels=None, note=""):
    moment = datetime.fromisoformat(when)
    remind_at = (moment - timedelta(hours=1)).astimezone(timezone.utc)
    return {
        "user_id": user_id,
        "remind_at": remind_at.isoformat(),
        "channels": list(channels) if channels else ["email"],
        "note": note,
    }


def _merge(into, layer):
    for key, value in layer.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            into[key] = _merge(dict(into[key]), value)
        else:
            into[key] = value
    return into


@app.task
def merge_settings(*layers, **overrides):
    merged = {}
    for layer in (*layers, overrides):
        merged.update(layer)
    return merged


@app.task(bind=True)
def echo_request(self, label, **extra):
    return {"label": label, "task_id": self.request.id, "extra": extra}
