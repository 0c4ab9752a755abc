"""Hidden test for module 3's RabbitMQ lab, black-box: the queue the learner's worker consumes is
declared with x-max-priority 10 (what task_queue_max_priority does; inspect active_queues)."""
from coursebot_lab import app


def test_the_consumed_queue_is_declared_with_priorities():
    replies = app.control.inspect(timeout=3, limit=1).active_queues() or {}
    assert replies, "no worker answered"
    queues = {q["name"]: q.get("queue_arguments") or {} for q in next(iter(replies.values()))}
    assert "celery" in queues, f"the worker consumes {sorted(queues)}"
    found = queues["celery"].get("x-max-priority")
    assert found == 10, f"the celery queue is declared with {queues['celery'] or 'no arguments'}: set task_queue_max_priority = 10"
