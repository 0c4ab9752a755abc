"""Alternative correct saga (module 30): steps made by one factory, the chain's error callback attached
with on_error, and each trip's whole state in one Redis hash (status, and a field per step: done or
undone)."""
import os

import redis
from celery import Celery, chain

import services

app = Celery("saga")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)

STEPS = [
    ("flight", services.reserve_flight, services.cancel_flight),
    ("hotel", services.reserve_hotel, services.cancel_hotel),
    ("payment", services.charge_card, services.refund_card),
]


def _key(trip_id):
    return "saga-trip:" + trip_id


def _step_task(step, forward):
    name = {"flight": "saga.reserve_flight", "hotel": "saga.reserve_hotel", "payment": "saga.charge_card"}[step]

    @app.task(name=name)
    def run(trip):
        forward(trip)
        store.hset(_key(trip["id"]), "step:" + step, "done")

    return run


STEP_TASKS = [_step_task(step, forward) for step, forward, _ in STEPS]


@app.task(name="saga.mark_completed")
def mark_completed(trip):
    store.hset(_key(trip["id"]), "status", "completed")


@app.task(name="saga.step_failed")
def step_failed(request, exc, traceback):
    compensate_trip.delay(request.args[0])


@app.task(name="saga.compensate_trip")
def compensate_trip(trip):
    key = _key(trip["id"])
    store.hset(key, "status", "compensating")
    for step, _, undo in reversed(STEPS):
        if store.hget(key, "step:" + step) == "done":
            undo(trip)
            store.hset(key, "step:" + step, "undone")
    store.hset(key, "status", "compensated")


@app.task(name="saga.book_trip")
def book_trip(trip):
    store.hset(_key(trip["id"]), "status", "running")
    flow = chain(*(task.si(trip) for task in STEP_TASKS), mark_completed.si(trip))
    flow.on_error(step_failed.s()).apply_async()
    return trip["id"]


@app.task(name="saga.saga_status")
def saga_status(trip_id):
    return store.hget(_key(trip_id), "status") or "unknown"
