"""Wrong on purpose: any event makes project apply everything in the log, also versions not delivered yet"""
from celery import Celery

from writemodel import read_log, store

app = Celery("projections")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


def summary_key(account_id):
    return f"cqrs-lab:read:summary:{account_id}"


def apply(event):
    """Applies one event to both read models (given)."""
    key = summary_key(event["aggregate_id"])
    if event["type"] == "AccountOpened":
        store.hset(key, mapping={"owner": event["data"]["owner"], "balance": 0, "transactions": 0})
    elif event["type"] in ("MoneyDeposited", "MoneyWithdrawn"):
        sign = 1 if event["type"] == "MoneyDeposited" else -1
        store.hincrby(key, "balance", sign * event["data"]["amount"])
        store.hincrby(key, "transactions", 1)
    store.hset(key, "version", event["version"])
    store.zadd("cqrs-lab:read:balances", {event["aggregate_id"]: int(store.hget(key, "balance") or 0)})


def applied_version(account_id):
    return int(store.hget(summary_key(account_id), "version") or 0)


def catch_up(account_id, up_to):
    """Applies, in order, every event after the last applied one up to `up_to`, from the log.
    One worker process consumes this queue, so nothing else applies this account meanwhile."""
    for event in read_log(account_id, applied_version(account_id)):
        if event["version"] > up_to:
            break
        apply(event)
    return applied_version(account_id)


@app.task(name="cqrs.project")
def project(event):
    """Idempotent and order-aware: duplicates are ignored, gaps are filled from the log."""
    account_id, version = event["aggregate_id"], event["version"]
    last = applied_version(account_id)
    if version <= last:
        return last  # a duplicate, or an event a catch-up already applied
    if version == last + 1:
        return catch_up(account_id, float("inf"))
    return catch_up(account_id, float("inf"))


@app.task(name="cqrs.get_summary")
def get_summary(account_id):
    summary = store.hgetall(summary_key(account_id))
    if not summary:
        return None
    return {"owner": summary["owner"], "balance": int(summary["balance"]),
            "transactions": int(summary["transactions"]), "version": int(summary["version"])}


@app.task(name="cqrs.accounts_over")
def accounts_over(min_balance):
    return store.zrevrangebyscore("cqrs-lab:read:balances", "+inf", f"({min_balance}")


@app.task(name="cqrs.rebuild")
def rebuild(account_id):
    """A projection is disposable: drop it and replay the log."""
    store.delete(summary_key(account_id))
    store.zrem("cqrs-lab:read:balances", account_id)
    return catch_up(account_id, float("inf"))
