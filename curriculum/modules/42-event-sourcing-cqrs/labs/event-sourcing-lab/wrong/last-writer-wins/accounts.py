"""Wrong on purpose: no unique constraint and no retry: concurrent commands both append the same version
append-only log of events in SQLite; every state is a fold over that log."""
import json
import os
import sqlite3

from celery import Celery

app = Celery("accounts")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

DATABASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "events.db")


class ConcurrencyError(Exception):
    """Another command appended this aggregate's next version first."""


def connect():
    connection = sqlite3.connect(DATABASE, timeout=15, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(
        """CREATE TABLE IF NOT EXISTS events (
               aggregate_id TEXT NOT NULL,
               version INTEGER NOT NULL,
               type TEXT NOT NULL,
               data TEXT NOT NULL)"""
    )
    return connection


def load(aggregate_id, up_to=None):
    with connect() as connection:
        rows = connection.execute(
            "SELECT version, type, data FROM events WHERE aggregate_id = ? AND version <= ? ORDER BY version",
            (aggregate_id, up_to if up_to is not None else 2**62),
        ).fetchall()
    return [{"version": v, "type": t, "data": json.loads(d)} for v, t, d in rows]


def append(aggregate_id, version, type_, data):
    """Appends the event as `version`; the unique constraint refuses a version another writer took."""
    connection = connect()
    try:
        connection.execute(
            "INSERT INTO events (aggregate_id, version, type, data) VALUES (?, ?, ?, ?)",
            (aggregate_id, version, type_, json.dumps(data)),
        )
    except sqlite3.IntegrityError as error:
        raise ConcurrencyError(aggregate_id, version) from error
    finally:
        connection.close()


def fold(events):
    """The state of an account: None before it was opened."""
    state = None
    for event in events:
        if event["type"] == "AccountOpened":
            state = {"owner": event["data"]["owner"], "balance": 0, "version": event["version"]}
        elif event["type"] == "MoneyDeposited":
            state = {**state, "balance": state["balance"] + event["data"]["amount"], "version": event["version"]}
        elif event["type"] == "MoneyWithdrawn":
            state = {**state, "balance": state["balance"] - event["data"]["amount"], "version": event["version"]}
    return state


def decide(command, state, args):
    """The business rules: returns (event type, data) or an error."""
    if command == "open":
        return ("AccountOpened", {"owner": args["owner"]}) if state is None else "account exists"
    if state is None:
        return "no such account"
    if not isinstance(args["amount"], int) or args["amount"] <= 0:
        return "invalid amount"
    if command == "deposit":
        return "MoneyDeposited", {"amount": args["amount"]}
    if args["amount"] > state["balance"]:
        return "insufficient funds"
    return "MoneyWithdrawn", {"amount": args["amount"]}


def handle(command, account_id, args, expected_version=None):
    """Load, decide, append; on a lost race reload and decide again (unless the caller pinned a version)."""
    for _ in range(50):
        state = fold(load(account_id))
        version = state["version"] if state else 0
        if expected_version is not None and expected_version != version:
            return {"ok": False, "error": "conflict", "version": version}
        decision = decide(command, state, args)
        if isinstance(decision, str):
            return {"ok": False, "error": decision, "version": version}
        try:
            append(account_id, version + 1, *decision)
        except ConcurrencyError:
            if expected_version is not None:
                return {"ok": False, "error": "conflict", "version": version + 1}
            continue
        return {"ok": True, "version": version + 1}
    return {"ok": False, "error": "too much contention", "version": version}


@app.task(name="accounts.open_account")
def open_account(account_id, owner):
    return handle("open", account_id, {"owner": owner})


@app.task(name="accounts.deposit")
def deposit(account_id, amount, expected_version=None):
    return handle("deposit", account_id, {"amount": amount}, expected_version)


@app.task(name="accounts.withdraw")
def withdraw(account_id, amount, expected_version=None):
    return handle("withdraw", account_id, {"amount": amount}, expected_version)


@app.task(name="accounts.get_events")
def get_events(account_id):
    return load(account_id)


@app.task(name="accounts.get_state")
def get_state(account_id, at_version=None):
    return fold(load(account_id, at_version))
