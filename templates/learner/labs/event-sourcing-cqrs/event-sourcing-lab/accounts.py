"""Event-sourced bank accounts (module 42 lab). See README.md in this folder.

The only state stored is an append-only log of events in SQLite (events.db in this folder);
every account state is a fold over its events.
"""
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
    # TODO 1: one version per aggregate: a second event with the same (aggregate_id, version)
    #         must be refused by the database itself.
    connection.execute(
        """CREATE TABLE IF NOT EXISTS events (
               aggregate_id TEXT NOT NULL,
               version INTEGER NOT NULL,
               type TEXT NOT NULL,
               data TEXT NOT NULL)"""
    )
    return connection


def load(aggregate_id, up_to=None):
    """The aggregate's events in version order (up to a version, when given)."""
    with connect() as connection:
        rows = connection.execute(
            "SELECT version, type, data FROM events WHERE aggregate_id = ? AND version <= ? ORDER BY version",
            (aggregate_id, up_to if up_to is not None else 2**62),
        ).fetchall()
    return [{"version": v, "type": t, "data": json.loads(d)} for v, t, d in rows]


def append(aggregate_id, version, type_, data):
    """Appends one event as `version`.

    TODO 2: raise ConcurrencyError when the database refuses the version (another writer took it).
    """
    connection = connect()
    try:
        connection.execute(
            "INSERT INTO events (aggregate_id, version, type, data) VALUES (?, ?, ?, ?)",
            (aggregate_id, version, type_, json.dumps(data)),
        )
    finally:
        connection.close()


def fold(events):
    """The state of an account, {"owner", "balance", "version"}, or None before it was opened.

    TODO 3: apply AccountOpened {"owner"}, MoneyDeposited {"amount"} and MoneyWithdrawn {"amount"}.
    """
    return None


# TODO 4: the commands, each as a task that loads the account's events, folds them, checks the
#         rules, and appends one event as the next version; returns {"ok": True, "version": n}
#         or {"ok": False, "error": ..., "version": current version}:
#   accounts.open_account(account_id, owner)                       error "account exists"
#   accounts.deposit(account_id, amount, expected_version=None)    errors "no such account", "invalid amount"
#   accounts.withdraw(account_id, amount, expected_version=None)   also "insufficient funds"
# A command that loses the race for a version (ConcurrencyError) loads and decides again; one
# called with expected_version that does not match the current version answers error "conflict".


@app.task(name="accounts.get_events")
def get_events(account_id):
    return load(account_id)


@app.task(name="accounts.get_state")
def get_state(account_id, at_version=None):
    return fold(load(account_id, at_version))
