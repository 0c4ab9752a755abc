"""Alternative correct solution (module 42 CQRS): one code path for every event. The projection never
applies the delivered event itself: it reads the log after the last applied version and applies it up
to the delivered version, so in order, gaps and duplicates are the same case. The read model is
written in one MULTI/EXEC pipeline per event; rebuild resets with a pipeline too."""
from celery import Celery

from writemodel import read_log, store

app = Celery("projections")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

BALANCES = "cqrs-lab:read:balances"


def _key(account):
    return "cqrs-lab:read:summary:" + account


def _last(account):
    value = store.hget(_key(account), "version")
    return int(value) if value is not None else 0


def _write(event, state):
    account = event["aggregate_id"]
    kind = event["type"]
    if kind == "AccountOpened":
        state = {"owner": event["data"]["owner"], "balance": 0, "transactions": 0}
    elif kind in ("MoneyDeposited", "MoneyWithdrawn"):
        delta = event["data"]["amount"] if kind == "MoneyDeposited" else -event["data"]["amount"]
        state = dict(state, balance=state["balance"] + delta, transactions=state["transactions"] + 1)
    state = dict(state, version=event["version"])
    with store.pipeline(transaction=True) as pipe:
        pipe.hset(_key(account), mapping=state)
        pipe.zadd(BALANCES, {account: state["balance"]})
        pipe.execute()
    return state


def _advance(account, target):
    raw = store.hgetall(_key(account))
    state = {"owner": raw.get("owner", ""), "balance": int(raw.get("balance", 0)),
             "transactions": int(raw.get("transactions", 0)), "version": int(raw.get("version", 0))}
    for event in read_log(account, state["version"]):
        if event["version"] > target:
            break
        state = _write(event, state)
    return state["version"]


@app.task(name="cqrs.project")
def project(event):
    return _advance(event["aggregate_id"], event["version"])


@app.task(name="cqrs.get_summary")
def get_summary(account_id):
    raw = store.hgetall(_key(account_id))
    if "version" not in raw:
        return None
    return {"owner": raw["owner"], "balance": int(raw["balance"]), "transactions": int(raw["transactions"]),
            "version": int(raw["version"])}


@app.task(name="cqrs.accounts_over")
def accounts_over(min_balance):
    above = store.zrangebyscore(BALANCES, "(%s" % min_balance, "+inf", withscores=True)
    return [account for account, _ in sorted(above, key=lambda pair: -pair[1])]


@app.task(name="cqrs.rebuild")
def rebuild(account_id):
    with store.pipeline(transaction=True) as pipe:
        pipe.delete(_key(account_id))
        pipe.zrem(BALANCES, account_id)
        pipe.execute()
    return _advance(account_id, float("inf"))
