"""Hidden tests for module 17's content routing lab. Four workers run the learner's app, each on
one queue (default@: celery, standard@, bulk@, priority@). The learner's ingest task sends
process_upload from inside the worker, so the learner's router picks the queue; the routed task
reports the routing key it came through and the worker that ran it. Upload ids, kinds and sizes
are drawn from COURSEBOT_SEED, so no table of known uploads can stand in for the rules."""
import os
import random
import uuid

from coursebot_lab import app, call, inspect

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)
QUEUES = ("celery", "standard", "bulk", "priority")
WORKER_OF = {"celery": "default", "standard": "standard", "bulk": "bulk", "priority": "priority"}
SMALL_KINDS = ("image", "document", "audio", "archive")


def upload(kind=None, size_mb=None, tier="free"):
    item = {"id": f"u-{uuid.UUID(int=RANDOM.getrandbits(128)).hex[:12]}", "customer_tier": tier}
    if kind is not None:
        item["kind"] = kind
    if size_mb is not None:
        item["size_mb"] = size_mb
    return item


def small():
    return round(RANDOM.uniform(0.1, 99.9), 1)


def large():
    return RANDOM.choice([100, 100.0, round(RANDOM.uniform(100.1, 5000), 1), RANDOM.randint(101, 5000)])


def ran_on(queue, child_id, item=None):
    where = app.AsyncResult(child_id).get(timeout=10)
    worker = str(where.get("worker", "")).split("@")[0]
    assert (where.get("queue"), worker) == (queue, WORKER_OF[queue]), (
        f"{item}: expected queue {queue} (worker {WORKER_OF[queue]}), it went through {where.get('queue')} to {worker} "
        f"(seed {SEED})")
    if item is not None:
        assert where.get("id") == item["id"]


def ingest(item, **kwargs):
    return call("routing.ingest", item, kwargs=kwargs) if kwargs else call("routing.ingest", item)


def test_premium_uploads_go_to_the_priority_queue():
    item = upload(RANDOM.choice(SMALL_KINDS), small(), "premium")
    ran_on("priority", ingest(item), item)


def test_videos_go_to_the_bulk_queue():
    item = upload("video", small())
    ran_on("bulk", ingest(item), item)


def test_files_of_100_mb_or_more_go_to_the_bulk_queue():
    for size in (100, large()):
        item = upload(RANDOM.choice(SMALL_KINDS), size)
        ran_on("bulk", ingest(item), item)


def test_small_uploads_of_free_customers_go_to_the_standard_queue():
    for size in (99.9, small()):
        item = upload(RANDOM.choice(SMALL_KINDS), size, RANDOM.choice(["free", "basic"]))
        ran_on("standard", ingest(item), item)


def test_premium_wins_over_kind_and_size():
    item = upload("video", large(), "premium")
    ran_on("priority", ingest(item), item)


def test_uploads_passed_by_keyword_are_routed_too():
    video, premium = upload("video", small()), upload(RANDOM.choice(SMALL_KINDS), small(), "premium")
    ran_on("bulk", ingest(video, by_keyword=True), video)
    ran_on("priority", ingest(premium, by_keyword=True), premium)


def test_an_upload_missing_fields_goes_to_the_standard_queue():
    item = {"id": upload()["id"]}
    ran_on("standard", ingest(item), item)


def test_an_explicit_queue_still_wins():
    item = upload("video", large())
    ran_on("standard", ingest(item, queue="standard"), item)


def test_other_tasks_stay_on_the_default_queue():
    ran_on("celery", call("routing.dispatch_health_check"))


def test_every_queue_is_declared_and_no_queue_is_created_on_the_fly():
    conf = next(iter((inspect().conf(with_defaults=True) or {None: {}}).values()))
    assert conf.get("task_create_missing_queues") is False
    declared = str(conf.get("task_queues"))
    assert all(f"Queue {name} " in declared or f"'{name}'" in declared for name in QUEUES), declared
