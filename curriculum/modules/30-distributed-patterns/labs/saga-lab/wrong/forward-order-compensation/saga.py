"""Wrong on purpose: compensation undoes the completed steps in the order they were done, not in reverse"""
import os

import redis
from celery import Celery, chain

import services

app = Celery("saga")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)

UNDO = {"flight": services.cancel_flight, "hotel": services.cancel_hotel, "payment": services.refund_card}


def _state(trip_id):
    return f"saga:{trip_id}"


def _done(trip_id):
    return f"saga:{trip_id}:done"


def _undone(trip_id):
    return f"saga:{trip_id}:undone"


def _complete(trip, step, call):
    call(trip)
    store.rpush(_done(trip["id"]), step)


@app.task(name="saga.reserve_flight")
def reserve_flight(trip):
    _complete(trip, "flight", services.reserve_flight)


@app.task(name="saga.reserve_hotel")
def reserve_hotel(trip):
    _complete(trip, "hotel", services.reserve_hotel)


@app.task(name="saga.charge_card")
def charge_card(trip):
    _complete(trip, "payment", services.charge_card)


@app.task(name="saga.finish_trip")
def finish_trip(trip):
    store.hset(_state(trip["id"]), "status", "completed")


@app.task(name="saga.on_step_failed")
def on_step_failed(request, exc, traceback):
    trip = request.args[0]
    store.hset(_state(trip["id"]), mapping={"status": "compensating", "failed_task": request.task or ""})
    compensate_trip.delay(trip)


@app.task(name="saga.compensate_trip")
def compensate_trip(trip):
    trip_id = trip["id"]
    store.hset(_state(trip_id), "status", "compensating")
    for step in store.lrange(_done(trip_id), 0, -1):
        if store.sismember(_undone(trip_id), step):
            continue
        UNDO[step](trip)
        store.sadd(_undone(trip_id), step)
    store.hset(_state(trip_id), "status", "compensated")


@app.task(name="saga.book_trip")
def book_trip(trip):
    store.hset(_state(trip["id"]), "status", "running")
    workflow = chain(reserve_flight.si(trip), reserve_hotel.si(trip), charge_card.si(trip), finish_trip.si(trip))
    workflow.link_error(on_step_failed.s())
    workflow.apply_async()
    return trip["id"]


@app.task(name="saga.saga_status")
def saga_status(trip_id):
    return store.hget(_state(trip_id), "status") or "unknown"
