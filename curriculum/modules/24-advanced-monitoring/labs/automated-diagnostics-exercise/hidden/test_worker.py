"""Hidden tests for module 24's diagnostics exercise: the worker the diagnostics will watch is up."""
from coursebot_lab import call, registered


def test_the_watched_worker_runs_the_tasks():
    assert {"tasks.add", "tasks.sleepy"} <= registered()
    assert call("tasks.add", 2, 2) == 4
