"""Hidden tests for module 17's content routing lab. Four workers run the learner's app, each on
one queue (default@: celery, standard@, bulk@, priority@). The learner's ingest task sends
process_upload from inside the worker, so the learner's router picks the queue; the routed task
reports the routing key it came through and the worker that ran it."""
import pytest

from coursebot_lab import app, call, inspect

QUEUES = ("celery", "standard", "bulk", "priority")
WORKER_OF = {"celery": "default", "standard": "standard", "bulk": "bulk", "priority": "priority"}


def ran_on(queue, child_id, upload_id=None):
    where = app.AsyncResult(child_id).get(timeout=10)
    worker = str(where.get("worker", "")).split("@")[0]
    assert (where.get("queue"), worker) == (queue, WORKER_OF[queue]), (
        f"expected queue {queue} (worker {WORKER_OF[queue]}), it went through {where.get('queue')} to {worker}")
    if upload_id is not None:
        assert where.get("id") == upload_id


def ingest(upload, **kwargs):
    return call("routing.ingest", upload, kwargs=kwargs) if kwargs else call("routing.ingest", upload)


def test_premium_uploads_go_to_the_priority_queue():
    upload = {"id": "u1", "kind": "image", "size_mb": 2, "customer_tier": "premium"}
    ran_on("priority", ingest(upload), "u1")


def test_videos_go_to_the_bulk_queue():
    ran_on("bulk", ingest({"id": "u2", "kind": "video", "size_mb": 12, "customer_tier": "free"}), "u2")


def test_files_of_100_mb_or_more_go_to_the_bulk_queue():
    ran_on("bulk", ingest({"id": "u3", "kind": "document", "size_mb": 100, "customer_tier": "free"}), "u3")
    ran_on("bulk", ingest({"id": "u4", "kind": "image", "size_mb": 250.5, "customer_tier": "free"}), "u4")


def test_small_uploads_of_free_customers_go_to_the_standard_queue():
    ran_on("standard", ingest({"id": "u5", "kind": "image", "size_mb": 99.9, "customer_tier": "free"}), "u5")
    ran_on("standard", ingest({"id": "u6", "kind": "document", "size_mb": 1, "customer_tier": "free"}), "u6")


def test_premium_wins_over_kind_and_size():
    ran_on("priority", ingest({"id": "u7", "kind": "video", "size_mb": 900, "customer_tier": "premium"}), "u7")


def test_uploads_passed_by_keyword_are_routed_too():
    ran_on("bulk", ingest({"id": "u8", "kind": "video", "size_mb": 5, "customer_tier": "free"}, by_keyword=True), "u8")
    ran_on("priority", ingest({"id": "u9", "kind": "image", "size_mb": 5, "customer_tier": "premium"}, by_keyword=True), "u9")


def test_an_upload_missing_fields_goes_to_the_standard_queue():
    ran_on("standard", ingest({"id": "u10"}), "u10")


def test_an_explicit_queue_still_wins():
    ran_on("standard", ingest({"id": "u11", "kind": "video", "size_mb": 500, "customer_tier": "free"}, queue="standard"), "u11")


def test_other_tasks_stay_on_the_default_queue():
    ran_on("celery", call("routing.dispatch_health_check"))


def test_every_queue_is_declared_and_no_queue_is_created_on_the_fly():
    conf = next(iter((inspect().conf(with_defaults=True) or {None: {}}).values()))
    assert conf.get("task_create_missing_queues") is False
    declared = str(conf.get("task_queues"))
    assert all(f"Queue {name} " in declared or f"'{name}'" in declared for name in QUEUES), declared
