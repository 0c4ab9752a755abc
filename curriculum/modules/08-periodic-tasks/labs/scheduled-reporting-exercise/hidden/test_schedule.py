"""White-box tests for module 8's exercise: the two schedule objects, from the learner's app."""
import importlib
from datetime import timedelta

import pytest
from celery.schedules import crontab, maybe_schedule


@pytest.fixture(scope="module")
def schedule():
    return importlib.import_module("tasks").app.conf.beat_schedule


def test_sales_report_runs_every_two_seconds(schedule):
    assert "sales-report" in schedule, f"entries: {sorted(schedule)}"
    assert maybe_schedule(schedule["sales-report"]["schedule"]).run_every == timedelta(seconds=2)


def test_daily_digest_runs_every_day_at_8(schedule):
    assert "daily-digest" in schedule, f"entries: {sorted(schedule)}"
    assert schedule["daily-digest"]["task"] == "tasks.daily_digest"
    assert schedule["daily-digest"]["schedule"] == crontab(hour=8, minute=0)
