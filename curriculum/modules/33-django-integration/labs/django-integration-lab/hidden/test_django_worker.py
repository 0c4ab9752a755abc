"""Hidden tests for module 33's Django integration lab: the worker is started with `-A proj`.

The lab's setup step migrated a fresh SQLite database in the lab folder and created one order
(primary key 1) before the worker started.
"""
from coursebot_lab import call, registered, stats


def only_worker():
    replies = stats()
    assert replies, "no worker answered"
    return next(iter(replies.values()))


def test_the_hard_time_limit_comes_from_django_settings():
    assert only_worker()["pool"]["timeouts"][1] == 300, "CELERY_TASK_TIME_LIMIT = 300 in settings.py should reach the worker"


def test_the_prefetch_multiplier_comes_from_django_settings():
    # One process times CELERY_WORKER_PREFETCH_MULTIPLIER.
    assert only_worker()["prefetch_count"] == 1


def test_process_order_is_found_by_autodiscovery():
    assert "orders.tasks.process_order" in registered()


def test_process_order_marks_the_order_processed():
    assert call("orders.tasks.process_order", 1, timeout=10) == {"id": 1, "status": "processed"}
