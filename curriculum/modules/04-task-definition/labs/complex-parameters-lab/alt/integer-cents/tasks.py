"""Alternative solution: money as exact fractions of integer cents (no Decimal), zoneinfo for UTC,
a merge that builds a new dict recursively, and a bound task reading its id through the request."""
from datetime import datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from celery import Celery

app = Celery("tasks")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]


def cents(text):
    whole, _, part = str(text).partition(".")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole or 0)) * 100 + int((part + "00")[:2]))


def half_up(value):
    """Rounds a non-negative Fraction of cents to whole cents, halves away from zero."""
    return int(value + Fraction(1, 2))


@app.task
def order_total(order):
    lines = order.get("items") or []
    if not lines:
        raise ValueError("an order needs items")
    if any(int(line["qty"]) < 1 for line in lines):
        raise ValueError("every quantity must be at least 1")
    gross = sum(cents(line["price"]) * int(line["qty"]) for line in lines)
    net = half_up(Fraction(gross) * (100 - Fraction(str(order.get("discount_percent", 0)))) / 100)
    return {"id": order.get("id"), "currency": order.get("currency"),
            "items": sum(int(line["qty"]) for line in lines), "total": f"{net // 100}.{net % 100:02d}"}


@app.task
def schedule_reminder(user_id, when, channels=None, note=""):
    at = datetime.fromisoformat(when).astimezone(ZoneInfo("UTC")) - timedelta(hours=1)
    return {"user_id": user_id, "remind_at": at.isoformat(),
            "channels": [*channels] if channels else ["email"], "note": note}


def deep_merge(left, right):
    out = dict(left)
    for key, value in right.items():
        out[key] = deep_merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


@app.task
def merge_settings(*layers, **overrides):
    result = {}
    for layer in [*layers, overrides]:
        result = deep_merge(result, layer)
    return result


@app.task(bind=True)
def echo_request(task, label, **extra):
    return {"label": label, "task_id": task.request.id, "extra": extra}
