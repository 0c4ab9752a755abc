"""Three pretend services the saga coordinates (provided: do not change this file).

Each call appends what it did to the trip's ledger, a Redis list `saga-lab:<trip id>:ledger`, which
is what the grader reads. A call fails with ServiceError, before doing anything, when the trip's
"fail_at" names its service ("flight", "hotel" or "payment"): that is how the grader makes each
step fail in turn.
"""
import os

import redis

ledger = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


class ServiceError(Exception):
    """The remote service refused the request."""


def _record(trip, service, action):
    if action in ("reserve_flight", "reserve_hotel", "charge_card") and trip.get("fail_at") == service:
        raise ServiceError(f"{service} service refused trip {trip['id']}")
    ledger.rpush(f"saga-lab:{trip['id']}:ledger", action)
    return f"{action}:{trip['id']}"


def reserve_flight(trip):
    return _record(trip, "flight", "reserve_flight")


def cancel_flight(trip):
    return _record(trip, "flight", "cancel_flight")


def reserve_hotel(trip):
    return _record(trip, "hotel", "reserve_hotel")


def cancel_hotel(trip):
    return _record(trip, "hotel", "cancel_hotel")


def charge_card(trip):
    return _record(trip, "payment", "charge_card")


def refund_card(trip):
    return _record(trip, "payment", "refund_card")
