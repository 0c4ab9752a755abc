"""Hidden tests for module 29's profile lab: the workload's task runs on the lab's worker."""
import time

from coursebot_lab import call


def test_the_workload_task_reports_its_timestamps():
    sent = time.time()
    value = call("tasks.work", 7, sent)
    assert value["item"] == 7 and value["sent"] == sent
    assert sent <= value["started"] <= value["finished"] <= time.time() + 1
