"""Hidden tests for module 30's saga lab: the saga runs on two real workers; each step fails in turn.

The grader owns what it measures: this module serves the flight, hotel and payment services itself
on loopback and keeps each trip's ledger (the calls that did something) in its own memory; the
learner's code reaches them only over HTTP, so no key the learner can write decides the score.
Each service call takes a moment (as a real one would), so a book_trip that runs the steps itself
instead of starting the chain cannot answer at once; and the workers' own counts of executed tasks
show that each step ran as a task of its own."""
import threading
import time
import uuid

from coursebot_lab import app, call, registered, serve, wait_until

CALL_SECONDS = 0.4

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
        time.sleep(CALL_SECONDS)
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
    return call("saga.saga_status", trip["id"], timeout=15)


def executed():
    """How many of each step task the two workers have run, by their own count."""
    stats = app.control.inspect(timeout=5).stats() or {}
    totals = {}
    for worker in stats.values():
        for name, count in (worker.get("total") or {}).items():
            totals[name] = totals.get(name, 0) + int(count)
    return {name: totals.get(name, 0) for name in ("saga.reserve_flight", "saga.reserve_hotel", "saga.charge_card")}


def run_saga(trip):
    # A task's round trip right now (saga_status only reads): book_trip is judged against it, not against a fixed time,
    # so a machine busy with other work does not fail a chain that returns at once.
    probe = time.monotonic()
    status(trip)
    round_trip = time.monotonic() - probe
    started = time.monotonic()
    assert call("saga.book_trip", trip, timeout=15) == trip["id"], "saga.book_trip should return the trip's id"
    took = time.monotonic() - started
    assert took < round_trip + 1.0, (  # the three calls alone take 1.2 s
        f"saga.book_trip took {took:.2f} s to answer (a plain task {round_trip:.2f} s): it should start the chain and "
        "return at once, not run the steps itself")
    final = wait_until(lambda: status(trip) in FINAL and status(trip), timeout=20)
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


def test_each_step_runs_as_a_task_of_its_own():
    before = executed()
    trip = new_trip("payment")
    assert run_saga(trip) == "compensated"
    after = executed()
    ran = {name: after[name] - before[name] for name in after}
    assert ran == {"saga.reserve_flight": 1, "saga.reserve_hotel": 1, "saga.charge_card": 1}, (
        f"for a trip whose payment fails the workers ran these step tasks: {ran}; each step should be one task of the chain")


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
    call("saga.compensate_trip", trip, timeout=15)
    assert status(trip) == "compensated"
    assert ledger(trip) == ["reserve_flight", "reserve_hotel", "charge_card", "refund_card", "cancel_hotel", "cancel_flight"]


def test_compensating_again_after_a_crash_undoes_nothing_twice():
    trip = new_trip("payment")
    assert run_saga(trip) == "compensated"
    before = ledger(trip)
    call("saga.compensate_trip", trip, timeout=15)
    call("saga.compensate_trip", trip, timeout=15)
    assert ledger(trip) == before, "compensation ran again for steps that were already undone"
    assert status(trip) == "compensated"
