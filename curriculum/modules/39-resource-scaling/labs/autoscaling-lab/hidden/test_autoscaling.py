"""Hidden tests for module 39's autoscaling lab (instructor-reviewed; this is the automated part).

The worker runs the learner's app with `--autoscale=4,1` (prefork), so the learner's autoscaler
class (worker_autoscaler) decides when the pool grows and shrinks. Everything is observed from
outside: `inspect().stats()` reports the autoscaler and the pool's processes, tasks report their
process ids, and the last test resizes the autoscaler with the `autoscale` remote control command.
"""
import time

from coursebot_lab import app, registered, send


def worker_stats():
    replies = app.control.inspect(timeout=2, limit=1).stats() or {}
    assert replies, "no worker answered"
    return next(iter(replies.items()))


def autoscaler():
    info = worker_stats()[1].get("autoscaler")
    assert info, "the worker reports no autoscaler: is it started with --autoscale?"
    return info


def processes():
    return len(worker_stats()[1].get("pool", {}).get("processes", []))


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    return predicate()


def test_work_is_registered():
    assert "scaling.work" in registered()


def test_your_autoscaler_reports_a_short_keepalive():
    info = autoscaler()
    assert (info.get("max"), info.get("min")) == (4, 1), f"the autoscaler reports {info}"
    keepalive = info.get("keepalive")
    assert isinstance(keepalive, (int, float)) and 0 < keepalive <= 5, (
        f"the autoscaler reports keepalive {keepalive!r}: your Autoscaler subclass (worker_autoscaler) should "
        "scale down after at most 5 idle seconds and report its keepalive in info()")


def test_an_idle_worker_runs_the_minimum():
    assert wait_for(lambda: processes() == 1, 10), f"an idle worker runs {processes()} processes; --autoscale=4,1 means 1"


def test_a_backlog_grows_the_pool_to_the_maximum():
    results = [send("scaling.work", 1.5) for _ in range(8)]
    grown = wait_for(lambda: processes() == 4, 3)
    pids = {r.get(timeout=20) for r in results}
    assert grown, "eight queued 1.5 s tasks did not grow the pool to 4 processes within 3 s"
    assert len(pids) == 4, f"the tasks ran in {len(pids)} processes, expected 4"


def test_an_idle_pool_shrinks_back_to_the_minimum():
    start = time.monotonic()
    # A keepalive of at most 5 s shrinks well inside 20 s even on a loaded machine; the stock
    # 30 s keepalive (counted from the last scale-up, a few seconds before this test) does not.
    shrunk = wait_for(lambda: processes() == 1, 20)
    assert shrunk, f"the pool still runs {processes()} processes 20 s after the work ended: shorten the keepalive"
    print(f"shrank in {time.monotonic() - start:.1f} s")


def test_the_autoscaler_can_be_resized_at_run_time():
    worker, _ = worker_stats()
    app.control.autoscale(6, 2, destination=[worker], reply=True, timeout=2)
    info = wait_for(lambda: autoscaler().get("min") == 2 and processes() >= 2 and autoscaler(), 5)
    assert info and (info["max"], info["min"]) == (6, 2), f"after `autoscale 6 2` the autoscaler reports {autoscaler()}"
