"""The read side of a CQRS system (module 42 exercise). See README.md in this folder.

Projections turn the write side's events into read models shaped for queries:
- cqrs-lab:read:summary:<account id>, a hash: owner, balance, transactions, version (the last
  event applied);
- cqrs-lab:read:balances, a sorted set: account id scored by balance, for "who holds more than X".
"""
from celery import Celery

from writemodel import read_log, store

app = Celery("projections")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


def apply(event):
    """Applies one event to both read models (given)."""
    key = f"cqrs-lab:read:summary:{event['aggregate_id']}"
    if event["type"] == "AccountOpened":
        store.hset(key, mapping={"owner": event["data"]["owner"], "balance": 0, "transactions": 0})
    elif event["type"] in ("MoneyDeposited", "MoneyWithdrawn"):
        sign = 1 if event["type"] == "MoneyDeposited" else -1
        store.hincrby(key, "balance", sign * event["data"]["amount"])
        store.hincrby(key, "transactions", 1)
    store.hset(key, "version", event["version"])
    store.zadd("cqrs-lab:read:balances", {event["aggregate_id"]: int(store.hget(key, "balance") or 0)})


@app.task(name="cqrs.project")
def project(event):
    # TODO 1: events arrive at least once and in any order. Apply an event only if it is the next
    #         version of its account; ignore versions already applied; when versions are missing
    #         before it, read them from the log (read_log) and apply them in order first.
    apply(event)


@app.task(name="cqrs.get_summary")
def get_summary(account_id):
    summary = store.hgetall(f"cqrs-lab:read:summary:{account_id}")
    if not summary:
        return None
    return {"owner": summary["owner"], "balance": int(summary["balance"]),
            "transactions": int(summary["transactions"]), "version": int(summary["version"])}


# TODO 2: cqrs.accounts_over(min_balance): the ids of the accounts whose balance is above
#         min_balance, richest first, from the balances read model (no scan of the summaries).
# TODO 3: cqrs.rebuild(account_id): throw the account's read models away and replay its whole log;
#         return the version reached.
