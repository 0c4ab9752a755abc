"""Hidden tests for module 8's lab, black-box: the worker runs with beat embedded (-B). The two
fast entries are watched firing through what their tasks count in Redis over a 5-second window;
the worker reports the schedule it loaded (inspect conf), entry names, tasks, arguments, options."""
import os
import time

import pytest
import redis

from coursebot_lab import inspect, registered

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
ENTRIES = {
    "heartbeat-every-second": "tasks.heartbeat",
    "tick-every-2-seconds": "tasks.record",
    "cleanup-every-15-minutes": "tasks.cleanup",
    "weekly-report": "tasks.weekly_report",
    "quarterly-invoices": "tasks.send_invoices",
}


@pytest.fixture(scope="module")
def runs():
    """How many times each fast entry ran in 5 seconds."""
    def sample():
        return int(store.get("lab08:heartbeat") or 0), int(store.hget("lab08:records", "tick") or 0)

    heartbeat, tick = sample()
    time.sleep(5)
    heartbeat_after, tick_after = sample()
    return {"heartbeat": heartbeat_after - heartbeat, "tick": tick_after - tick}


@pytest.fixture(scope="module")
def conf():
    # with_defaults: entries added in code to a beat_schedule the app never set land in the default
    # dict, which `inspect conf` leaves out otherwise.
    replies = inspect().conf(with_defaults=True) or {}
    assert replies, "no worker answered `inspect conf`"
    return next(iter(replies.values()))


def schedule_of(conf):
    return conf.get("beat_schedule") or {}


def test_heartbeat_runs_about_once_a_second(runs):
    assert 3 <= runs["heartbeat"] <= 7, f"tasks.heartbeat ran {runs['heartbeat']} times in 5 s; expected about 5"


def test_tick_runs_about_every_two_seconds(runs):
    assert 1 <= runs["tick"] <= 4, f"tasks.record('tick') ran {runs['tick']} times in 5 s; expected about 2"


def test_the_worker_loaded_the_five_entries(conf):
    missing = set(ENTRIES) - set(schedule_of(conf))
    assert not missing, f"beat_schedule has no entry named {sorted(missing)}"


def test_each_entry_sends_its_task(conf):
    entries = schedule_of(conf)
    wrong = {name: entries[name].get("task") for name, task in ENTRIES.items() if name in entries and entries[name].get("task") != task}
    assert set(ENTRIES) <= set(entries), "some entries are missing"
    assert not wrong, f"entries sending the wrong task: {wrong}"


def test_tick_passes_tick_and_cleanup_passes_older_than_days_7(conf):
    entries = schedule_of(conf)
    assert list(entries.get("tick-every-2-seconds", {}).get("args") or []) == ["tick"]
    assert (entries.get("cleanup-every-15-minutes", {}).get("kwargs") or {}) == {"older_than_days": 7}


def test_weekly_report_expires_after_an_hour(conf):
    options = schedule_of(conf).get("weekly-report", {}).get("options") or {}
    assert options.get("expires") == 3600, f"weekly-report options are {options}"


def test_the_worker_uses_london_time(conf):
    assert conf.get("timezone") == "Europe/London"


def test_the_five_tasks_are_registered():
    missing = set(ENTRIES.values()) - registered()
    assert not missing, f"not registered: {sorted(missing)}"
