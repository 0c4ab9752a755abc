"""Hidden tests for module 39's resource usage exercise.

The worker (prefork, two processes) runs the learner's app; chaos.py (provided) simulates a memory
leak, a runaway loop and a process killed like the OOM killer does. The tests observe from outside:
the processes' memory as the tasks report it, how tasks fail, and whether work is lost.
resources.fragile has time limits of its own (15 s): Celery 5.2 may take up to 5 s (its pool
maintenance timer) to notice a killed process, longer than the app's 2 s hard limit.
"""
import os
import time
import uuid

import pytest

from coursebot_lab import app, call, outcome, send

BUDGET_KB = 100_000
LEARNER_UIDS = range(1_000_000_000, 2_000_000_000)  # the grader's per-lab learner users


def learner_rss_kb():
    """{pid: VmRSS in KiB} of every process of the learner's user, read by the grader from /proc
    (empty when the grader runs without the user switch, where nothing tells the processes apart)."""
    found = {}
    if os.geteuid() != 0:
        return found
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and os.stat(f"/proc/{entry}").st_uid in LEARNER_UIDS:
                with open(f"/proc/{entry}/status") as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            found[int(entry)] = int(line.split()[1])
        except OSError:
            pass
    return found


def sample_both_processes():
    samples = [send("resources.rss") for _ in range(2)]
    return [s.get(timeout=10) for s in samples]


def test_a_task_whose_process_died_is_run_again():
    token = uuid.uuid4().hex[:12]
    try:
        outcome = call("resources.fragile", token, timeout=20)
    except Exception as error:  # noqa: BLE001 - the failure is the finding
        pytest.fail(
            f"the task was lost with its process ({type(error).__name__}): acknowledge late and "
            "reject (requeue) tasks whose worker process was lost")
    assert outcome == "survived"


def test_a_leaking_process_is_replaced_before_the_next_task():
    leaked = [send("resources.hog", 120) for _ in range(2)]
    for result in leaked:
        assert result.get(timeout=15)["rss_kb"] > BUDGET_KB
    time.sleep(0.5)
    over = [s for s in sample_both_processes() + sample_both_processes() if s["rss_kb"] > BUDGET_KB]
    assert not over, (
        f"processes still hold {[s['rss_kb'] // 1024 for s in over]} MB after leaking: set "
        "worker_max_memory_per_child (in KiB) so a child over 100 MB is replaced")
    measured = {pid: kb for pid, kb in learner_rss_kb().items() if kb > BUDGET_KB}
    assert not measured, (
        f"processes of your worker still hold {sorted(kb // 1024 for kb in measured.values())} MB after leaking "
        "(read from /proc): set worker_max_memory_per_child (in KiB) so a child over 100 MB is replaced")


def test_a_runaway_task_is_stopped_by_its_time_limit():
    result = send("resources.runaway")
    start = time.monotonic()
    done = outcome(result, timeout=10)
    elapsed = time.monotonic() - start
    assert done.error_type in ("SoftTimeLimitExceeded", "TimeLimitExceeded"), (
        f"the runaway task ended {done.state}: {done.error_type}: {done.error_message}")
    assert elapsed < 3.5, f"the runaway task ran {elapsed:.1f} s: a soft limit of 1 s and a hard one of 2 s stop it sooner"


def test_the_worker_keeps_serving_after_a_runaway_task():
    assert all(s["rss_kb"] > 0 for s in sample_both_processes())


def test_each_process_reserves_one_message():
    replies = app.control.inspect(timeout=2, limit=1).stats() or {}
    stats = next(iter(replies.values()), {})
    processes = stats.get("pool", {}).get("max-concurrency") or 2
    assert stats.get("prefetch_count") == processes, (
        f"the worker reserves {stats.get('prefetch_count')} messages for {processes} processes: set worker_prefetch_multiplier = 1")
