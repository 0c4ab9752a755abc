"""Hidden tests for module 30's saga lab: the saga runs on two real workers; each step fails in turn.

The grader owns what it measures: this module serves the flight, hotel and payment services itself
on loopback and keeps each trip's ledger (the calls that did something) in its own memory; the
learner's code reaches them only over HTTP, so no key the learner can write decides the score."""
import threading
import uuid

from coursebot_lab import call, registered, serve, wait_until

FINAL = ("completed", "compensated")
REFUSABLE = {"reserve_flight": "flight", "reserve_hotel": "hotel", "charge_card": "payment"}
ACTIONS = set(REFUSABLE) | {"cancel_flight", "cancel_hotel", "refund_card"}


class Services:
    """The flight, hotel and payment services: which trip each refuses, and what each trip did."""

    def __init__(self):
        self.fail_at = {}
        self.ledgers = {}
        self.lock = threading.Lock()
        self.server = None

    def handle(self, method, path, body):
        parts = path.strip("/").split("/")
        if method != "POST" or len(parts) != 2:
            return 404, {"error": "no such path"}
        action, trip_id = parts
        with self.lock:
            if action not in ACTIONS or trip_id not in self.fail_at:
                return 404, {"error": "unknown trip or action"}
            if REFUSABLE.get(action) and self.fail_at[trip_id] == REFUSABLE[action]:
                return 409, {"error": f"{REFUSABLE[action]} service refused trip {trip_id}"}
            self.ledgers[trip_id].append(action)
            return 200, {"done": action}

    def url(self):
        with self.lock:
            if self.server is None:
                self.server = serve(self.handle)
            return self.server.url


SERVICES = Services()


def new_trip(fail_at=None):
    trip = {"id": "trip-" + uuid.uuid4().hex[:12], "fail_at": fail_at, "services_url": SERVICES.url()}
    with SERVICES.lock:
        SERVICES.fail_at[trip["id"]] = fail_at
        SERVICES.ledgers[trip["id"]] = []
    return trip


def ledger(trip):
    with SERVICES.lock:
        return list(SERVICES.ledgers.get(trip["id"], []))


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
