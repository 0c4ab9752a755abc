"""Hidden tests for module 34's async API lab: the worker (`-A proj`) runs the job task.
The setup step created job 1 with the text "one two three" before the worker started."""
from coursebot_lab import call, registered


def test_the_job_task_is_registered():
    assert "jobs.tasks.run_job" in registered()


def test_run_job_returns_the_counts():
    assert call("jobs.tasks.run_job", 1, timeout=10) == {"lines": 1, "words": 3}
