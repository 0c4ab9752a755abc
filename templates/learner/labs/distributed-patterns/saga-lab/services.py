"""Three remote services the saga coordinates: a flight, a hotel and a payment (provided: do not change this file).

They answer over HTTP at the trip's "services_url". A call fails with ServiceError, before doing
anything, when the service refuses the trip (the grader makes each step fail in turn that way).
The services keep their own record of what each trip did; this file records nothing.
"""
import json
import urllib.error
import urllib.parse
import urllib.request

_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ServiceError(Exception):
    """The remote service refused the request."""


def _call(trip, action):
    request = urllib.request.Request(
        trip["services_url"].rstrip("/") + "/" + action + "/" + urllib.parse.quote(trip["id"], safe=""),
        data=b"{}",
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with _opener.open(request, timeout=5) as response:
            json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise ServiceError(error.read().decode(errors="replace")) from None
    return f"{action}:{trip['id']}"


def reserve_flight(trip):
    return _call(trip, "reserve_flight")


def cancel_flight(trip):
    return _call(trip, "cancel_flight")


def reserve_hotel(trip):
    return _call(trip, "reserve_hotel")


def cancel_hotel(trip):
    return _call(trip, "cancel_hotel")


def charge_card(trip):
    return _call(trip, "charge_card")


def refund_card(trip):
    return _call(trip, "refund_card")
