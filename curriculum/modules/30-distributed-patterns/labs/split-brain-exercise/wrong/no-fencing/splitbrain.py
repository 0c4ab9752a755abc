"""Wrong on purpose: writes whatever the lease holder sends: a holder whose lease expired overwrites the new owner"""
import os
import time
import uuid

import redis
from celery import Celery

import bank

app = Celery("splitbrain")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)

# Writes value only when the token is not older than the newest token the record has seen.
_fenced_write = store.register_script("""
local newest = tonumber(redis.call('HGET', KEYS[1], 'token') or '0')
if tonumber(ARGV[1]) < newest then
  return 0
end
redis.call('HSET', KEYS[1], 'value', ARGV[2], 'token', ARGV[1])
return 1
""")

# Deletes the lease only if it still carries our owner id (a stale owner must not free someone else's lease).
_release = store.register_script("""
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
""")


def record_key(record_id):
    """The storage the fenced writes go to: a hash with the fields value and token."""
    return f"split-lab:record:{record_id}"


@app.task(name="splitbrain.charge")
def charge(bank_url, payment_id, account, amount):
    if not store.set(f"split-lab:idempotency:{payment_id}", "claimed", nx=True, ex=24 * 3600):
        return "duplicate"
    bank.apply_charge(bank_url, payment_id, account, amount)
    return "applied"


def acquire_lease(record_id, lease_ms, wait_seconds=5.0):
    owner = uuid.uuid4().hex
    deadline = time.monotonic() + wait_seconds
    while not store.set(f"split-lab:lease:{record_id}", owner, nx=True, px=lease_ms):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no lease on {record_id} within {wait_seconds} s")
        time.sleep(0.02)
    token = store.incr(f"split-lab:fence:{record_id}")
    return owner, token


@app.task(name="splitbrain.update_record")
def update_record(record_id, value, pause=0, lease_ms=500):
    owner, token = acquire_lease(record_id, lease_ms)
    try:
        time.sleep(pause)  # a GC pause or a network partition: the lease may expire meanwhile
        written = fenced_write(record_id, token, value)
    finally:
        _release(keys=[f"split-lab:lease:{record_id}"], args=[owner])
    return {"token": token, "written": written}


def fenced_write(record_id, token, value):
    """Stores value unless a write with a higher token already happened; True when written."""
    store.hset(record_key(record_id), mapping={"value": value, "token": token})
    return True
