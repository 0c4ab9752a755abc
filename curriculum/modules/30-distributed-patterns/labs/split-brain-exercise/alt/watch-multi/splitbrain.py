"""Alternative correct solution (module 30 split-brain): no Lua. The fenced write and the owner-checked
release are WATCH/MULTI transactions through redis-py's transaction() helper; the idempotency claim is
SETNX followed by EXPIRE in one MULTI; the fencing token comes from HINCRBY on one hash per record."""
import os
import time
import uuid

import redis
from celery import Celery

import bank

app = Celery("splitbrain")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


def record_key(record_id):
    return f"split-lab:record:{record_id}"


def _claim(payment_id):
    key = "split-lab:idempotency:" + payment_id
    pipe = store.pipeline(transaction=True)
    pipe.setnx(key, "claimed")
    pipe.expire(key, 86400)
    claimed, _ = pipe.execute()
    return bool(claimed)


@app.task(name="splitbrain.charge")
def charge(bank_url, payment_id, account, amount):
    if not _claim(payment_id):
        return "duplicate"
    bank.apply_charge(bank_url, payment_id, account, amount)
    return "applied"


def _lease(record_id, lease_ms):
    owner = str(uuid.uuid4())
    key = "split-lab:lease:" + record_id
    give_up = time.monotonic() + 5.0
    while not store.set(key, owner, nx=True, px=lease_ms):
        if time.monotonic() >= give_up:
            raise TimeoutError("lease on %s not granted within 5 s" % record_id)
        time.sleep(0.01)
    return owner, store.hincrby("split-lab:fencing", record_id, 1)


def _release(record_id, owner):
    key = "split-lab:lease:" + record_id

    def step(pipe):
        if pipe.get(key) == owner:
            pipe.multi()
            pipe.delete(key)

    store.transaction(step, key)


def fenced_write(record_id, token, value):
    key = record_key(record_id)

    def step(pipe):
        newest = int(pipe.hget(key, "token") or 0)
        if token < newest:
            return False
        pipe.multi()
        pipe.hset(key, mapping={"value": value, "token": token})
        return True

    return store.transaction(step, key, value_from_callable=True)


@app.task(name="splitbrain.update_record")
def update_record(record_id, value, pause=0, lease_ms=500):
    owner, token = _lease(record_id, lease_ms)
    try:
        time.sleep(pause)
        written = fenced_write(record_id, token, value)
    finally:
        _release(record_id, owner)
    return {"token": token, "written": written}
