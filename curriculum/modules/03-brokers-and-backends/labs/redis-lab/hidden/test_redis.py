"""Hidden tests for module 3's Redis lab: the worker's own view of its settings (inspect conf and
stats), and what it actually stores in the Redis result backend. Inputs are drawn per run from
COURSEBOT_SEED (reported in failures)."""
import json
import os
import random
from urllib.parse import urlparse

import redis
from coursebot_lab import app, call, outcome, send, wait_until

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


def ask(command):
    """One worker's answer to an inspect command (limit=1: no need to wait out the timeout)."""
    replies = getattr(app.control.inspect(timeout=3, limit=1), command)() or {}
    assert replies, "no worker answered"
    return next(iter(replies.values()))


def redis_db(url):
    path = urlparse(url).path.strip("/")
    return int(path or 0)


def test_add_runs_through_redis():
    x, y = RNG.randint(-10**6, 10**6), RNG.randint(-10**6, 10**6)
    assert call("tasks.add", x, y) == x + y, f"add({x}, {y}) should return {x + y} (seed {SEED})"


def test_worker_loaded_broker_and_backend_from_celeryconfig():
    conf = ask("conf")
    broker, backend = conf.get("broker_url"), conf.get("result_backend")
    assert broker and backend, "the worker has no broker_url/result_backend setting: did tasks.py load celeryconfig?"
    assert broker.startswith("redis://"), f"broker_url should be a redis:// URL, not {broker!r}"
    assert backend.startswith("redis://"), f"result_backend should be a redis:// URL, not {backend!r}"
    assert redis_db(broker) != redis_db(backend), "keep messages and results in different Redis databases (/0 and /1)"


def test_visibility_timeout_is_two_hours():
    options = ask("stats").get("broker", {}).get("transport_options", {})
    assert options.get("visibility_timeout") == 7200, f"the worker's broker transport options are {options}"


def test_serializers_are_set_to_json_only():
    conf = ask("conf")
    found = {name: conf.get(name) for name in ("task_serializer", "result_serializer", "accept_content")}
    assert found == {"task_serializer": "json", "result_serializer": "json", "accept_content": ["json"]}, \
        f"the worker reports {found}"


def test_results_are_stored_as_json_for_one_hour():
    x, y = RNG.randint(1, 10**6), RNG.randint(1, 10**6)
    result = send("tasks.add", x, y)
    assert outcome(result).expect_success() == x + y, f"add({x}, {y}) should return {x + y} (seed {SEED})"
    store = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"])
    key = f"celery-task-meta-{result.id}"
    raw = store.get(key)
    assert raw is not None, "the result is not in the result backend"
    meta = json.loads(raw)
    assert meta["status"] == "SUCCESS" and meta["result"] == x + y, f"the backend holds {meta!r} (seed {SEED})"
    ttl = store.ttl(key)
    assert 3000 < ttl <= 3600, f"the result expires in {ttl} s; result_expires should be one hour (3600 s)"


def test_running_tasks_are_reported_as_started():
    result = send("tasks.wait", 3)
    # the first state after PENDING, while the 3-second task runs
    seen = wait_until(lambda: result.state if result.state != "PENDING" else None, timeout=2.5, interval=0.05)
    assert seen == "STARTED", f"while the task ran its state was {seen or 'PENDING'}; set task_track_started"
    assert outcome(result).expect_success() == 3
