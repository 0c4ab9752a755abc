"""Hidden tests for module 42's event sourcing lab.

The learner's worker (prefork, four processes) runs the commands; concurrent commands on one
account really race in different processes. The tests read the event log back through
accounts.get_events and fold it themselves, so the state the learner reports is checked against
the log, not against itself.
"""
import uuid

from coursebot_lab import call, registered, send

COMMANDS = {"accounts.open_account", "accounts.deposit", "accounts.withdraw", "accounts.get_events", "accounts.get_state"}


def fresh():
    return "acct-" + uuid.uuid4().hex[:10]


def events(account):
    return call("accounts.get_events", account, timeout=10)


def state(account, at_version=None):
    return call("accounts.get_state", account, at_version, timeout=10)


def replay(log):
    """The test's own fold of the log."""
    balance = 0
    for event in log:
        balance += {"MoneyDeposited": 1, "MoneyWithdrawn": -1}.get(event["type"], 0) * event["data"].get("amount", 0)
    return balance


def opened(owner="ada"):
    account = fresh()
    assert call("accounts.open_account", account, owner, timeout=10) == {"ok": True, "version": 1}
    return account


def test_the_commands_and_queries_are_registered():
    assert COMMANDS <= registered()


def test_commands_append_events_with_consecutive_versions():
    account = opened()
    assert call("accounts.deposit", account, 50, timeout=10) == {"ok": True, "version": 2}
    assert call("accounts.withdraw", account, 20, timeout=10) == {"ok": True, "version": 3}
    assert events(account) == [
        {"version": 1, "type": "AccountOpened", "data": {"owner": "ada"}},
        {"version": 2, "type": "MoneyDeposited", "data": {"amount": 50}},
        {"version": 3, "type": "MoneyWithdrawn", "data": {"amount": 20}},
    ]
    assert state(account) == {"owner": "ada", "balance": 30, "version": 3}


def test_rejected_commands_append_nothing():
    account = opened()
    assert call("accounts.open_account", account, "eve", timeout=10)["error"] == "account exists"
    assert call("accounts.withdraw", account, 10, timeout=10) == {"ok": False, "error": "insufficient funds", "version": 1}
    assert call("accounts.deposit", account, -5, timeout=10)["error"] == "invalid amount"
    assert call("accounts.deposit", fresh(), 5, timeout=10)["error"] == "no such account"
    assert [e["type"] for e in events(account)] == ["AccountOpened"]


def test_past_states_are_rebuilt_from_the_log():
    account = opened("grace")
    for amount in (10, 20, 30):
        call("accounts.deposit", account, amount, timeout=10)
    assert state(account, 2) == {"owner": "grace", "balance": 10, "version": 2}
    assert state(account, 3)["balance"] == 30
    assert state(fresh()) is None


def test_an_outdated_expected_version_is_a_conflict():
    account = opened()
    assert call("accounts.deposit", account, 5, 1, timeout=10) == {"ok": True, "version": 2}
    assert call("accounts.deposit", account, 5, 1, timeout=10) == {"ok": False, "error": "conflict", "version": 2}
    assert len(events(account)) == 2


def test_concurrent_deposits_are_all_kept_in_one_gapless_log():
    account = opened()
    answers = [r.get(timeout=30) for r in [send("accounts.deposit", account, 5) for _ in range(20)]]
    assert all(a["ok"] for a in answers), f"some deposits failed: {[a for a in answers if not a['ok']][:3]}"
    log = events(account)
    assert [e["version"] for e in log] == list(range(1, 22)), "versions must run 1..21 without gaps or repeats"
    assert sorted(a["version"] for a in answers) == list(range(2, 22))
    assert replay(log) == 100 and state(account)["balance"] == 100


def test_concurrent_withdrawals_never_overdraw():
    account = opened()
    call("accounts.deposit", account, 100, timeout=10)
    answers = [r.get(timeout=30) for r in [send("accounts.withdraw", account, 40) for _ in range(4)]]
    assert sum(a["ok"] for a in answers) == 2, f"{sum(a['ok'] for a in answers)} withdrawals of 40 from 100 succeeded"
    assert all(a["error"] == "insufficient funds" for a in answers if not a["ok"])
    log = events(account)
    assert replay(log) == 20 and state(account)["balance"] == 20
    assert [e["version"] for e in log] == [1, 2, 3, 4]
