"""Hidden tests for module 37's latency exercise.

Two workers run the learner's app: `urgent` consumes queue urgent (one process) and `bulk`
consumes queue bulk (two prefork processes). Tasks are sent where the routes the worker loaded
(task_routes, read back with inspect().conf()) say, so routing is the learner's, not the test's.
"""
import statistics
import time
import uuid

from celery.app.routes import MapRoute
from coursebot_lab import app, registered, send

ROUTED = ("latency.ping", "latency.crunch", "latency.track")


def replies(method):
    # Two workers answer: limit=2 returns as soon as both did, instead of waiting out the timeout.
    found = getattr(app.control.inspect(timeout=2, limit=2), method)() or {}
    assert found, "no worker answered"
    return found


def worker(name, method):
    for host, reply in replies(method).items():
        if host.startswith(name + "@"):
            return reply
    raise AssertionError(f"the {name} worker did not answer")


def routes():
    table = worker("urgent", "conf").get("task_routes")
    assert isinstance(table, (dict, list)), (
        f"task_routes is {table!r}: write it as a dict of task name (or glob) to {{'queue': ...}}, or a list of such maps")
    return table


def resolve(table, task):
    """The queue the learner's app routes `task` to, with Celery's own map router (names, globs)."""
    for entry in (table if isinstance(table, list) else [table]):
        if isinstance(entry, dict):
            route = MapRoute(entry)(task)
        elif isinstance(entry, list) and all(isinstance(pair, list) and len(pair) == 2 for pair in entry):
            route = MapRoute([tuple(pair) for pair in entry])(task)
        else:
            continue
        if route:
            return route.get("queue")
    return None


def queue_for(task):
    return resolve(routes(), task) or "celery"


def ping_latencies(count):
    queue = queue_for("latency.ping")
    waits = []
    for _ in range(count):
        sent_at = time.time()
        ran_at = send("latency.ping", sent_at, queue=queue).get(timeout=5)
        waits.append((time.time() - sent_at) * 1000)
        assert isinstance(ran_at, (int, float)) and sent_at - 0.5 <= ran_at <= time.time() + 0.5, (
            f"latency.ping should return time.time() when it ran, not {ran_at!r}")
    return waits


def p95(values):
    return statistics.quantiles(values, n=20)[-1]


def test_the_three_tasks_are_registered():
    assert set(ROUTED) <= registered()


def test_routes_send_pings_to_urgent_and_long_work_to_bulk():
    table = routes()
    found = {task: resolve(table, task) for task in ROUTED}
    assert found == {"latency.ping": "urgent", "latency.crunch": "bulk", "latency.track": "bulk"}, f"routes: {found}"


def test_a_ping_answers_within_100_ms_when_idle():
    waits = ping_latencies(20)
    assert p95(waits) < 100, f"95th percentile {p95(waits):.0f} ms (all: {[round(w) for w in waits]})"


def test_a_ping_answers_within_150_ms_while_bulk_is_saturated():
    bulk = queue_for("latency.crunch")
    long_work = [send("latency.crunch", 1.0, queue=bulk) for _ in range(6)]
    time.sleep(0.2)
    waits = ping_latencies(20)
    assert p95(waits) < 150, (
        f"95th percentile {p95(waits):.0f} ms while long tasks ran: pings must never wait behind them")
    assert [r.get(timeout=10) for r in long_work] == [1.0] * 6, "latency.crunch(seconds) should return seconds"


def test_long_tasks_are_acknowledged_only_after_they_ran():
    running = send("latency.crunch", 1.5, queue=queue_for("latency.crunch"))
    deadline = time.monotonic() + 5
    seen = None
    while seen is None and time.monotonic() < deadline:
        seen = next((t for t in worker("bulk", "active") if t.get("id") == running.id), None)
    assert seen is not None, "latency.crunch never showed up as active on the bulk worker"
    assert seen.get("acknowledged") is False, (
        "latency.crunch was acknowledged before it finished: declare it with acks_late=True, "
        "so a report lost with its process is delivered again")
    assert running.get(timeout=10) == 1.5


def test_fire_and_forget_tracking_stores_no_result():
    task_id = str(uuid.uuid4())
    before = worker("bulk", "stats").get("total", {}).get("latency.track", 0)
    send("latency.track", {"event": "page_view"}, queue=queue_for("latency.track"), task_id=task_id)
    deadline = time.monotonic() + 10
    while worker("bulk", "stats").get("total", {}).get("latency.track", 0) <= before and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)
    assert worker("bulk", "stats").get("total", {}).get("latency.track", 0) > before, "latency.track never ran on the bulk worker"
    meta = app.backend.get_task_meta(task_id)
    assert meta["status"] == "PENDING", f"latency.track stored a result ({meta['status']}): declare it with ignore_result=True"
