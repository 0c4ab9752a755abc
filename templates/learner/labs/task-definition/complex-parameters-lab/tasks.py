"""Tasks with complex parameters (module 4 lab). See README.md in this folder.

Every argument and return value travels as JSON: strings, numbers, booleans, None, lists and
dicts with string keys. Anything else (Decimal, datetime, tuple, set, your own objects) must be
turned into one of those by the caller and back by the task.
"""
from datetime import datetime, timedelta, timezone  # noqa: F401
from decimal import ROUND_HALF_UP, Decimal  # noqa: F401

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def order_total(order):
    """order: {"id": str, "currency": str, "items": [{"sku": str, "price": "12.50", "qty": int}, ...],
    optional "discount_percent": number}.

    Returns {"id": ..., "currency": ..., "items": <total quantity>, "total": "<amount>"}: the sum of
    price * qty, minus the discount, rounded half-up to cents, as a string ("14.49").
    Raises ValueError when there are no items or a quantity is not positive.
    """
    # TODO 1: prices arrive as strings: compute with Decimal, never float.
    raise NotImplementedError


@app.task
def schedule_reminder(user_id, when, channels=None, note=""):
    """when: an ISO 8601 date-time with its UTC offset ("2025-03-10T09:30:00+01:00").

    Returns {"user_id": ..., "remind_at": <one hour before `when`, in UTC, ISO 8601>,
    "channels": <channels, or ["email"] when none are given>, "note": note}.
    """
    # TODO 2: datetime.fromisoformat, timedelta, .astimezone(timezone.utc), .isoformat().
    raise NotImplementedError


@app.task
def merge_settings(*layers, **overrides):
    """Merges any number of dicts from left to right (nested dicts are merged too, key by key),
    then applies the keyword arguments on top. merge_settings() returns {}."""
    # TODO 3
    raise NotImplementedError


# TODO 4: a bound task echo_request(label, **extra) (@app.task(bind=True)) that returns
#         {"label": label, "task_id": <its own id, from self.request>, "extra": extra}.
