"""A trip-booking saga (module 30 lab). See README.md in this folder.

A trip is a JSON dict: {"id": "trip-42", "fail_at": None}. The services in services.py reserve a
flight, reserve a hotel and charge a card; each has a compensating call that undoes it.
"""
import os

import redis
from celery import Celery

import services

app = Celery("saga")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

# Saga state lives here, never in worker memory: any worker process may run the next step.
store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


# TODO 1: three step tasks, named saga.reserve_flight, saga.reserve_hotel and saga.charge_card.
#         Each calls its service and then records in Redis that its step completed.
#
# TODO 2: saga.book_trip(trip): marks the saga "running" and starts the steps as a chain of
#         immutable signatures (.si(trip)), with an error callback attached (link_error or
#         on_error). It returns trip["id"] at once, without waiting for the chain.
#
# TODO 3: the error callback: a task declared as (request, exc, traceback). request.args[0] is the
#         trip of the step that failed. It starts the compensation.
#
# TODO 4: saga.compensate_trip(trip): undoes every completed step that is not undone yet, in
#         reverse order (refund_card, cancel_hotel, cancel_flight), records each undo in Redis so
#         that running it again undoes nothing twice, and marks the saga "compensated".
#
# TODO 5: the last link of the chain marks the saga "completed"; and saga.saga_status(trip_id)
#         returns the saga's status: "running", "completed", "compensating", "compensated",
#         or "unknown" for a trip it has never seen.
