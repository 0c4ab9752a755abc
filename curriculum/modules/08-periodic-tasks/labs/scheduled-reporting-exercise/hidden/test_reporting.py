"""Hidden tests for module 8's exercise, black-box: the worker runs with beat embedded. The tests
record sales by task name and watch the reports beat's "sales-report" entry produces, in the Redis
keys the learner's tasks write (lab08:report:history, lab08:report:latest). The sale amounts are
drawn per run from COURSEBOT_SEED (reported in failures)."""
import json
import os
import random
import time
from datetime import datetime, timedelta, timezone

import pytest
import redis

from coursebot_lab import call, inspect, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
HISTORY, LATEST = "lab08:report:history", "lab08:report:latest"
SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)
SALES = [RNG.randint(1, 99999) / 100 for _ in range(RNG.randint(2, 5))]


def history():
    return [json.loads(item) for item in store.lrange(HISTORY, 0, -1)]


def next_report(after):
    """Waits for a report appended after position `after` of the history; returns the new length."""
    grown = wait_until(lambda: store.llen(HISTORY) > after and store.llen(HISTORY), timeout=6)
    assert grown, "no new report reached lab08:report:history within 6 s (is sales-report scheduled every 2 s?)"
    return grown


@pytest.fixture(scope="module")
def fresh():
    """Where the history stood just after a report that beat sent while these tests run."""
    return next_report(store.llen(HISTORY))


@pytest.fixture(scope="module")
def sold(fresh):
    """Records the sales right after a report, and returns the reports that covered them."""
    for amount in SALES:
        call("tasks.record_sale", amount)
    covered = wait_until(lambda: sum(r.get("count", 0) for r in history()[fresh:]) >= len(SALES) and history()[fresh:], timeout=8)
    return covered or history()[fresh:]


def test_record_sale_returns_how_many_sales_are_pending():
    assert isinstance(call("tasks.record_sale", 1), int)


def test_the_sales_appear_in_the_next_reports(sold):
    assert sum(r.get("count", 0) for r in sold) == len(SALES), f"{len(SALES)} sales {SALES}; reports after them: {sold} (seed {SEED})"


def test_the_reports_total_the_amounts(sold):
    assert round(sum(r.get("total", 0) for r in sold), 2) == round(sum(SALES), 2), f"sales {SALES}; reports after them: {sold} (seed {SEED})"


def test_a_report_has_count_total_and_a_recent_generated_at(sold):
    report = sold[-1]
    assert set(report) >= {"count", "total", "generated_at"}, f"report fields: {sorted(report)}"
    generated = datetime.fromisoformat(report["generated_at"])
    assert generated.tzinfo is not None, "generated_at needs a UTC offset: use now_iso()"
    assert abs(datetime.now(timezone.utc) - generated) < timedelta(seconds=30)


def test_a_period_without_sales_still_reports_zero(sold):
    length = next_report(store.llen(HISTORY))  # covers the time after the sales: nothing was sold
    report = history()[length - 1]
    assert (report.get("count"), report.get("total")) == (0, 0), f"expected an empty report, got {report}"


def test_latest_holds_the_newest_report(fresh):
    for _ in range(3):  # a new report may land between the two reads
        newest, latest = history()[-1], json.loads(store.get(LATEST) or "null")
        if newest == latest:
            return
        time.sleep(0.3)
    assert latest == newest, "lab08:report:latest should hold the same report as the end of the history"


def test_reports_arrive_about_every_two_seconds(fresh):
    while len(history()[fresh - 1:]) < 4:
        next_report(store.llen(HISTORY))
    times = [datetime.fromisoformat(r["generated_at"]) for r in history()[fresh - 1:]]
    gaps = [(later - earlier).total_seconds() for earlier, later in zip(times, times[1:])]
    assert all(1.0 <= gap <= 3.5 for gap in gaps), f"seconds between the reports: {gaps}; expected about 2"


def test_daily_digest_sums_the_whole_history():
    before = history()
    digest = call("tasks.daily_digest")
    after = history()

    def summary(reports):
        return {"reports": len(reports), "count": sum(r["count"] for r in reports), "total": round(sum(r["total"] for r in reports), 2)}

    assert digest in (summary(before), summary(after)), f"digest {digest}, expected {summary(after)}"


def test_sales_report_entry_expires_after_its_period():
    replies = inspect().conf(with_defaults=True) or {}  # entries added in code live in the default dict
    entry = (next(iter(replies.values()), {}).get("beat_schedule") or {}).get("sales-report") or {}
    assert entry.get("task") == "tasks.sales_report"
    assert (entry.get("options") or {}).get("expires") == 2, f"sales-report options: {entry.get('options')}"
