"""Hidden tests for module 30's saga lab: the saga runs on two real workers; each step fails in turn."""
import os
import uuid

import redis
from coursebot_lab import call, registered, wait_until

ledger_store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
FINAL = ("completed", "compensated")


def new_trip(fail_at=None):
    return {"id": "trip-" + uuid.uuid4().hex[:12], "fail_at": fail_at}


def ledger(trip):
    return ledger_store.lrange(f"saga-lab:{trip['id']}:ledger", 0, -1)


def status(trip):
    return call("saga.saga_status", trip["id"], timeout=5)


def run_saga(trip):
    assert call("saga.book_trip", trip, timeout=5) == trip["id"], "saga.book_trip should return the trip's id"
    final = wait_until(lambda: status(trip) in FINAL and status(trip), timeout=10)
    assert final, f"the saga never finished: its status stayed {status(trip)!r} (ledger so far: {ledger(trip)})"
    return final


def test_the_saga_tasks_are_registered():
    assert {"saga.book_trip", "saga.compensate_trip", "saga.saga_status"} <= registered()


def test_an_unknown_trip_has_status_unknown():
    assert status(new_trip()) == "unknown"


def test_a_trip_without_failures_runs_every_step_in_order():
    trip = new_trip()
    assert run_saga(trip) == "completed"
    assert ledger(trip) == ["reserve_flight", "reserve_hotel", "charge_card"]


def test_a_failing_flight_leaves_nothing_to_compensate():
    trip = new_trip("flight")
    assert run_saga(trip) == "compensated"
    assert ledger(trip) == []


def test_a_failing_hotel_cancels_the_flight():
    trip = new_trip("hotel")
    assert run_saga(trip) == "compensated"
    assert ledger(trip) == ["reserve_flight", "cancel_flight"]


def test_a_failing_payment_cancels_the_hotel_then_the_flight():
    trip = new_trip("payment")
    assert run_saga(trip) == "compensated"
    assert ledger(trip) == ["reserve_flight", "reserve_hotel", "cancel_hotel", "cancel_flight"]


def test_compensating_a_booked_trip_undoes_every_step_in_reverse_order():
    trip = new_trip()
    assert run_saga(trip) == "completed"
    call("saga.compensate_trip", trip, timeout=5)
    assert status(trip) == "compensated"
    assert ledger(trip) == ["reserve_flight", "reserve_hotel", "charge_card", "refund_card", "cancel_hotel", "cancel_flight"]


def test_compensating_again_after_a_crash_undoes_nothing_twice():
    trip = new_trip("payment")
    assert run_saga(trip) == "compensated"
    before = ledger(trip)
    call("saga.compensate_trip", trip, timeout=5)
    call("saga.compensate_trip", trip, timeout=5)
    assert ledger(trip) == before, "compensation ran again for steps that were already undone"
    assert status(trip) == "compensated"
