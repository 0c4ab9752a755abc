"""White-box tests for module 8's lab: the schedule objects themselves, read from the learner's
app.conf.beat_schedule, after app.finalize() as the worker and beat do it (so entries added in code
on on_after_configure or on_after_finalize are both there).
Crontabs are compared by the times they stand for, so day_of_week="mon" equals day_of_week=1."""
import importlib
from datetime import timedelta

import pytest
from celery.schedules import crontab


@pytest.fixture(scope="module")
def app():
    app = importlib.import_module("tasks").app
    app.finalize()
    return app


def raw(app, name):
    entries = app.conf.beat_schedule
    assert name in entries, f"beat_schedule has no entry {name!r} (entries: {sorted(entries)})"
    return entries[name]["schedule"]


def test_heartbeat_is_a_plain_number_of_one_second(app):
    value = raw(app, "heartbeat-every-second")
    assert isinstance(value, (int, float)) and value == 1, f"expected the number 1 (or 1.0), got {value!r}"


def test_tick_is_a_timedelta_of_two_seconds(app):
    value = raw(app, "tick-every-2-seconds")
    assert value == timedelta(seconds=2), f"expected timedelta(seconds=2), got {value!r}"


def test_cleanup_runs_every_15_minutes(app):
    assert raw(app, "cleanup-every-15-minutes") == crontab(minute="*/15")


def test_weekly_report_runs_mondays_at_7_30(app):
    assert raw(app, "weekly-report") == crontab(minute=30, hour=7, day_of_week=1)


def test_quarterly_invoices_run_at_midnight_on_the_first_of_january_april_july_october(app):
    assert raw(app, "quarterly-invoices") == crontab(minute=0, hour=0, day_of_month=1, month_of_year="1,4,7,10")


def test_crontabs_follow_london_time(app):
    assert str(app.conf.timezone) == "Europe/London"
