"""White-box tests for module 7's exercise: the monitor's functions, imported from the learner's
monitor.py. They run after the command check, so the lab's worker has stopped and the producer's
messages still wait in their queues."""
import importlib
import os

import pytest
import redis

QUEUES = ["analytics", "celery", "notifications", "orders", "priority"]


@pytest.fixture(scope="module")
def monitor():
    return importlib.import_module("monitor")


@pytest.fixture(scope="module")
def app():
    return importlib.import_module("tasks").app


class FakeInspect:
    def active_queues(self):
        return {
            "fast@host": [{"name": "orders"}, {"name": "celery"}],
            "bulk@host": [{"name": "orders"}, {"name": "analytics"}],
        }


def test_queue_names_lists_the_declared_queues_sorted(monitor, app):
    assert monitor.queue_names(app) == QUEUES


def test_queue_depths_counts_what_waits_in_each_queue(monitor, app):
    broker = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
    before = monitor.queue_depths(app)
    assert before == {name: broker.llen(name) for name in QUEUES}
    for event in ("extra-1", "extra-2"):
        app.send_task("analytics.track", args=[event], queue="analytics")
    after = monitor.queue_depths(app)
    assert after["analytics"] == before["analytics"] + 2, "two more messages were sent to analytics"


def test_consumers_gives_every_queue_its_workers(monitor, app, monkeypatch):
    monkeypatch.setattr(app.control, "inspect", lambda *args, **kwargs: FakeInspect())
    assert monitor.consumers(app) == {
        "analytics": ["bulk@host"],
        "celery": ["fast@host"],
        "notifications": [],
        "orders": ["bulk@host", "fast@host"],
        "priority": [],
    }


def test_consumers_is_empty_for_every_queue_when_no_worker_answers(monitor, app):
    assert monitor.consumers(app, timeout=0.5) == {name: [] for name in QUEUES}


def test_report_prints_queue_count_and_consumers_per_line(monitor, app, monkeypatch):
    monkeypatch.setattr(monitor, "queue_depths", lambda app: dict(zip(QUEUES, [4, 0, 12, 7, 1])))
    monkeypatch.setattr(monitor, "consumers", lambda app, timeout=1.0: {
        "analytics": [], "celery": ["a@h", "b@h"], "notifications": [], "orders": ["a@h"], "priority": []})
    lines = [" ".join(line.split()) for line in monitor.report(app).splitlines()]
    assert [line for line in lines if line.split(" ")[0] in QUEUES] == [
        "analytics 4 -", "celery 0 a@h,b@h", "notifications 12 -", "orders 7 a@h", "priority 1 -"]
