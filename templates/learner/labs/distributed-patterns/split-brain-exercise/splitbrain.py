"""Surviving duplicate delivery and split-brain (module 30 exercise). See README.md in this folder."""
import os
import time

import redis
from celery import Celery

import bank

app = Celery("splitbrain")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


def record_key(record_id):
    """The storage the fenced writes go to: a hash with the fields value and token."""
    return f"split-lab:record:{record_id}"


@app.task(name="splitbrain.charge")
def charge(bank_url, payment_id, account, amount):
    # TODO 1: make this idempotent. The same payment may be delivered twice, even to two workers at
    #         the same moment: claim the payment id atomically in Redis (SET ... NX) before the side
    #         effect, and return "duplicate" without charging when the claim fails.
    bank.apply_charge(bank_url, payment_id, account, amount)
    return "applied"


@app.task(name="splitbrain.update_record")
def update_record(record_id, value, pause=0, lease_ms=500):
    # TODO 2: take a lease on the record (SET key owner NX PX lease_ms), waiting for it up to 5 s,
    #         and get a fencing token with INCR (a number that grows with every lease).
    token = 0
    time.sleep(pause)  # a GC pause or a network partition: the lease may expire meanwhile
    # TODO 3: write through fenced_write, then release the lease only if this owner still holds it.
    store.hset(record_key(record_id), mapping={"value": value, "token": token})
    return {"token": token, "written": True}


def fenced_write(record_id, token, value):
    """Stores value unless a write with a higher token already happened; True when written."""
    # TODO 4: compare and set atomically (a Lua script, or WATCH/MULTI) on record_key(record_id).
    raise NotImplementedError
